using Studio.Api.Clients;
using Studio.Api.Endpoints;
using Studio.Api.Middleware;
using Studio.Api.Models;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddSingleton<GenerationQueue>();
builder.Services.AddHttpClient<StudioClient>(client => client.BaseAddress = new Uri("https://studio.example.com/api/v1/"));

var app = builder.Build();

app.UseMiddleware<ApiKeyMiddleware>();
app.MapControllers();
app.MapToolEndpoints();

app.Run();
