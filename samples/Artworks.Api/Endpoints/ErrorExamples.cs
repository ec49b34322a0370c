namespace Artworks.Api.Endpoints;

/// <summary>
/// Every error of the Artworks API, answered through the factories the package generates from errorcontract.json
/// (<c>ApiErrors</c>): <c>GET /examples/errors</c> lists them, <c>GET /examples/errors/{name}</c> answers with one. Each
/// answer has the documented status, body, content type and headers, with no diagnostic to fix: the compliant code is the
/// shortest. The end-to-end test (tests/e2e/run.sh) requests every one from the running server and checks it against the
/// contract.
/// </summary>
public static class ErrorExamples
{
    private static readonly string[] Names = ["bad-request", "unauthorized", "forbidden", "not-found", "conflict", "rate-limited", "internal-error"];

    public static IEndpointRouteBuilder MapErrorExamples(this IEndpointRouteBuilder app)
    {
        var examples = app.MapGroup("/examples/errors");
        examples.MapGet("/", () => Results.Ok(Names));
        examples.MapGet("/{name}", Answer);
        return app;
    }

    private static IResult Answer(string name) => name switch
    {
        "bad-request" => ApiErrors.BadRequest("The title is required"),
        "unauthorized" => ApiErrors.Unauthorized("Invalid or missing API key"),
        "forbidden" => ApiErrors.Forbidden("This key may not delete artworks"),
        "not-found" => ApiErrors.NotFound("Artwork not found"),
        "conflict" => ApiErrors.Conflict("An artwork with this title already exists"),
        "rate-limited" => ApiErrors.RateLimited(
            "Rate limit exceeded. Try again after the reset time.",
            retryAfter: 60,
            rateLimitReset: DateTimeOffset.UtcNow.AddSeconds(60).ToUnixTimeSeconds()),
        "internal-error" => ApiErrors.InternalError("An unexpected error occurred"),
        _ => ApiErrors.NotFound("There is no example named " + name),
    };
}
