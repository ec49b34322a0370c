using Microsoft.Net.Http.Headers;
using Studio.Api.Models;

namespace Studio.Api.Middleware;

/// <summary>
/// Checks the API key. Contract B documents "Authorization: YOUR_API_KEY" and says not to use the
/// Bearer prefix.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        string header = context.Request.Headers.Authorization.ToString();

        // Expects "Bearer <key>": contract B forbids the Bearer prefix.
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            // Announces the Bearer scheme, which contract B forbids.
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            // Compliant body: {"message": "..."}.
            await context.Response.WriteAsJsonAsync(new ErrorBody("Authorization header is required"));
            return;
        }

        string apiKey = header["Bearer ".Length..].Trim();
        if (apiKey.Length < 20)
        {
            // Compliant status, but the body is plain text instead of {"message": "..."}.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("Invalid API key");
            return;
        }

        context.Items["owner"] = apiKey[..8];
        await next(context);
    }
}
