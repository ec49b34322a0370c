using Artworks.Api.Models;
using Microsoft.AspNetCore.Mvc;

namespace Artworks.Api.Controllers;

[ApiController]
[Route("v1/artworks")]
public sealed class ArtworksController(ArtworkStore store) : ControllerBase
{
    // Compliant: 200 and 404 are documented, and the 404 body has the documented shape.
    [HttpGet("{id}")]
    public ActionResult<Artwork> Get(string id)
    {
        var artwork = store.Find(id);
        if (artwork is null)
        {
            return NotFound(new ApiError("not_found", "Resource not found"));
        }

        return Ok(artwork);
    }

    // 422 is not documented in contract A: invalid input is a 400 there.
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public IActionResult Create(CreateArtwork request)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            return UnprocessableEntity(new ApiError("bad_request", "title is required"));
        }

        if (!Uri.TryCreate(request.ImageUrl, UriKind.Absolute, out _))
        {
            // Compliant status, but a plain-text body instead of {"error", "message"}.
            return BadRequest("image_url must be an absolute URL");
        }

        var artwork = new Artwork(Guid.NewGuid().ToString("N"), request.Title, request.Artist ?? "", request.ImageUrl!, OwnerId());
        if (!store.TryAdd(artwork))
        {
            // Compliant: 409 is documented in contract A (error code "conflict").
            return Conflict(new ApiError("conflict", "Duplicate detected"));
        }

        return Created($"/v1/artworks/{artwork.Id}", artwork);
    }

    // 204 is not documented in contract A: a delete answers 200.
    [HttpDelete("{id}")]
    public IActionResult Delete(string id)
    {
        var artwork = store.Find(id);
        if (artwork is null || artwork.OwnerId != OwnerId())
        {
            // Compliant: contract A answers 404 for a resource the caller does not own.
            return NotFound(new ApiError("not_found", "Resource not found"));
        }

        store.Remove(id);
        return NoContent();
    }

    // A teapot joke that reached production: 418 is not documented.
    [HttpGet("teapot")]
    public IActionResult Teapot() => StatusCode(418);

    // Re-rendering is queued: 202 is not a documented success status in contract A.
    [HttpPost("{id}/render")]
    public IActionResult Render(string id)
    {
        if (store.Find(id) is null)
        {
            // A ProblemDetails body where contract A documents {"error", "message"}.
            return Problem(title: "Artwork not found", statusCode: StatusCodes.Status404NotFound);
        }

        return Accepted();
    }

    [HttpGet("{id}/similar")]
    public ActionResult<IEnumerable<Artwork>> Similar(string id)
    {
        if (store.IsRateLimited(OwnerId()))
        {
            // Compliant: 429 with the error body plus retry_after.
            Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeSeconds().ToString();
            return StatusCode(StatusCodes.Status429TooManyRequests, new RateLimitError("rate_limited", "Rate limit exceeded. Try again after the reset time.", 30));
        }

        if (store.Find(id) is null)
        {
            // The body misses the documented "message" field.
            return NotFound(new { error = "not_found" });
        }

        return Ok(Array.Empty<Artwork>());
    }

    private string OwnerId() => HttpContext.Items["owner"] as string ?? "anonymous";
}
