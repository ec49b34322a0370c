using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.ErrorContentTypeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0011: an error response written with a content type other than the contract's <c>errorBody.contentType</c>. The
    /// seed contracts document none (the rule is silent under them); the contract below documents problem details sent as
    /// <c>application/problem+json</c>.
    /// </summary>
    public sealed class EC0011ErrorContentTypeTests
    {
        private const string Problems = """
{
  "name": "Problems API",
  "successStatuses": "any",
  "statuses": { "400": {}, "404": {}, "429": {} },
  "errorBody": {
    "contentType": "application/problem+json",
    "fields": { "title": { "type": "string" }, "status": { "type": "integer" }, "detail": { "type": "string" } }
  }
}
""";

        private const string Documented = "the Problems API error contract documents application/problem+json as the content type of every error body";

        [Fact]
        public async Task ResultsJson_WithoutAContentType_IsSentAsJson_AndTheFixPassesTheDocumentedOne()
        {
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/items/{id}", (int id) => {|#0:Results.Json(new { title = "Not found", status = 404 }, statusCode: 404)|});
    }
}
""";
            const string fixedSource = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/items/{id}", (int id) => Results.Json(new { title = "Not found", status = 404 }, statusCode: 404, contentType: "application/problem+json"));
    }
}
""";
            await VerifyCS.CodeFixAsync(
                Problems,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0011").WithLocation(0).WithMessage(
                    "This 404 response is sent as application/json, what Results.Json writes when given no content type, but " + Documented));
        }

        [Fact]
        public async Task AnExplicitContentType_IsReportedOnTheValue_AndReplaced()
        {
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => Results.Json(new { title = "Bad" }, contentType: {|#0:"application/json"|}, statusCode: 400));
        app.MapGet("/b", () => Results.Content("Not found", {|#1:"text/plain"|}, statusCode: 404));
        app.MapGet("/c", () => TypedResults.Json(new { title = "Bad" }, contentType: "application/problem+json; charset=utf-8", statusCode: 400));
    }
}
""";
            const string fixedSource = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => Results.Json(new { title = "Bad" }, contentType: "application/problem+json", statusCode: 400));
        app.MapGet("/b", () => Results.Content("Not found", "application/problem+json", statusCode: 404));
        app.MapGet("/c", () => TypedResults.Json(new { title = "Bad" }, contentType: "application/problem+json; charset=utf-8", statusCode: 400));
    }
}
""";
            await VerifyCS.CodeFixAsync(
                Problems,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0011").WithLocation(0).WithMessage("This 400 response is sent as application/json, but " + Documented),
                VerifyCS.Diagnostic("EC0011").WithLocation(1).WithMessage("This 404 response is sent as text/plain, but " + Documented));
        }

        [Fact]
        public async Task ResponseContentType_BeforeAnErrorStatus_IsReported_AndReplaced()
        {
            const string source = """

public sealed class ErrorMiddleware
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.StatusCode = 429;
        context.Response.ContentType = {|#0:"text/plain"|};
        await context.Response.WriteAsync("{\"title\":\"Too many requests\"}");
    }

    public Task Ok(HttpContext context)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("fine");
    }
}
""";
            const string fixedSource = """

public sealed class ErrorMiddleware
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.StatusCode = 429;
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync("{\"title\":\"Too many requests\"}");
    }

    public Task Ok(HttpContext context)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("fine");
    }
}
""";
            await VerifyCS.CodeFixAsync(
                Problems,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0011").WithLocation(0).WithMessage("This 429 response is sent as text/plain, but " + Documented));
        }

        [Fact]
        public async Task WriteAsJsonAsync_WritesJson_AndHasNoPlaceForAFix()
        {
            const string source = """

public sealed class ErrorMiddleware
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        await {|#0:context.Response.WriteAsJsonAsync(new { title = "Bad request", status = 400 })|};
    }
}
""";
            await VerifyCS.NoCodeFixAsync(
                Problems,
                source,
                VerifyCS.Diagnostic("EC0011").WithLocation(0).WithMessage(
                    "This 400 response is sent as application/json, what WriteAsJsonAsync writes when given no content type, but " + Documented));
        }

        [Fact]
        public async Task ProblemResults_SuccessResponses_AndNegotiatedResults_AreSilent()
        {
            // Problem(...) is written as application/problem+json by ASP.NET Core; a success response is not an error body;
            // StatusCode(404, body) is content-negotiated, with no content type in the code to check.
            const string source = """

public class ItemsController : ControllerBase
{
    [HttpGet("a")]
    public IActionResult A() => Problem(title: "Not found", statusCode: 404);

    [HttpGet("b")]
    public IActionResult B() => StatusCode(404, new { title = "Not found" });
}

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/c", () => Results.Problem(title: "Bad", statusCode: 400));
        app.MapGet("/d", () => TypedResults.Problem(title: "Bad", statusCode: 400));
        app.MapGet("/e", () => Results.Json(new { name = "ok" }));
    }
}
""";
            await VerifyCS.AnalyzerAsync(Problems, source);
        }

        [Fact]
        public async Task TypedResultsJson_ResultsText_AndWriteAsJsonAsync_AreReported_AndFixedTogether()
        {
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => {|#0:TypedResults.Json(new { title = "Bad" }, statusCode: 400)|});
        app.MapGet("/b", () => {|#1:Results.Text("Not found", statusCode: 404)|});
        app.MapGet("/c", async (HttpContext context) =>
        {
            context.Response.StatusCode = 429;
            await context.Response.WriteAsJsonAsync(new { title = "Slow down" }, options: null, contentType: {|#2:"application/json; charset=utf-8"|});
        });
    }
}
""";
            const string fixedSource = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => TypedResults.Json(new { title = "Bad" }, statusCode: 400, contentType: "application/problem+json"));
        app.MapGet("/b", () => Results.Text("Not found", statusCode: 404, contentType: "application/problem+json"));
        app.MapGet("/c", async (HttpContext context) =>
        {
            context.Response.StatusCode = 429;
            await context.Response.WriteAsJsonAsync(new { title = "Slow down" }, options: null, contentType: "application/problem+json");
        });
    }
}
""";
            await VerifyCS.CodeFixAsync(
                Problems,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0011").WithLocation(0).WithMessage(
                    "This 400 response is sent as application/json, what TypedResults.Json writes when given no content type, but " + Documented),
                VerifyCS.Diagnostic("EC0011").WithLocation(1).WithMessage(
                    "This 404 response is sent as text/plain, what Results.Text writes when given no content type, but " + Documented),
                VerifyCS.Diagnostic("EC0011").WithLocation(2).WithMessage("This 429 response is sent as application/json, but " + Documented));
        }

        [Fact]
        public async Task CommentsAroundTheContentType_AreKept()
        {
            const string source = """

public sealed class ErrorMiddleware
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        context.Response.ContentType = /* plain */ {|#0:"TEXT/Plain"|}; // for curl
        await context.Response.WriteAsync("{\"title\":\"Not found\"}");
    }
}
""";
            const string fixedSource = """

public sealed class ErrorMiddleware
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        context.Response.ContentType = /* plain */ "application/problem+json"; // for curl
        await context.Response.WriteAsync("{\"title\":\"Not found\"}");
    }
}
""";
            await VerifyCS.CodeFixAsync(
                Problems,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0011").WithLocation(0).WithMessage("This 404 response is sent as TEXT/Plain, but " + Documented));
        }

        [Fact]
        public async Task ContentTypeInTheRateLimitersOnRejected_IsAn429Response()
        {
            const string source = """
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, token) =>
            {
                context.HttpContext.Response.ContentType = {|#0:"text/plain"|};
                return new ValueTask(context.HttpContext.Response.WriteAsync("Too many requests", token));
            };
        });
        services.Configure<RateLimiterOptions>(options =>
            options.OnRejected = async (context, token) =>
                await {|#1:context.HttpContext.Response.WriteAsJsonAsync(new { title = "Too many requests", status = 429 }, token)|});
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                Problems,
                source,
                VerifyCS.Diagnostic("EC0011").WithLocation(0).WithMessage("This 429 response is sent as text/plain, but " + Documented),
                VerifyCS.Diagnostic("EC0011").WithLocation(1).WithMessage(
                    "This 429 response is sent as application/json, what WriteAsJsonAsync writes when given no content type, but " + Documented));
        }

        [Fact]
        public async Task AContentTypeOnAnotherBranch_AnUndocumentedStatus_AndAContentTypeNotConstant_AreSilent()
        {
            // The CSV is written on the success branch; 418 is not documented (EC0001's finding, not this rule's); a content
            // type in a variable is not known.
            const string source = """

public sealed class ExportMiddleware
{
    public async Task InvokeAsync(HttpContext context, bool found, string mediaType)
    {
        if (!found)
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("{\"title\":\"Not found\"}");
        }
        else
        {
            context.Response.ContentType = "text/csv";
            await context.Response.WriteAsync("a,b");
        }
    }

    public async Task TeapotAsync(HttpContext context, string mediaType)
    {
        context.Response.StatusCode = 418;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("short and stout");
    }
}

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", (string mediaType) => Results.Content("Not found", mediaType, statusCode: 404));
        app.MapGet("/b", () => Results.Json(new { title = "Teapot" }, statusCode: 418));
    }
}
""";
            await VerifyCS.AnalyzerAsync(Problems, source);
        }

        [Fact]
        public async Task ProblemResults_UnderAContractOfAnotherMediaType_AreReported_WithoutAFix()
        {
            // Results.Problem always writes application/problem+json: there is no argument to change.
            const string contract = """
{
  "name": "Records API",
  "successStatuses": "any",
  "statuses": { "400": {}, "500": {} },
  "errorBody": { "contentType": "application/vnd.api+json", "fields": { "errors": { "type": "array" } } }
}
""";
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => {|#0:Results.Problem(title: "Bad", statusCode: 400)|});
        app.MapGet("/b", () => Results.Json(new { errors = new[] { "Bad" } }, contentType: "application/vnd.api+json", statusCode: 400));
    }
}
""";
            await VerifyCS.NoCodeFixAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0011").WithLocation(0).WithMessage(
                    "This 400 response is sent as application/problem+json, what Results.Problem writes when given no content type, but the Records API error contract documents application/vnd.api+json as the content type of every error body"));
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        [InlineData("payments")]
        [InlineData("header-key")]
        public async Task ContractsWithoutAContentType_AreSilent(string contract)
        {
            const string source = """

public sealed class ErrorMiddleware
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("Not found");
    }
}

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/b", () => Results.Content("Not found", "text/plain", statusCode: 404));
        app.MapGet("/c", () => Results.Json(new { message = "Not found" }, statusCode: 404));
        app.MapGet("/d", () => Results.Text("Bad request", statusCode: 400));
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task UnderTheProblemDetailsSample_JsonWrittenAsApplicationJson_IsReported_AndProblemsAreSilent()
        {
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/items/{id}", (int id) => {|#0:Results.Json(new { type = "https://example.com/probs/not-found", title = "Not Found", status = 404 }, statusCode: 404)|});
        app.MapGet("/orders/{id}", (int id) => Results.Problem(type: "https://example.com/probs/not-found", statusCode: 404));
    }
}
""";
            const string fixedSource = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/items/{id}", (int id) => Results.Json(new { type = "https://example.com/probs/not-found", title = "Not Found", status = 404 }, statusCode: 404, contentType: "application/problem+json"));
        app.MapGet("/orders/{id}", (int id) => Results.Problem(type: "https://example.com/probs/not-found", statusCode: 404));
    }
}
""";
            await VerifyCS.CodeFixAsync(
                TestContracts.Get("problem-details"),
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0011").WithLocation(0).WithMessage(
                    "This 404 response is sent as application/json, what Results.Json writes when given no content type, but the Problem Details API error contract documents application/problem+json as the content type of every error body"));
        }
    }
}
