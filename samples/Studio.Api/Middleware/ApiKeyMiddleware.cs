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
        // Contract B: the whole header value is the key, without a scheme.
        string apiKey = context.Request.Headers.Authorization.ToString().Trim();
        if (apiKey.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            // Compliant body: {"message": "..."}.
            await context.Response.WriteAsJsonAsync(new ErrorBody("Authorization header is required"));
            return;
        }

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
