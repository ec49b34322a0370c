using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Api.Models;

namespace Studio.Api.Endpoints;

public static class ToolEndpoints
{
    public static IEndpointRouteBuilder MapToolEndpoints(this IEndpointRouteBuilder app)
    {
        var tools = app.MapGroup("/api/v1/tools");

        // Compliant: 200 and 404 with {"message"}.
        tools.MapGet("/", () => TypedResults.Ok(GenerationQueue.Tools.Values));
        tools.MapGet("/{name}", Results<Ok<Tool>, NotFound<ErrorBody>> (string name) =>
            GenerationQueue.Tools.TryGetValue(name, out var tool)
                ? TypedResults.Ok(tool)
                : TypedResults.NotFound(new ErrorBody("Not found")));

        tools.MapPost("/{name}/estimate", Estimate);

        // 409 is not documented in contract B.
        app.MapDelete("/api/v1/generations/{id}", (string id, GenerationQueue queue) =>
            queue.Find(id) is { Status: "running" } ? Results.Conflict() : Results.NoContent());

        // A validation problem (ProblemDetails) where contract B documents {"message", "errors"}.
        app.MapPost("/api/v1/prompts/check", (GenerationRequest request) =>
            string.IsNullOrEmpty(request.Prompt)
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["prompt"] = ["Required"] })
                : Results.Ok());

        return app;
    }

    // 422 is not documented in contract B: neither in the union type nor in the result.
    private static Results<Ok<int>, UnprocessableEntity<ErrorBody>, BadRequest<ValidationErrorBody>> Estimate(string name, GenerationRequest request)
    {
        if (string.IsNullOrEmpty(request.Prompt))
        {
            return TypedResults.BadRequest(new ValidationErrorBody("Validation failed", [new FieldError("prompt", "Required", "invalid_type")]));
        }

        if (!GenerationQueue.Tools.TryGetValue(name, out var tool))
        {
            return TypedResults.UnprocessableEntity(new ErrorBody($"Unknown tool {name}"));
        }

        return TypedResults.Ok(tool.CreditCost * Math.Max(1, request.Prompt.Length / 500));
    }
}
