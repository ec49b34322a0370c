using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Artworks.Api.Clients;
using Artworks.Api.Endpoints;
using Artworks.Api.Middleware;
using Artworks.Api.Models;

var builder = WebApplication.CreateBuilder(args);

// [ApiController] would answer invalid input with a ProblemDetails body (EC0004): answer with the
// contract's {"error", "message"} body instead, and let the actions write every 4xx body themselves.
builder.Services.AddControllersWithViews().ConfigureApiBehaviorOptions(options =>
{
    options.InvalidModelStateResponseFactory = _ =>
        new BadRequestObjectResult(new ApiError("bad_request", "Invalid input or missing required fields"));
    options.SuppressMapClientErrors = true;
});
builder.Services.AddSingleton<ArtworkStore>();
builder.Services.AddAccountArea();

// The 429 body follows contract A, but the status is still the framework's default 503 (EC0007).
builder.Services.AddRateLimiter(options =>
{
    options.AddFixedWindowLimiter("api", limiter =>
    {
        limiter.PermitLimit = 100;
        limiter.Window = TimeSpan.FromMinutes(1);
    });
    // Compliant for EC0010: the rejection sends the X-RateLimit-Reset header contract A documents on 429.
    options.OnRejected = async (context, token) =>
    {
        context.HttpContext.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(60).ToUnixTimeSeconds().ToString();
        await context.HttpContext.Response.WriteAsJsonAsync(
            new RateLimitError("rate_limited", "Rate limit exceeded. Try again after the reset time.", 60), token);
    };
});
builder.Services.AddHttpClient<ArtworksClient>(client => client.BaseAddress = new Uri("https://artworks.example.com/v1/"));

var app = builder.Build();

app.UseRateLimiter();
app.UseMiddleware<ApiKeyMiddleware>();
app.MapControllers();
app.MapCollectionEndpoints();
app.MapErrorExamples();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

// Maintenance mode: 503 is not in contract A (it documents 500 for server-side failures).
app.MapGet("/maintenance", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));

// The web UI beside the API: the MVC account area, the artworks' public pages, and a home page that sends
// visitors to the API's documentation. Pages are not the API: their views and redirects are compliant as they are.
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapGet("/", () => Results.Redirect("https://docs.artworks.example.com/api"));

app.Run();
