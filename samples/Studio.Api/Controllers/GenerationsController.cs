using Microsoft.AspNetCore.Mvc;
using Studio.Api.Models;

namespace Studio.Api.Controllers;

[ApiController]
[Route("api/v1/generations")]
public sealed class GenerationsController(GenerationQueue queue) : ControllerBase
{
    [HttpPost]
    public IActionResult Create(GenerationRequest request)
    {
        if (string.IsNullOrEmpty(request.Tool))
        {
            // Compliant: the documented validation body.
            return BadRequest(new ValidationErrorBody("Validation failed", [new FieldError("tool", "Required", "invalid_type")]));
        }

        if (!GenerationQueue.Tools.TryGetValue(request.Tool, out var tool))
        {
            // Compliant: 404 for an unknown tool, with {"message"}.
            return NotFound(new ErrorBody("Not found"));
        }

        if (queue.Credits(OwnerId()) < tool.CreditCost)
        {
            // Compliant: contract B documents 402 for missing credits.
            return StatusCode(StatusCodes.Status402PaymentRequired, new ErrorBody("You do not have enough credits to perform this action"));
        }

        if (queue.HasPending(OwnerId(), tool.Name))
        {
            // 409 is not documented in contract B.
            return Conflict(new ErrorBody("A generation with this tool is already running"));
        }

        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            // 422 is not documented in contract B, and ModelState is a ValidationProblemDetails body.
            ModelState.AddModelError("prompt", "Required");
            return UnprocessableEntity(ModelState);
        }

        var generation = queue.Enqueue(OwnerId(), tool.Name);
        // Compliant: contract B does not restrict success statuses.
        return Accepted($"/api/v1/generations/{generation.Id}", generation);
    }

    [HttpGet("{id}")]
    public ActionResult<Generation> Get(string id)
    {
        var generation = queue.Find(id);
        if (generation is null)
        {
            // A plain-text body: contract B documents {"message": "..."}.
            return NotFound($"Generation {id} not found");
        }

        // Compliant: 403 for another user's resource.
        return generation.OwnerId == OwnerId() ? generation : StatusCode(StatusCodes.Status403Forbidden, new ErrorBody("You do not have access to this resource"));
    }

    [HttpGet("{id}/result")]
    public IActionResult Result(string id)
    {
        if (queue.IsUpstreamTimeout)
        {
            // 504 is not documented in contract B (it documents 502 and 503 for upstream trouble).
            return StatusCode(StatusCodes.Status504GatewayTimeout, new ErrorBody("Upstream timeout"));
        }

        // A ProblemDetails body where contract B documents {"message": "..."}.
        return queue.Find(id) is null ? Problem(statusCode: 404, title: "Not found") : Ok(queue.Find(id));
    }

    private string OwnerId() => HttpContext.Items["owner"] as string ?? "anonymous";
}
