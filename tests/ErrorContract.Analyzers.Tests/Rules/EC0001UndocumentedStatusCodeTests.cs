using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.UndocumentedStatusCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0001: a status code the contract does not document. Contract A (Artworks) documents
    /// 200, 201, 400, 401, 403, 404, 409, 429, 500 and nothing else; contract B (Studio) documents the error
    /// statuses 400, 401, 402, 403, 404, 429, 500, 502, 503 and leaves success statuses open.
    /// </summary>
    public sealed partial class EC0001UndocumentedStatusCodeTests
    {
        private static string A => TestContracts.Artworks;

        private static string B => TestContracts.Studio;

        // ---------- MVC controllers ----------

        [Fact]
        public async Task ControllerStatusCodeLiteral_IsFlagged_UnderBothContracts()
        {
            const string source = """

public class TeaController : ControllerBase
{
    [HttpGet]
    public IActionResult Brew() => {|EC0001:StatusCode(418)|};
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task Message_NamesTheStatus_WhatTheContractDocuments_AndTheReplacement()
        {
            const string source = """

public class TeaController : ControllerBase
{
    public IActionResult Brew() => StatusCode(418);
}
""";
            await VerifyCS.AnalyzerAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0001").WithSpan("/0/Test0.cs", 4, 36, 4, 51)
                    .WithMessage("Status 418 is not documented by the Artworks API error contract; it documents 200, 201, 400, 401, 403, 404, 409, 429, 500; use 400 instead"));
            await VerifyCS.AnalyzerAsync(
                B,
                source,
                VerifyCS.Diagnostic("EC0001").WithSpan("/0/Test0.cs", 4, 36, 4, 51)
                    .WithMessage("Status 418 is not documented by the Studio API error contract; it documents 400, 401, 402, 403, 404, 429, 500, 502, 503 (success statuses are not restricted); use 400 instead"));
        }

        [Fact]
        public async Task ControllerHelpers_ImplyTheirStatus()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Validate(string s) => {|EC0001:UnprocessableEntity(s)|};
    public IActionResult Queue() => [|Accepted()|];
    public IActionResult Delete() => [|NoContent()|];
    public IActionResult Duplicate() => [|Conflict()|];
    public IActionResult Missing() => NotFound();
    public IActionResult Deny() => Forbid();
    public IActionResult Fine() => Ok();
}
""";
            // A documents 409 but not 202 or 204.
            await VerifyCS.AnalyzerAsync(A, source.Replace("[|Accepted()|]", "{|EC0001:Accepted()|}").Replace("[|NoContent()|]", "{|EC0001:NoContent()|}").Replace("[|Conflict()|]", "Conflict()"));
            // B leaves success statuses open but does not document 409.
            await VerifyCS.AnalyzerAsync(B, source.Replace("[|Accepted()|]", "Accepted()").Replace("[|NoContent()|]", "NoContent()").Replace("[|Conflict()|]", "{|EC0001:Conflict()|}"));
        }

        [Fact]
        public async Task StatusConstants_EnumCasts_ConstFields_AndSwitchArms()
        {
            const string source = """

public class StatusController : ControllerBase
{
    private const int Teapot = 418;

    public IActionResult A() => {|EC0001:StatusCode(StatusCodes.Status422UnprocessableEntity)|};
    public IActionResult B() => {|EC0001:StatusCode((int)HttpStatusCode.UnprocessableEntity)|};
    public IActionResult C() => {|EC0001:StatusCode(Teapot)|};
    public IActionResult D(int kind) => StatusCode(kind switch { 1 => 404, _ => {|EC0001:418|} });
    public IActionResult E(bool b) => StatusCode(b ? 400 : {|EC0001:422|});
    public IActionResult F(int dynamicStatus) => StatusCode(dynamicStatus);
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task ProblemAndResultConstructors()
        {
            const string source = """

public class ResultsController : ControllerBase
{
    public IActionResult A() => {|EC0001:Problem(statusCode: 422)|};
    public IActionResult B() => Problem("boom");
    public IActionResult C() => {|EC0001:new StatusCodeResult(418)|};
    public IActionResult D(object x) => {|EC0001:new UnprocessableEntityObjectResult(x)|};
    public IActionResult E(object x) => new ObjectResult(x) { {|EC0001:StatusCode = 418|} };
    public IActionResult F(object x) => new ObjectResult(x) { StatusCode = 404 };
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task ResultsProblemWithAProblem_AnswersWithTheProblemsOwnStatus()
        {
            // Results.Problem(problemDetails) answers with problemDetails.Status (500 when it has none): the call is the site.
            const string source = """

public static class Endpoints
{
    public static IResult A() => {|EC0001:Results.Problem(new ProblemDetails { Title = "Teapot", Status = 418 })|};
    public static IResult B() => TypedResults.Problem(new ProblemDetails { Title = "Missing", Status = StatusCodes.Status404NotFound });
    public static IResult C() => Results.Problem(new ProblemDetails { Title = "Boom" });
    public static IResult D(ProblemDetails problem) => Results.Problem(problem);
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task Fix_ResultsProblemWithAProblem_RewritesTheProblemsStatus()
        {
            const string source = """

public static class Endpoints
{
    public static IResult A() => {|EC0001:Results.Problem(new ProblemDetails { Title = "Teapot", Status = 418 })|};
}
""";
            const string fixedSource = """

public static class Endpoints
{
    public static IResult A() => Results.Problem(new ProblemDetails { Title = "Teapot", Status = StatusCodes.Status400BadRequest });
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
        }

        [Fact]
        public async Task ConditionalActionResult_FlagsTheOffendingBranchOnly()
        {
            const string source = """

public record Item(int Id);
public class ItemsController : ControllerBase
{
    public ActionResult<Item> Get(int id, bool owned) => owned ? new Item(id) : {|EC0001:StatusCode(418)|};
    public async Task<ActionResult<Item>> GetAsync(int id)
    {
        await Task.Yield();
        return id > 0 ? new Item(id) : {|EC0001:UnprocessableEntity()|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task ProducesResponseTypeAttributes()
        {
            const string source = """

public record Item(int Id);
[{|EC0001:ProducesResponseType(418)|}]
public class ItemsController : ControllerBase
{
    [ProducesResponseType(typeof(Item), 404)]
    [{|EC0001:ProducesResponseType(typeof(Item), StatusCodes.Status422UnprocessableEntity)|}]
    [{|EC0001:ProducesResponseType<Item>(418)|}]
    public IActionResult Get() => NotFound();
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task ProducesResponseTypeAttributes_OnEveryKindOfMethod_AreReportedOnce()
        {
            // Declarations' attributes are judged from the attribute's own operation, lambdas' and local functions' attributes
            // with the lambda or local function: each attribute is reported exactly once, on every kind of method, on either
            // part of a partial method, and inside a method that has attributes of its own.
            const string source = """

public record Item(int Id);
public abstract class ItemsControllerBase : ControllerBase
{
    [{|EC0001:ProducesResponseType(418)|}]
    public abstract IActionResult Abstract();

    [{|EC0001:ProducesResponseType(418)|}]
    public virtual IActionResult Block()
    {
        return Ok();
    }
}

public interface IItemsApi
{
    [{|EC0001:ProducesResponseType(StatusCodes.Status422UnprocessableEntity)|}]
    IActionResult Interface();
}

public partial class ItemsController : ItemsControllerBase
{
    [{|EC0001:ProducesResponseType(418)|}]
    public override IActionResult Abstract() => Ok();

    [{|EC0001:ProducesResponseType(StatusCodes.Status422UnprocessableEntity)|}]
    public partial IActionResult Partial();

    public partial IActionResult Partial() => Ok();

    public partial IActionResult PartialImplemented();

    [{|EC0001:ProducesResponseType(418)|}]
    public partial IActionResult PartialImplemented() => Ok();

    [ProducesResponseType(404)]
    public IActionResult Documented() => Ok();

    [{|EC0001:ProducesResponseType(418)|}]
    public IActionResult WithNestedHandlers(IEndpointRouteBuilder app)
    {
        app.MapGet("/lambda", [{|EC0001:ProducesResponseType(418)|}] () => Results.Ok());

        [{|EC0001:ProducesResponseType(418)|}]
        IResult Local() => Results.Ok();

        app.MapGet("/local", Local);
        return Ok();
    }

    public static Results<Ok<Item>, {|EC0001:UnprocessableEntity|}> Union(Item item)
    {
        return TypedResults.Ok(item);
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        // ---------- minimal APIs ----------

        [Fact]
        public async Task MinimalApi_ResultsAndTypedResults_InLambdasLocalFunctionsAndMethodGroups()
        {
            const string source = """

public static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app, string route)
    {
        app.MapGet(route, () => {|EC0001:Results.StatusCode(418)|});
        app.MapPost("/items", (string s) => {|EC0001:Results.UnprocessableEntity(s)|});
        app.MapGet("/json", () => {|EC0001:Results.Json(new { a = 1 }, statusCode: 418)|});
        app.MapGet("/problem", () => {|EC0001:TypedResults.Problem(statusCode: 422)|});
        app.MapGet("/ok", () => Results.Ok());
        app.MapGet("/local", Local);
        app.MapGet("/group", Handler);

        IResult Local() => {|EC0001:TypedResults.StatusCode(418)|};
    }

    private static IResult Handler() => {|EC0001:Results.UnprocessableEntity()|};
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task ResultsUnionReturnTypes_FlagTheUndocumentedTypeArgument()
        {
            const string source = """

public record Item(int Id);
public static class Endpoints
{
    public static Results<Ok<Item>, {|EC0001:UnprocessableEntity|}> Create(Item item)
        => item.Id > 0 ? TypedResults.Ok(item) : {|EC0001:TypedResults.UnprocessableEntity()|};

    public static async Task<Results<Ok, NotFound, {|EC0001:UnprocessableEntity<string>|}>> Update(int id)
    {
        await Task.Yield();
        return id == 0 ? TypedResults.NotFound() : {|EC0001:TypedResults.UnprocessableEntity("bad")|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task SuccessStatuses_AreRestrictedUnderA_ButOpenUnderB()
        {
            const string source = """

public static class Endpoints
{
    public static IResult Queue() => [|Results.Accepted()|];
    public static IResult Empty() => [|TypedResults.NoContent()|];
}
""";
            await VerifyCS.AnalyzerAsync(A, source.Replace("[|", "{|EC0001:"));
            await VerifyCS.AnalyzerAsync(B, source.Replace("[|", string.Empty).Replace("|]", string.Empty));
        }

        // ---------- middleware, filters, exceptions ----------

        [Fact]
        public async Task ResponseStatusCodeAssignments_AndBadHttpRequestException()
        {
            const string source = """

public class ApiKeyMiddleware
{
    private readonly RequestDelegate next;
    public ApiKeyMiddleware(RequestDelegate next) => this.next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey("Authorization"))
        {
            {|EC0001:context.Response.StatusCode = 419|};
            return;
        }

        if (context.Request.ContentLength > 1000)
        {
            throw {|EC0001:new BadHttpRequestException("Too large", StatusCodes.Status413PayloadTooLarge)|};
        }

        context.Response.StatusCode = 401;
        await next(context);
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        // ---------- what must stay silent ----------

        [Fact]
        public async Task LookalikeTypes_FromOtherLibraries_AreNeverFlagged()
        {
            const string source = """

namespace MyLib
{
    public sealed class Result<T>
    {
        public static Result<T> NotFound() => new Result<T>();
        public static Result<T> StatusCode(int code) => new Result<T>();
    }

    public sealed class Results<T> { public static Results<T> UnprocessableEntity() => new Results<T>(); }

    public class PaymentController
    {
        public int StatusCode(int code) => code;
        public int Handle() => StatusCode(418);
        public object UnprocessableEntity() => new object();
    }

    public class Uses
    {
        public object A() => Result<int>.StatusCode(418);
        public object B() => Results<int>.UnprocessableEntity();
        public int C(System.Net.Http.HttpResponseMessage m) { m.StatusCode = HttpStatusCode.UnprocessableEntity; return 0; }
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task WithoutAContract_NothingIsReported()
        {
            const string source = """

public class TeaController : ControllerBase
{
    public IActionResult Brew() => StatusCode(418);
}
""";
            await VerifyCS.AnalyzerAsync(null, source);
        }

        [Fact]
        public async Task WithoutAspNetCore_NothingIsAnalysed()
        {
            await VerifyCS.AnalyzerAsync(A, """

public class Plain { public int StatusCode(int code) => code; public int Use() => StatusCode(418); }
""", test => test.WithoutAspNetCore());
        }

        [Fact]
        public async Task GeneratedCode_IsNotAnalysed()
        {
            const string source = """
// <auto-generated/>
public class TeaController : ControllerBase
{
    public IActionResult Brew() => StatusCode(418);
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
        }

        // ---------- the fix ----------

        [Fact]
        public async Task Fix_HelperBecomesTheIdiomaticHelperForTheDocumentedStatus()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Validate(string s)
    {
        // keep this comment
        return {|EC0001:UnprocessableEntity(s)|}; // and this one
    }
}
""";
            const string fixedSource = """

public class ItemsController : ControllerBase
{
    public IActionResult Validate(string s)
    {
        // keep this comment
        return BadRequest(s); // and this one
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
        }

        [Fact]
        public async Task Fix_ExplicitStatus_BecomesAStatusCodesConstant()
        {
            const string source = """

public static class Endpoints
{
    public static IResult Down() => {|EC0001:Results.StatusCode(503)|};
    public static IResult Teapot() => {|EC0001:Results.StatusCode(418)|};
}
""";
            const string fixedSource = """

public static class Endpoints
{
    public static IResult Down() => Results.StatusCode(StatusCodes.Status500InternalServerError);
    public static IResult Teapot() => Results.StatusCode(StatusCodes.Status400BadRequest);
}
""";
            // 503 is documented by B; only A flags it.
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
        }

        [Fact]
        public async Task Fix_KeepsTheStyleOfTheOriginalStatus()
        {
            const string source = """

public class StatusController : ControllerBase
{
    private const int Teapot = 418;
    public IActionResult A() => {|EC0001:StatusCode(StatusCodes.Status422UnprocessableEntity)|};
    public IActionResult B() => {|EC0001:StatusCode((int)HttpStatusCode.UnprocessableEntity)|};
    public IActionResult C() => {|EC0001:StatusCode(Teapot)|};
    public IActionResult D(int kind) => StatusCode(kind switch { 1 => 404, _ => {|EC0001:418|} });
}
""";
            const string fixedSource = """

public class StatusController : ControllerBase
{
    private const int Teapot = 418;
    public IActionResult A() => StatusCode(StatusCodes.Status400BadRequest);
    public IActionResult B() => StatusCode((int)HttpStatusCode.BadRequest);
    public IActionResult C() => StatusCode(StatusCodes.Status400BadRequest);
    public IActionResult D(int kind) => StatusCode(kind switch { 1 => 404, _ => StatusCodes.Status400BadRequest });
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
        }

        [Fact]
        public async Task Fix_UsesTheContractsMapping_PerContract()
        {
            const string source = """

public class GatewayController : ControllerBase
{
    public IActionResult Timeout() => {|EC0001:StatusCode(504)|};
}
""";
            // A maps 504 to 500; B maps 504 to 503.
            await VerifyCS.CodeFixAsync(A, source, source.Replace("{|EC0001:StatusCode(504)|}", "StatusCode(StatusCodes.Status500InternalServerError)"));
            await VerifyCS.CodeFixAsync(B, source, source.Replace("{|EC0001:StatusCode(504)|}", "StatusCode(StatusCodes.Status503ServiceUnavailable)"));
        }

        [Fact]
        public async Task Fix_ResultTypesAssignmentsAndAttributes()
        {
            const string source = """

[{|EC0001:ProducesResponseType(422)|}]
public class ItemsController : ControllerBase
{
    public IActionResult A(object x) => {|EC0001:new UnprocessableEntityObjectResult(x)|};
    public IActionResult B(object x) => new ObjectResult(x) { {|EC0001:StatusCode = 418|} };
    public void C() { {|EC0001:Response.StatusCode = 422|}; }
}
""";
            const string fixedSource = """

[ProducesResponseType(StatusCodes.Status400BadRequest)]
public class ItemsController : ControllerBase
{
    public IActionResult A(object x) => new BadRequestObjectResult(x);
    public IActionResult B(object x) => new ObjectResult(x) { StatusCode = StatusCodes.Status400BadRequest };
    public void C() { Response.StatusCode = StatusCodes.Status400BadRequest; }
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
        }

        [Fact]
        public async Task Fix_ResultsUnion_RewritesTheTypeArgumentAndTheCallTogether()
        {
            const string source = """

public record Item(int Id);
public static class Endpoints
{
    public static Results<Ok<Item>, {|EC0001:UnprocessableEntity<string>|}> Create(Item item)
        => item.Id > 0 ? TypedResults.Ok(item) : {|EC0001:TypedResults.UnprocessableEntity("bad id")|};
}
""";
            const string fixedSource = """

public record Item(int Id);
public static class Endpoints
{
    public static Results<Ok<Item>, BadRequest<string>> Create(Item item)
        => item.Id > 0 ? TypedResults.Ok(item) : TypedResults.BadRequest("bad id");
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
        }

        [Fact]
        public async Task Fix_AddsTheUsingWhenStatusCodesIsNotInScope()
        {
            await VerifyCS.CodeFixAsync(A, """
namespace Api
{
    public class TeaController : Microsoft.AspNetCore.Mvc.ControllerBase
    {
        public Microsoft.AspNetCore.Mvc.IActionResult Brew() => {|EC0001:StatusCode(418)|};
    }
}

""", """
using Microsoft.AspNetCore.Http;

namespace Api
{
    public class TeaController : Microsoft.AspNetCore.Mvc.ControllerBase
    {
        public Microsoft.AspNetCore.Mvc.IActionResult Brew() => StatusCode(StatusCodes.Status400BadRequest);
    }
}

""", test => test.WithoutGlobalUsings());
        }

        [Fact]
        public async Task EndpointMetadata_AndLambdaUnionReturnTypes_AndWrapperMapMethods()
        {
            const string source = """

public static class ApiRoutes
{
    // The project's own Map* wrapper: endpoints are found wherever the results are created.
    public static RouteHandlerBuilder MapApi(this IEndpointRouteBuilder app, string route, Delegate handler) => app.MapGet("/api/" + route, handler);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapApi("items", () => {|EC0001:Results.StatusCode(StatusCodes.Status418ImATeapot)|});
        app.MapGet("/meta", () => Results.Ok()).{|EC0001:Produces(418)|};
        app.MapGet("/typed", Results<Ok, {|EC0001:UnprocessableEntity|}> (int id) => id > 0 ? TypedResults.Ok() : {|EC0001:TypedResults.UnprocessableEntity()|});
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task HandlersInOtherFiles_AreAnalysed()
        {
            await VerifyCS.AnalyzerAsync(A, """

public static class Program
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/x", Handlers.Get);
}
""", test => test.AddSource("/0/Handlers.cs", """

public static class Handlers
{
    public static IResult Get() => {|EC0001:Results.StatusCode(502)|};
}
"""));
        }

        [Fact]
        public async Task Fix_SuccessHelpers_UnderA_BecomeOk()
        {
            const string source = """

public class JobsController : ControllerBase
{
    public IActionResult Queue() => {|EC0001:Accepted()|};
    public IActionResult Delete() => {|EC0001:NoContent()|};
}
public static class Endpoints
{
    public static IResult Queue() => {|EC0001:Results.Accepted()|};
}
""";
            const string fixedSource = """

public class JobsController : ControllerBase
{
    public IActionResult Queue() => Ok();
    public IActionResult Delete() => Ok();
}
public static class Endpoints
{
    public static IResult Queue() => Results.Ok();
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
        }

        [Fact]
        public async Task Fix_ConflictUnderB_BecomesBadRequest_AndResultsFactoriesKeepTheirBody()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Create(object existing) => {|EC0001:Conflict(existing)|};
}
public static class Endpoints
{
    public static IResult Create(object existing) => {|EC0001:Results.Conflict(existing)|};
    public static IResult Validate(string s) => {|EC0001:Results.UnprocessableEntity(s)|};
}
""";
            const string fixedSource = """

public class ItemsController : ControllerBase
{
    public IActionResult Create(object existing) => BadRequest(existing);
}
public static class Endpoints
{
    public static IResult Create(object existing) => Results.BadRequest(existing);
    public static IResult Validate(string s) => Results.BadRequest(s);
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
        }

        [Fact]
        public async Task Fix_TypedResultsInsideAUnion_AlsoRewritesTheUnion_AndDropsADuplicate()
        {
            const string source = """

public static class Endpoints
{
    public static Results<Ok, BadRequest, {|EC0001:UnprocessableEntity|}> Check(int id)
        => id switch
        {
            0 => TypedResults.BadRequest(),
            < 0 => {|EC0001:TypedResults.UnprocessableEntity()|},
            _ => TypedResults.Ok(),
        };
}
""";
            const string fixedSource = """

public static class Endpoints
{
    public static Results<Ok, BadRequest> Check(int id)
        => id switch
        {
            0 => TypedResults.BadRequest(),
            < 0 => TypedResults.BadRequest(),
            _ => TypedResults.Ok(),
        };
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
        }

        [Fact]
        public async Task Fix_MiddlewareAssignment_WithStatusCodesAndEnumStyles()
        {
            const string source = """

public static class Middleware
{
    public static void Use(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path == "/old")
        {
            {|EC0001:context.Response.StatusCode = StatusCodes.Status410Gone|};
            return;
        }

        {|EC0001:context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable|};
        await next(context);
    });
}
""";
            const string fixedSource = """

public static class Middleware
{
    public static void Use(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path == "/old")
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = (int)HttpStatusCode.InternalServerError;
        await next(context);
    });
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
        }

        [Fact]
        public async Task NoFix_WhenTheContractMapsTheStatusToNothing()
        {
            const string source = """

public class MovedController : ControllerBase
{
    public IActionResult Go() => {|EC0001:Redirect("/elsewhere")|};
}
""";
            await VerifyCS.NoCodeFixAsync(A, source);
        }
    }
}
