using System.Collections.Generic;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>The status each framework helper and result type stands for.</summary>
    internal static class StatusTables
    {
        /// <summary><c>ControllerBase</c> helpers whose name fixes the status.</summary>
        public static readonly Dictionary<string, int> ControllerHelpers = new Dictionary<string, int>
        {
            ["Ok"] = 200,
            ["Created"] = 201,
            ["CreatedAtAction"] = 201,
            ["CreatedAtRoute"] = 201,
            ["Accepted"] = 202,
            ["AcceptedAtAction"] = 202,
            ["AcceptedAtRoute"] = 202,
            ["NoContent"] = 204,
            ["Redirect"] = 302,
            ["RedirectPermanent"] = 301,
            ["RedirectPreserveMethod"] = 307,
            ["RedirectPermanentPreserveMethod"] = 308,
            ["LocalRedirect"] = 302,
            ["LocalRedirectPermanent"] = 301,
            ["LocalRedirectPreserveMethod"] = 307,
            ["LocalRedirectPermanentPreserveMethod"] = 308,
            ["RedirectToAction"] = 302,
            ["RedirectToActionPermanent"] = 301,
            ["RedirectToRoute"] = 302,
            ["RedirectToRoutePermanent"] = 301,
            ["RedirectToPage"] = 302,
            ["RedirectToPagePermanent"] = 301,
            ["BadRequest"] = 400,
            ["Unauthorized"] = 401,
            ["Forbid"] = 403,
            ["NotFound"] = 404,
            ["Conflict"] = 409,
            ["UnprocessableEntity"] = 422,
            ["ValidationProblem"] = 400,
            ["Problem"] = 500,
        };

        /// <summary><c>Results.*</c> and <c>TypedResults.*</c> factories whose name fixes the status.</summary>
        public static readonly Dictionary<string, int> ResultFactories = new Dictionary<string, int>
        {
            ["Ok"] = 200,
            ["Created"] = 201,
            ["CreatedAtRoute"] = 201,
            ["Accepted"] = 202,
            ["AcceptedAtRoute"] = 202,
            ["NoContent"] = 204,
            ["Redirect"] = 302,
            ["LocalRedirect"] = 302,
            ["RedirectToRoute"] = 302,
            ["BadRequest"] = 400,
            ["Unauthorized"] = 401,
            ["Forbid"] = 403,
            ["NotFound"] = 404,
            ["Conflict"] = 409,
            ["UnprocessableEntity"] = 422,
            ["InternalServerError"] = 500,
            ["ValidationProblem"] = 400,
            ["Problem"] = 500,
        };

        /// <summary>MVC result types (namespace <c>Microsoft.AspNetCore.Mvc</c>) with a fixed status.</summary>
        public static readonly Dictionary<string, int> MvcResultTypes = new Dictionary<string, int>
        {
            ["OkResult"] = 200,
            ["OkObjectResult"] = 200,
            ["CreatedResult"] = 201,
            ["CreatedAtActionResult"] = 201,
            ["CreatedAtRouteResult"] = 201,
            ["AcceptedResult"] = 202,
            ["AcceptedAtActionResult"] = 202,
            ["AcceptedAtRouteResult"] = 202,
            ["NoContentResult"] = 204,
            ["BadRequestResult"] = 400,
            ["BadRequestObjectResult"] = 400,
            ["UnauthorizedResult"] = 401,
            ["UnauthorizedObjectResult"] = 401,
            ["ForbidResult"] = 403,
            ["NotFoundResult"] = 404,
            ["NotFoundObjectResult"] = 404,
            ["ConflictResult"] = 409,
            ["ConflictObjectResult"] = 409,
            ["UnprocessableEntityResult"] = 422,
            ["UnprocessableEntityObjectResult"] = 422,
        };

        /// <summary>Minimal-API result types (namespace <c>Microsoft.AspNetCore.Http.HttpResults</c>) with a fixed status.</summary>
        public static readonly Dictionary<string, int> HttpResultTypes = new Dictionary<string, int>
        {
            ["Ok"] = 200,
            ["Ok`1"] = 200,
            ["Created"] = 201,
            ["Created`1"] = 201,
            ["CreatedAtRoute"] = 201,
            ["CreatedAtRoute`1"] = 201,
            ["Accepted"] = 202,
            ["Accepted`1"] = 202,
            ["AcceptedAtRoute"] = 202,
            ["AcceptedAtRoute`1"] = 202,
            ["NoContent"] = 204,
            ["BadRequest"] = 400,
            ["BadRequest`1"] = 400,
            ["UnauthorizedHttpResult"] = 401,
            ["ForbidHttpResult"] = 403,
            ["NotFound"] = 404,
            ["NotFound`1"] = 404,
            ["Conflict"] = 409,
            ["Conflict`1"] = 409,
            ["UnprocessableEntity"] = 422,
            ["UnprocessableEntity`1"] = 422,
            ["InternalServerError"] = 500,
            ["InternalServerError`1"] = 500,
            ["ValidationProblem"] = 400,
        };

        /// <summary>The <c>ControllerBase</c> helper that writes a status with an optional body, by status.</summary>
        public static readonly Dictionary<int, string> ControllerHelperByStatus = new Dictionary<int, string>
        {
            [200] = "Ok",
            [400] = "BadRequest",
            [401] = "Unauthorized",
            [404] = "NotFound",
            [409] = "Conflict",
            [422] = "UnprocessableEntity",
        };

        /// <summary>The <c>Results</c>/<c>TypedResults</c> factory that writes a status with an optional body, by status.</summary>
        public static readonly Dictionary<int, string> ResultFactoryByStatus = new Dictionary<int, string>
        {
            [200] = "Ok",
            [400] = "BadRequest",
            [404] = "NotFound",
            [409] = "Conflict",
            [422] = "UnprocessableEntity",
            [500] = "InternalServerError",
        };

        /// <summary>The body-less MVC result type for a status, and its with-body counterpart.</summary>
        public static readonly Dictionary<int, (string Plain, string WithBody)> MvcResultTypeByStatus = new Dictionary<int, (string, string)>
        {
            [200] = ("OkResult", "OkObjectResult"),
            [400] = ("BadRequestResult", "BadRequestObjectResult"),
            [401] = ("UnauthorizedResult", "UnauthorizedObjectResult"),
            [404] = ("NotFoundResult", "NotFoundObjectResult"),
            [409] = ("ConflictResult", "ConflictObjectResult"),
            [422] = ("UnprocessableEntityResult", "UnprocessableEntityObjectResult"),
        };

        /// <summary>The minimal-API result type name for a status (without arity).</summary>
        public static readonly Dictionary<int, string> HttpResultTypeByStatus = new Dictionary<int, string>
        {
            [200] = "Ok",
            [400] = "BadRequest",
            [404] = "NotFound",
            [409] = "Conflict",
            [422] = "UnprocessableEntity",
            [500] = "InternalServerError",
        };
    }
}
