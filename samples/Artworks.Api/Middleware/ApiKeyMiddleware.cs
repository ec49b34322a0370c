namespace Artworks.Api.Middleware;

/// <summary>
/// Checks the API key. Contract A documents the header as "Authorization: Bearer ak_live_...".
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next)
{
    private const string KeyPrefix = "ak_live_";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        // Compliant: the key follows the "Bearer " scheme, as contract A documents.
        const string Scheme = "Bearer ";
        string header = context.Request.Headers.Authorization.ToString();
        string apiKey = header.StartsWith(Scheme, StringComparison.Ordinal) ? header[Scheme.Length..] : string.Empty;
        if (!apiKey.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            // Compliant: the 401 written by the factory generated from the contract (status, body and content type).
            await ApiErrors.Unauthorized("Invalid or missing API key").WriteAsync(context.Response);
            return;
        }

        if (IsPaused(apiKey))
        {
            // 423 is not documented: contract A answers 403 for a paused account. The body is plain text.
            context.Response.StatusCode = StatusCodes.Status423Locked;
            await context.Response.WriteAsync("Account paused");
            return;
        }

        context.Items["owner"] = apiKey[KeyPrefix.Length..];
        await next(context);
    }

    private static bool IsPaused(string apiKey) => apiKey.EndsWith("_paused", StringComparison.Ordinal);
}
