using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace Studio.Api.Models;

/// <summary>The error body contract B documents: {"message": "..."}.</summary>
public sealed record ErrorBody([property: JsonPropertyName("message")] string Message);

/// <summary>A 400 validation failure: {"message": "Validation failed", "errors": [{"field", "message", "code"}]}.</summary>
public sealed record ValidationErrorBody(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("errors")] IReadOnlyList<FieldError> Errors);

public sealed record FieldError(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("code")] string Code);

public sealed record GenerationRequest(string? Tool, string? Prompt, string? Model);

public sealed record Generation(string Id, string Tool, string Status, string OwnerId);

public sealed record Tool(string Name, int CreditCost);

public sealed class GenerationQueue
{
    private readonly ConcurrentDictionary<string, Generation> generations = new();

    public static readonly IReadOnlyDictionary<string, Tool> Tools = new Dictionary<string, Tool>
    {
        ["text-to-image"] = new("text-to-image", 4),
        ["upscale"] = new("upscale", 1),
    };

    public Generation? Find(string id) => generations.TryGetValue(id, out var generation) ? generation : null;

    public bool HasPending(string ownerId, string tool) => generations.Values.Any(g => g.OwnerId == ownerId && g.Tool == tool && g.Status == "pending");

    public Generation Enqueue(string ownerId, string tool)
    {
        var generation = new Generation(Guid.NewGuid().ToString("N"), tool, "pending", ownerId);
        generations[generation.Id] = generation;
        return generation;
    }

    public int Credits(string ownerId) => 10;

    public bool IsUpstreamTimeout => false;

    public bool IsPaused => false;
}
