using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace Artworks.Api.Models;

/// <summary>The error body contract A documents: {"error": "snake_case_code", "message": "text"}.</summary>
public sealed record ApiError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The 429 body: the error body plus retry_after (seconds).</summary>
public sealed record RateLimitError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("retry_after")] int RetryAfter);

public sealed record Artwork(string Id, string Title, string Artist, string ImageUrl, string OwnerId);

public sealed record CreateArtwork(string? Title, string? Artist, string? ImageUrl);

public sealed record Collection(string Id, string Name, IReadOnlyList<string> ArtworkIds);

public sealed class ArtworkStore
{
    private readonly ConcurrentDictionary<string, Artwork> artworks = new();
    private readonly ConcurrentDictionary<string, Collection> collections = new();

    public Artwork? Find(string id) => artworks.TryGetValue(id, out var artwork) ? artwork : null;

    public bool TryAdd(Artwork artwork) => artworks.TryAdd(artwork.Id, artwork);

    public bool Remove(string id) => artworks.TryRemove(id, out _);

    public Collection? FindCollection(string id) => collections.TryGetValue(id, out var collection) ? collection : null;

    public bool TryAddCollection(Collection collection) => collections.TryAdd(collection.Id, collection);

    public bool IsRateLimited(string ownerId) => false;
}
