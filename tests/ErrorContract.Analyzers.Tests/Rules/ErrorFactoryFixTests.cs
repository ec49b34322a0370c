using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes;
using ErrorContract.Analyzers.Rules;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// The fixes prefer the generated error factories when the project has them: a result with a wrong body (EC0002) or an
    /// undocumented status (EC0001) becomes the factory's call, with the message the code had or the contract's. Where the
    /// factory's result cannot take the result's place (a typed result, a <c>Results&lt;…&gt;</c> union) or needs values
    /// the code does not have, the fix writes the body as without factories.
    /// </summary>
    public sealed class ErrorFactoryFixTests
    {
        [Fact]
        public async Task EC0002_Fix_ReturnsTheFactory_InActionsAndHandlers_SeedA()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => {|EC0002:NotFound()|};
    public IActionResult Text() => BadRequest({|EC0002:"Name is required"|});
    public ActionResult<string> Typed() => {|EC0002:Conflict()|};

    public async Task<IActionResult> Later(int id)
    {
        await Task.Yield();
        // Nothing by that id.
        return /* kept */ {|EC0002:NotFound()|}; // and kept
    }
}

public static class Handlers
{
    public static IResult Missing() => {|EC0002:Results.NotFound()|};
    public static IResult Failed() => {|EC0002:Results.Problem("The database is down")|};
    public static NotFound Typed() => {|EC0002:TypedResults.NotFound()|};
}
""";
            const string fixedSource = """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => ApiErrors.NotFound("Resource not found");
    public IActionResult Text() => ApiErrors.BadRequest("Name is required");
    public ActionResult<string> Typed() => ApiErrors.Conflict("Duplicate detected");

    public async Task<IActionResult> Later(int id)
    {
        await Task.Yield();
        // Nothing by that id.
        return /* kept */ ApiErrors.NotFound("Resource not found"); // and kept
    }
}

public static class Handlers
{
    public static IResult Missing() => ApiErrors.NotFound("Resource not found");
    public static IResult Failed() => ApiErrors.InternalError("The database is down");
    public static NotFound Typed() => {|EC0002:TypedResults.NotFound()|};
}
""";
            await Run<ErrorBodyFixProvider>(TestContracts.Artworks, source, fixedSource, typedResultStays: true);
        }

        [Fact]
        public async Task EC0002_Fix_ReturnsTheFactory_SeedB_AndProblemDetails()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => {|EC0002:NotFound()|};
    public IActionResult Invalid() => BadRequest({|EC0002:"Name is required"|});
}
""";
            await Run<ErrorBodyFixProvider>(TestContracts.Studio, source, """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => ApiErrors.NotFound("Not found");
    public IActionResult Invalid() => ApiErrors.BadRequest("Name is required");
}
""");
            await Run<ErrorBodyFixProvider>(TestContracts.Get("problem-details"), source, """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => ApiErrors.NotFound("Not Found");
    public IActionResult Invalid() => ApiErrors.BadRequest("Name is required");
}
""");
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task EC0002_Fix_InMiddleware_WritesThroughTheFactory(string name)
        {
            const string source = """

public sealed class KeyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey("Authorization"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            // The key is missing.
            await context.Response.WriteAsync({|EC0002:"Missing key"|});
            return;
        }

        await next(context);
    }
}
""";
            await Run<ErrorBodyFixProvider>(TestContracts.Get(name), source, """

public sealed class KeyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey("Authorization"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            // The key is missing.
            await ApiErrors.Unauthorized("Missing key").WriteAsync(context.Response);
            return;
        }

        await next(context);
    }
}
""");
        }

        [Fact]
        public async Task EC0001_Fix_ReturnsTheReplacementStatussFactory()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Teapot() => {|EC0001:StatusCode(418)|};
    public IActionResult Empty() => {|EC0001:NoContent()|};
}

public static class Handlers
{
    public static IResult Unavailable() => {|EC0001:Results.StatusCode(StatusCodes.Status503ServiceUnavailable)|};
}
""";
            await Run<UndocumentedStatusCodeFixProvider>(TestContracts.Artworks, source, """

public class ItemsController : ControllerBase
{
    public IActionResult Teapot() => ApiErrors.BadRequest("Invalid input or missing required fields");
    public IActionResult Empty() => Ok();
}

public static class Handlers
{
    public static IResult Unavailable() => ApiErrors.InternalError("An unexpected error occurred");
}
""");
        }

        [Fact]
        public async Task AFactoryThatNeedsMoreThanAMessage_IsNotUsed()
        {
            // Seed A's 429 factory needs retryAfter and the X-RateLimit-Reset header's value, which the code does not have: the
            // body is written as without factories (with the generated body class, whose JSON names are the contract's).
            const string source = """

public static class Handlers
{
    public static IResult Slow() => {|EC0002:Results.StatusCode(429)|};
}
""";
            var test = ContractTest<ResponseContractAnalyzer, ErrorBodyFixProvider>.Create(TestContracts.Artworks, source, """

public static class Handlers
{
    public static IResult Slow() => Results.Json(new ApiErrors.ErrorBody { Error = "rate_limited", Message = "Rate limit exceeded. Try again after the reset time.", RetryAfter = /* TODO: seconds until the client may retry */ 60 }, statusCode: 429);
}
""").WithErrorFactories(TestContracts.Artworks);
            await test.RunAsync();
        }

        private static async Task Run<TFix>(string contract, string source, string fixedSource, bool typedResultStays = false)
            where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
        {
            var test = ContractTest<ResponseContractAnalyzer, TFix>.Create(contract, source, fixedSource).WithErrorFactories(contract);
            if (typedResultStays)
            {
                // TypedResults.NotFound() declared as NotFound: no factory takes its place, and the fix without factories is
                // another test's; it is left for this one.
                test.AllowMarkupInFixedCode();
                test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
                test.CodeActionValidationMode = Microsoft.CodeAnalysis.Testing.CodeActionValidationMode.None;
            }

            await test.RunAsync();
        }
    }
}
