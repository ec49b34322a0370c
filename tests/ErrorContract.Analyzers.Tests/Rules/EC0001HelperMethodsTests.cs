using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyBody = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.ErrorBodyFixProvider>;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.UndocumentedStatusCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0001 through the project's own helpers: a status passed to a base-controller helper, an extension
    /// method or a static factory, which hands it to the framework, is flagged at the call, where the
    /// undocumented value is written. A body problem inside a helper is flagged once, in the helper.
    /// </summary>
    public sealed class EC0001HelperMethodsTests
    {
        private const string BaseController = """

public abstract class ApiControllerBase : ControllerBase
{
    protected IActionResult Error(int status, string code, string message) =>
        StatusCode(status, new { error = code, message });
}

""";

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task BaseControllerHelper_UndocumentedStatus_IsFlaggedAtTheCall(string contract)
        {
            const string source = BaseController + """

public class TeaController : ApiControllerBase
{
    public IActionResult Brew() => {|EC0001:Error(418, "teapot", "I'm a teapot")|};

    public IActionResult Missing() => Error(404, "not_found", "Resource not found");

    public IActionResult Computed(int status) => Error(status, "x", "not a constant: not flagged");
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task ExtensionMethods_StaticFactories_AndHelpersCallingHelpers_AreFollowed_UnderBothContracts()
        {
            const string source = """

public static class ApiResults
{
    public static IResult Fail(int statusCode, string message) =>
        Results.Json(new { message }, statusCode: statusCode);

    // Two hops: Conflict -> Fail -> Results.Json.
    public static IResult Conflict(string message, int status = 409) => Fail(status, message);
}

public static class ResponseExtensions
{
    public static Task WriteErrorAsync(this HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new { message });
    }
}

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => {|EC0001:ApiResults.Fail(422, "Unprocessable")|});
        app.MapGet("/b", () => {|EC0001:ApiResults.Conflict("Duplicate", 409)|});
        app.MapGet("/c", () => ApiResults.Fail(404, "Not found"));
        app.MapGet("/d", async (HttpContext context) => await {|EC0001:context.Response.WriteErrorAsync(504, "Gateway timeout")|});
    }
}
""";
            // Contract B: 409, 422 and 504 are undocumented. A default argument is not written at the call: not flagged.
            await VerifyCS.AnalyzerAsync(TestContracts.Studio, source);

            // Contract A documents 409 (and 404); 422 and 504, through the HttpResponse extension, are still flagged.
            await VerifyCS.AnalyzerAsync(
                TestContracts.Artworks,
                source.Replace("{|EC0001:ApiResults.Conflict(\"Duplicate\", 409)|}", "ApiResults.Conflict(\"Duplicate\", 409)"));
        }

        [Fact]
        public async Task Fix_RewritesTheArgumentAtTheCall()
        {
            const string source = BaseController + """

public class TeaController : ApiControllerBase
{
    public IActionResult Brew() => {|EC0001:Error(418, "teapot", "I'm a teapot")|};
    public IActionResult Wait() => {|EC0001:Error(StatusCodes.Status503ServiceUnavailable, "busy", "Try later")|};
}
""";
            const string fixedSource = BaseController + """

public class TeaController : ApiControllerBase
{
    public IActionResult Brew() => Error(StatusCodes.Status400BadRequest, "teapot", "I'm a teapot");
    public IActionResult Wait() => Error(StatusCodes.Status500InternalServerError, "busy", "Try later");
}
""";
            await VerifyCS.CodeFixAsync(TestContracts.Artworks, source, fixedSource);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task AHelperCalledAgain_IsFlaggedAtEveryCall_AndAServiceCalledAgainNever(string contract)
        {
            // A helper's summary is cached per compilation, so its later calls read it; a service call that returns no
            // result is left on the call itself, before any summary.
            const string source = BaseController + """

public class Store
{
    public string Find(int id) => id.ToString();
}

public class TeaController : ApiControllerBase
{
    private readonly Store store = new Store();

    public IActionResult Name() => Ok(store.Find(418));

    public IActionResult Other() => Ok(store.Find(418));

    public IActionResult Brew() => {|EC0001:Error(418, "teapot", "I'm a teapot")|};

    public IActionResult BrewAgain() => {|EC0001:Error(418, "teapot", "I'm a teapot")|};
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task MethodsThatMerelyTakeAnInt_AreNotHelpers(string contract)
        {
            const string source = """

public class Store
{
    public string Find(int id) => id.ToString();
}

public class ItemsController : ControllerBase
{
    private readonly Store store = new Store();

    public IActionResult Get() => Ok(store.Find(418));

    private IActionResult Page(int page) => Ok(page);

    public IActionResult First() => Page(418);
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task ABodyProblemInsideAHelper_IsFlaggedOnceInTheHelper_NotAtEachCaller()
        {
            const string source = """

public abstract class ApiControllerBase : ControllerBase
{
    protected IActionResult Fail(string text) => BadRequest({|EC0002:text|});
}

public class ItemsController : ApiControllerBase
{
    public IActionResult A() => Fail("Missing title");
    public IActionResult B() => Fail("Missing artist");
}
""";
            await VerifyBody.AnalyzerAsync(TestContracts.Studio, source);
        }

        [Fact]
        public async Task RecursiveHelpers_DoNotLoop()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    private IActionResult Retry(int status, int attempts) =>
        attempts > 0 ? Retry(status, attempts - 1) : StatusCode(status);

    public IActionResult Get() => {|EC0001:Retry(418, 3)|};
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, source);
        }
    }
}
