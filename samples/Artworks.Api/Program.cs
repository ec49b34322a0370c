using Artworks.Api.Clients;
using Artworks.Api.Endpoints;
using Artworks.Api.Middleware;
using Artworks.Api.Models;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddSingleton<ArtworkStore>();
builder.Services.AddHttpClient<ArtworksClient>(client => client.BaseAddress = new Uri("https://artworks.example.com/v1/"));

var app = builder.Build();

app.UseMiddleware<ApiKeyMiddleware>();
app.MapControllers();
app.MapCollectionEndpoints();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

// Maintenance mode: 503 is not in contract A (it documents 500 for server-side failures).
app.MapGet("/maintenance", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));

app.Run();
