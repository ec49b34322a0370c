using System.Collections.Generic;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.UndocumentedStatusCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// Where the API ends, for EC0001 and EC0002 (both asserted here): pages are not the API. Actions of view controllers
    /// (<c>Controller</c>, no <c>[ApiController]</c>) that render views or redirect, Razor Pages handlers and minimal
    /// endpoints that only redirect are not checked; an <c>[ApiController]</c>, and an action of a view controller that only
    /// returns data, are. <c>.editorconfig</c>'s <c>errorcontract.endpoint_kind = api | page</c> overrides the default per
    /// file. Contract A (Artworks) does not document 302; contract B (Studio) leaves 2xx/3xx open, so there only EC0002
    /// (a bodyless 404, 400 or 410) shows the difference.
    /// </summary>
    public sealed class ApiBoundaryTests
    {
        private static void BothRules(ContractTest<Analyzers.Rules.ResponseContractAnalyzer, Analyzers.CodeFixes.UndocumentedStatusCodeFixProvider> test)
        {
            test.DisabledDiagnostics.Clear();
        }

        /// <summary>A cookie-authenticated account area as MVC apps write it: views, redirects, a 404 for a missing profile.</summary>
        private const string AccountController = """
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

public sealed class LoginViewModel
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public bool RememberMe { get; set; }
}

public sealed class ProfileViewModel
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
}

public interface IAccountService
{
    Task<ClaimsPrincipal> ValidateAsync(string email, string password);
    Task<ProfileViewModel> FindProfileAsync(string id);
}

public class AccountController : Controller
{
    private readonly IAccountService accounts;

    public AccountController(IAccountService accounts)
    {
        this.accounts = accounts;
    }

    [HttpGet]
    public IActionResult Login(string returnUrl = null)
    {
        ViewData["ReturnUrl"] = returnUrl;
        return View();
    }

    [HttpPost]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginViewModel model, string returnUrl = null)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var principal = await accounts.ValidateAsync(model.Email, model.Password);
        if (principal == null)
        {
            ModelState.AddModelError(string.Empty, "Invalid login attempt.");
            return View(model);
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal,
            new AuthenticationProperties { IsPersistent = model.RememberMe });
        if (Url.IsLocalUrl(returnUrl))
        {
            return [[A:LocalRedirect(returnUrl)]];
        }

        return [[A:RedirectToAction("Index", "Home")]];
    }

    [HttpPost]
    [ValidateAntiForgeryToken]
    [[[A:ProducesResponseType(StatusCodes.Status302Found)]]]
    public async Task<IActionResult> Logout()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return [[A:RedirectToAction(nameof(Login))]];
    }

    [HttpGet]
    public async Task<IActionResult> Profile(string id)
    {
        var profile = await accounts.FindProfileAsync(id);
        if (profile == null)
        {
            return [[E:NotFound()]];
        }

        return View(profile);
    }

    public IActionResult AccessDenied() => View();

    public IActionResult ExternalLoginCallback(string returnUrl = null, string remoteError = null)
    {
        if (remoteError != null)
        {
            return [[A:RedirectToAction(nameof(Login), new { returnUrl })]];
        }

        return RedirectToLocal(returnUrl);
    }

    private IActionResult RedirectToLocal(string returnUrl)
    {
        if (Url.IsLocalUrl(returnUrl))
        {
            return [[A:Redirect(returnUrl)]];
        }

        return [[A:RedirectToAction("Index", "Home")]];
    }
}
""";

        /// <summary>
        /// The account controller's sites as an API would have them reported: <c>[[A:…]]</c> a 302, EC0001 under contract A
        /// only; <c>[[E:…]]</c> a bodyless 404, EC0002 under both.
        /// </summary>
        private static string Reported(string contract, string source)
        {
            return Markers(source, contract == "artworks" ? "{|EC0001:" : string.Empty, contract == "artworks" ? "|}" : string.Empty, "{|EC0002:", "|}");
        }

        private static string Silent(string source) => Markers(source, string.Empty, string.Empty, string.Empty, string.Empty);

        private static string Markers(string source, string statusOpen, string statusClose, string bodyOpen, string bodyClose)
        {
            var result = new System.Text.StringBuilder();
            var open = new Stack<string>();
            for (var i = 0; i < source.Length; i++)
            {
                if (string.CompareOrdinal(source, i, "[[A:", 0, 4) == 0 || string.CompareOrdinal(source, i, "[[E:", 0, 4) == 0)
                {
                    var status = source[i + 2] == 'A';
                    result.Append(status ? statusOpen : bodyOpen);
                    open.Push(status ? statusClose : bodyClose);
                    i += 3;
                }
                else if (open.Count > 0 && string.CompareOrdinal(source, i, "]]", 0, 2) == 0)
                {
                    result.Append(open.Pop());
                    i += 1;
                }
                else
                {
                    result.Append(source[i]);
                }
            }

            return result.ToString();
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task ViewController_Account_ViewsRedirectsAndMissingPage_AreSilent(string contract)
        {
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), Silent(AccountController), BothRules);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task SameControllerMarkedApiController_IsStillReported_BesideTheSilentViewController(string contract)
        {
            // The same account controller under [ApiController] (a login API that happens to redirect) is the API.
            var apiController = AccountController.Substring(AccountController.IndexOf("public class AccountController", System.StringComparison.Ordinal))
                .Replace("public class AccountController : Controller", "[ApiController]\npublic class ApiAccountController : Controller")
                .Replace("public AccountController(", "public ApiAccountController(");
            var source = Silent(AccountController) + "\n" + Reported(contract, apiController);
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source, BothRules);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task ApiControllerOnABaseClassOrTheAssembly_KeepsAViewControllerChecked(string contract)
        {
            const string source = """

[ApiController]
public abstract class ApiControllerBase : Controller
{
}

public class OrdersController : ApiControllerBase
{
    public IActionResult Index() => View();

    [HttpGet("orders/{id}")]
    public IActionResult Get(int id) => id > 0 ? View() : {|EC0002:NotFound()|};
}

public class CartController : Controller
{
    public IActionResult Index() => View();

    public IActionResult Item(int id) => id > 0 ? View() : NotFound();
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source, BothRules);

            const string assemblyWide = """
[assembly: ApiController]

public class CartController : Controller
{
    public IActionResult Index() => View();

    public IActionResult Item(int id) => id > 0 ? View() : {|EC0002:NotFound()|};
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), assemblyWide, BothRules);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task ViewControllerActionThatOnlyReturnsData_IsStillChecked(string contract)
        {
            // The decision is per action: Index and Details are pages; Search answers the page's script with JSON, so it is the API.
            const string source = """

public sealed class ArtworkSummary
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
}

public class GalleryController : Controller
{
    private static readonly List<ArtworkSummary> Artworks = new List<ArtworkSummary>();

    public IActionResult Index() => View(Artworks);

    public IActionResult Details(int id)
    {
        var artwork = Artworks.FirstOrDefault(a => a.Id == id);
        if (artwork == null)
        {
            return NotFound();
        }

        return View(artwork);
    }

    [HttpGet("gallery/search")]
    public IActionResult Search(string q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return {|EC0002:BadRequest()|};
        }

        return Json(Artworks.Where(a => a.Title.Contains(q)));
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source, BothRules);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task RazorPageModelHandlers_AreSilent(string contract)
        {
            const string source = """
using Microsoft.AspNetCore.Mvc.RazorPages;

public class ResetPasswordModel : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    public IActionResult OnGet(string code = null)
    {
        if (code == null)
        {
            return new BadRequestResult();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await Task.Yield();
        return RedirectToPage("./ResetPasswordConfirmation");
    }
}

public class ArtworkModel : PageModel
{
    public IActionResult OnGet(int id)
    {
        if (id <= 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public void OnGetRemoved()
    {
        Response.StatusCode = StatusCodes.Status410Gone;
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source, BothRules);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task MinimalEndpointThatOnlyRedirects_IsSilent_OneThatAlsoAnswersIsChecked(string contract)
        {
            var source = """

public static class HomeEndpoints
{
    public static void MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/swagger"));
        app.MapGet("/docs", () => TypedResults.LocalRedirect("~/swagger/index.html"));
        app.MapGet("/old/{id}", (int id) =>
        {
            if (id > 1000)
            {
                return Results.Redirect("/archive/" + id);
            }

            return Results.RedirectToRoute("artwork", new { id });
        });
        app.MapGet("/go/{id}", (int id) => id > 0 ? [|Results.Redirect("/artworks/" + id)|] : {|EC0002:Results.NotFound()|});
    }
}
""";
            source = contract == "artworks"
                ? source.Replace("[|", "{|EC0001:").Replace("|]", "|}")
                : source.Replace("[|", string.Empty).Replace("|]", string.Empty);
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source, BothRules);
        }

        // ---------- .editorconfig: errorcontract.endpoint_kind ----------

        private const string LegacyController = """

public class LegacyExportController : ControllerBase
{
    [HttpGet("legacy/export")]
    public IActionResult Export(bool ready) => ready ? Ok() : NotFound();
}
""";

        private const string ItemsController = """

[ApiController]
public class ItemsController : ControllerBase
{
    [HttpGet("items/{id}")]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|EC0002:NotFound()|};
}
""";

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task EditorConfig_Page_SilencesTheFilesOfItsSection(string contract)
        {
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                ItemsController,
                test =>
                {
                    BothRules(test);
                    test.AddSource("/0/Areas/Legacy/LegacyExportController.cs", LegacyController);
                    test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", """
root = true

[Areas/Legacy/**.cs]
errorcontract.endpoint_kind = page
"""));
                });
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task EditorConfig_Api_ChecksAViewControllerOfItsSection(string contract)
        {
            // A partner portal renders views, but its data actions are an API the contract documents: the project says so.
            const string portal = """

public class PartnerPortalController : Controller
{
    public IActionResult Index() => View();

    public IActionResult Statement(int id) => id > 0 ? View() : {|EC0002:NotFound()|};
}
""";
            const string shop = """

public class ShopController : Controller
{
    public IActionResult Index() => View();

    public IActionResult Product(int id) => id > 0 ? View() : NotFound();
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                shop,
                test =>
                {
                    BothRules(test);
                    test.AddSource("/0/Areas/Partners/PartnerPortalController.cs", portal);
                    test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", """
root = true

[*.cs]
errorcontract.endpoint_kind = auto

[Areas/Partners/**.cs]
errorcontract.endpoint_kind = api
"""));
                });
        }
    }
}
