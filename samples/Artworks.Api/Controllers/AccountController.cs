using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Artworks.Api.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Artworks.Api.Controllers;

public sealed class LoginViewModel
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required, DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

/// <summary>
/// The web UI's account area: views and redirects for browsers, not the API. Its redirects (302) and its 404 for a
/// missing profile page are not part of the error contract, so they are compliant as they are (docs/rules/EC0001.md,
/// "Where the API ends").
/// </summary>
[Route("account")]
public sealed class AccountController(AccountDirectory accounts) : Controller
{
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl = null)
    {
        ViewData["ReturnUrl"] = returnUrl;
        return View();
    }

    [HttpPost("login")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginViewModel model, string? returnUrl = null)
    {
        ViewData["ReturnUrl"] = returnUrl;
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var principal = await accounts.ValidateAsync(model.Email, model.Password);
        if (principal is null)
        {
            ModelState.AddModelError(string.Empty, "Invalid login attempt.");
            return View(model);
        }

        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            principal,
            new AuthenticationProperties { IsPersistent = model.RememberMe });

        if (Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect(returnUrl);
        }

        return RedirectToAction(nameof(Profile), new { id = principal.FindFirstValue(ClaimTypes.NameIdentifier) });
    }

    [HttpPost("logout")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToAction(nameof(Login));
    }

    [Authorize]
    [HttpGet("profile/{id}")]
    public IActionResult Profile(string id)
    {
        var account = accounts.FindById(id);
        if (account is null)
        {
            return NotFound();
        }

        if (account.Id != User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return Forbid();
        }

        return View(account);
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied() => View();
}
