using Artworks.Api.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Artworks.Api.Endpoints;

public static class CollectionEndpoints
{
    public static IEndpointRouteBuilder MapCollectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/collections");
        group.MapGet("/{id}", GetCollection);
        group.MapPost("/", CreateCollection);
        group.MapPut("/{id}/artworks", AddArtworks);
        group.MapPost("/{id}/export", ExportCollection);
        group.MapDelete("/{id}", (string id, ArtworkStore store) =>
            store.FindCollection(id) is null
                // 404 with no body at all: contract A documents {"error": "not_found", "message": ...}.
                ? Results.NotFound()
                : Results.StatusCode(StatusCodes.Status204NoContent));
        return app;
    }

    // Compliant: every status in the union is documented, every error body has the documented shape.
    private static Results<Ok<Collection>, NotFound<ApiError>> GetCollection(string id, ArtworkStore store)
    {
        var collection = store.FindCollection(id);
        return collection is null
            ? TypedResults.NotFound(new ApiError("not_found", "Resource not found"))
            : TypedResults.Ok(collection);
    }

    private static async Task<Results<Created<Collection>, BadRequest<ApiError>, Conflict<ApiError>>> CreateCollection(Collection collection, ArtworkStore store)
    {
        await Task.Yield();
        if (string.IsNullOrWhiteSpace(collection.Name))
        {
            return TypedResults.BadRequest(new ApiError("bad_request", "name is required"));
        }

        return store.TryAddCollection(collection)
            ? TypedResults.Created($"/v1/collections/{collection.Id}", collection)
            : TypedResults.Conflict(new ApiError("conflict", "Duplicate detected"));
    }

    // UnprocessableEntity (422) is not documented in contract A, in the union type nor in the result.
    private static Results<Ok<Collection>, UnprocessableEntity<ApiError>, NotFound<ApiError>> AddArtworks(string id, string[] artworkIds, ArtworkStore store)
    {
        var collection = store.FindCollection(id);
        if (collection is null)
        {
            return TypedResults.NotFound(new ApiError("not_found", "Resource not found"));
        }

        var missing = artworkIds.Where(a => store.Find(a) is null).ToArray();
        if (missing.Length > 0)
        {
            return TypedResults.UnprocessableEntity(new ApiError("bad_request", $"unknown artworks: {string.Join(", ", missing)}"));
        }

        return TypedResults.Ok(collection with { ArtworkIds = collection.ArtworkIds.Concat(artworkIds).ToList() });
    }

    private static IResult ExportCollection(string id, HttpContext context, ArtworkStore store)
    {
        if (store.IsRateLimited(id))
        {
            // A 429 without the X-RateLimit-Reset header contract A documents on every 429 (EC0010).
            return Results.Json(new RateLimitError("rate_limited", "Rate limit exceeded. Try again after the reset time.", 60), statusCode: StatusCodes.Status429TooManyRequests);
        }

        return store.FindCollection(id) is null
            ? Results.NotFound(new ApiError("not_found", "Resource not found"))
            : Results.Ok();
    }
}
