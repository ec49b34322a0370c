namespace Studio.Api.Endpoints;

/// <summary>
/// Every error of the Studio API, answered through the factories the package generates from errorcontract.json
/// (<c>ApiErrors</c>): <c>GET /examples/errors</c> lists them, <c>GET /examples/errors/{name}</c> answers with one. Each
/// answer has the documented status, body and content type, with no diagnostic to fix. The end-to-end test
/// (tests/e2e/run.sh) requests every one from the running server and checks it against the contract.
/// </summary>
public static class ErrorExamples
{
    private static readonly string[] Names =
        ["bad-request", "unauthorized", "payment-required", "forbidden", "not-found", "too-many-requests", "internal-server-error", "bad-gateway", "service-unavailable"];

    public static IEndpointRouteBuilder MapErrorExamples(this IEndpointRouteBuilder app)
    {
        var examples = app.MapGroup("/examples/errors");
        examples.MapGet("/", () => Results.Ok(Names));
        examples.MapGet("/{name}", Answer);
        return app;
    }

    private static IResult Answer(string name) => name switch
    {
        "bad-request" => ApiErrors.BadRequest("Validation failed", [new ApiErrors.ValidationItem("prompt", "The prompt is required", "required")]),
        "unauthorized" => ApiErrors.Unauthorized("Authorization header is required"),
        "payment-required" => ApiErrors.PaymentRequired("You do not have enough credits to perform this action"),
        "forbidden" => ApiErrors.Forbidden("You do not have access to this resource"),
        "not-found" => ApiErrors.NotFound("Not found"),
        "too-many-requests" => ApiErrors.TooManyRequests("Too many API requests, please try again later"),
        "internal-server-error" => ApiErrors.InternalServerError("Internal server error"),
        "bad-gateway" => ApiErrors.BadGateway("Bad gateway"),
        "service-unavailable" => ApiErrors.ServiceUnavailable("Service temporarily unavailable"),
        _ => ApiErrors.NotFound("There is no example named " + name),
    };
}
