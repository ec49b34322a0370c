using Microsoft.AspNetCore.Mvc;
using Studio.Api.Clients;
using Studio.Api.Endpoints;
using Studio.Api.Filters;
using Studio.Api.Middleware;
using Studio.Api.Models;

var builder = WebApplication.CreateBuilder(args);

// [ApiController] would answer invalid input with a ProblemDetails body (EC0004): answer with the
// contract's validation body instead, and let the actions write every 4xx body themselves.
builder.Services.AddControllers(options => options.Filters.Add<MaintenanceFilter>()).ConfigureApiBehaviorOptions(options =>
{
    options.InvalidModelStateResponseFactory = context => new BadRequestObjectResult(new ValidationErrorBody(
        "Validation failed",
        context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => new FieldError(entry.Key, entry.Value!.Errors[0].ErrorMessage, "invalid"))
            .ToList()));
    options.SuppressMapClientErrors = true;
});
builder.Services.AddSingleton<GenerationQueue>();
builder.Services.AddHttpClient<StudioClient>(client => client.BaseAddress = new Uri("https://studio.example.com/api/v1/"));

var app = builder.Build();

app.UseMiddleware<ApiKeyMiddleware>();
app.MapControllers();
app.MapToolEndpoints();
app.MapErrorExamples();

app.Run();
