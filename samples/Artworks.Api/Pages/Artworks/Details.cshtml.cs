using Artworks.Api.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Artworks.Api.Pages.Artworks;

/// <summary>
/// The public page of an artwork, and the form to report it. A Razor Page answers browsers, not API clients: its
/// "not found" page (a 404 with the page's own HTML) and its redirects are not part of the error contract.
/// </summary>
public sealed class DetailsModel(ArtworkStore store) : PageModel
{
    public Artwork? Artwork { get; private set; }

    [BindProperty]
    public string Reason { get; set; } = "";

    public IActionResult OnGet(string id)
    {
        Artwork = store.Find(id);
        if (Artwork is null)
        {
            // The page renders its own "this artwork does not exist" message.
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public IActionResult OnPostReport(string id)
    {
        Artwork = store.Find(id);
        if (Artwork is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Tell us what is wrong with this artwork.");
            return Page();
        }

        TempData["Reported"] = Artwork.Title;
        return RedirectToPage("./Details", new { id });
    }
}
