using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.DocumentedHeaderFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0010: a response of a status whose documented headers the code around it does not set. Contract A (Artworks)
    /// documents <c>X-RateLimit-Reset</c> (an integer of epoch seconds) on every 429; contract B (Studio) documents no
    /// header, so the rule is silent under it. A header counts as set anywhere in the function that makes the response,
    /// in a helper it calls, or, for the rate limiter's rejections, in OnRejected.
    /// </summary>
    public sealed class EC0010DocumentedHeaderMissingTests
    {
        private const string Reset = "X-RateLimit-Reset";

        private const string ResetValue = "an integer: Unix time (epoch seconds) when the rate limit resets";

        private const string RateLimiterUsings = """
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

""";

        /// <summary>A contract documenting Retry-After (an integer) on 503 and an optional header, for the forms seed A does not use.</summary>
        private const string RetryAfterContract = """
{
  "name": "Queue API",
  "successStatuses": "any",
  "statuses": {
    "503": { "headers": { "Retry-After": { "type": "integer", "description": "seconds to wait" }, "X-Queue-Position": { "type": "integer", "required": false } } }
  },
  "errorBody": { "fields": { "message": { "type": "string" } } }
}
""";

        private static string A => TestContracts.Artworks;

        private static string B => TestContracts.Studio;

        private static string Message(string status, string header, string contract, string value) =>
            "This " + status + " response does not set the header " + header + ", which the " + contract + " error contract documents on every " + status + " response (" + value + ")";

        [Fact]
        public async Task ControllerRateLimitResponse_WithoutTheHeader_IsFlagged_AndTheFixSetsIt()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List(bool limited)
    {
        if (limited)
        {
            // Too many calls.
            return {|#0:StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 30 })|};
        }

        return Ok();
    }
}
""";
            const string fixedSource = """

public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List(bool limited)
    {
        if (limited)
        {
            // Too many calls.
            Response.Headers["X-RateLimit-Reset"] = "TODO"; // TODO: an integer: Unix time (epoch seconds) when the rate limit resets
            return StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 30 });
        }

        return Ok();
    }
}
""";
            await VerifyCS.CodeFixAsync(
                A,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0010").WithLocation(0).WithMessage(Message("429", Reset, "Artworks API", ResetValue)));
        }

        [Fact]
        public async Task SeedB_DocumentsNoHeader_IsSilent()
        {
            const string source = """

public class StudioController : ControllerBase
{
    [HttpGet]
    public IActionResult Generate() => StatusCode(429, new { message = "Too many API requests, please try again later" });
}
""";
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task OtherStatuses_NeedNoHeader()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => NotFound(new { error = "not_found", message = "Resource not found" });
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
        }

        [Fact]
        public async Task HeaderSetBeforeOrAfterTheResult_InAnySpelling_IsSilent()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("a")]
    public IActionResult Before()
    {
        Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds().ToString();
        return StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 60 });
    }

    [HttpGet("b")]
    public IActionResult After()
    {
        var result = StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 60 });
        Response.Headers.Append("x-ratelimit-reset", "1767225600");
        return result;
    }

    [HttpGet("c")]
    public IActionResult Added()
    {
        HttpContext.Response.Headers.Add("X-RATELIMIT-RESET", "1767225600");
        return StatusCode(StatusCodes.Status429TooManyRequests, new { error = "rate_limited", message = "Slow down", retry_after = 60 });
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
        }

        [Fact]
        public async Task HeaderSetInAHelperTheMethodCalls_IsSilent()
        {
            const string source = """

public static class RateLimitHeaders
{
    public static void Write(HttpResponse response, DateTimeOffset reset) =>
        response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString();
}

public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List()
    {
        RateLimitHeaders.Write(Response, DateTimeOffset.UtcNow);
        return StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 60 });
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
        }

        [Fact]
        public async Task AHelperThatSetsAnotherHeader_DoesNotCount()
        {
            const string source = """

public static class RateLimitHeaders
{
    public static void Write(HttpResponse response) => response.Headers["X-RateLimit-Limit"] = "100";
}

public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List()
    {
        RateLimitHeaders.Write(Response);
        return {|#0:StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 60 })|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source, VerifyCS.Diagnostic("EC0010").WithLocation(0).WithMessage(Message("429", Reset, "Artworks API", ResetValue)));
        }

        [Fact]
        public async Task MinimalApiHandler_WithHttpContext_IsFixed_OnItsResponse()
        {
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/artworks", (HttpContext context) => {|#0:Results.Json(new { error = "rate_limited", message = "Slow down", retry_after = 60 }, statusCode: 429)|});
    }
}
""";
            const string fixedSource = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/artworks", (HttpContext context) =>
        {
            context.Response.Headers["X-RateLimit-Reset"] = "TODO"; // TODO: an integer: Unix time (epoch seconds) when the rate limit resets
            return Results.Json(new { error = "rate_limited", message = "Slow down", retry_after = 60 }, statusCode: 429);
        });
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource, VerifyCS.Diagnostic("EC0010").WithLocation(0));
        }

        [Fact]
        public async Task NoResponseInScope_IsFlagged_WithoutAFix()
        {
            // A static factory has no response to set the header on: the fix would have to guess where it is.
            const string source = """

public static class Errors
{
    public static IResult RateLimited() => {|#0:Results.Json(new { error = "rate_limited", message = "Slow down", retry_after = 60 }, statusCode: 429)|};
}
""";
            await VerifyCS.NoCodeFixAsync(A, source, VerifyCS.Diagnostic("EC0010").WithLocation(0));
        }

        [Fact]
        public async Task AResponseMadeOnlyOnOneBranch_IsFlagged_WithoutAFix()
        {
            // A header set before the statement would go on the 200 response too: no fix rather than a wrong one.
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List(bool limited) =>
        limited ? {|#0:StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 60 })|} : Ok();
}
""";
            await VerifyCS.NoCodeFixAsync(A, source, VerifyCS.Diagnostic("EC0010").WithLocation(0));
        }

        [Fact]
        public async Task TypedHeaderProperty_CountsAsSet_AndOptionalHeadersAreNotDemanded()
        {
            const string source = """

public class QueueController : ControllerBase
{
    [HttpPost("a")]
    public IActionResult Typed()
    {
        Response.Headers.RetryAfter = "30";
        return StatusCode(503, new { message = "busy" });
    }

    [HttpPost("b")]
    public IActionResult Missing() => {|#0:StatusCode(503, new { message = "busy" })|};
}
""";
            const string fixedSource = """

public class QueueController : ControllerBase
{
    [HttpPost("a")]
    public IActionResult Typed()
    {
        Response.Headers.RetryAfter = "30";
        return StatusCode(503, new { message = "busy" });
    }

    [HttpPost("b")]
    public IActionResult Missing()
    {
        Response.Headers["Retry-After"] = "TODO"; // TODO: an integer: seconds to wait
        return StatusCode(503, new { message = "busy" });
    }
}
""";
            await VerifyCS.CodeFixAsync(
                RetryAfterContract,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0010").WithLocation(0).WithMessage(Message("503", "Retry-After", "Queue API", "an integer: seconds to wait")));
        }

        [Fact]
        public async Task FixAll_SetsTheHeaderAtEverySite()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("a")]
    public IActionResult First()
    {
        return {|#0:StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 60 })|};
    }

    [HttpGet("b")]
    public IActionResult Second()
    {
        Response.StatusCode = 200;
        {|#1:Response.StatusCode = 429|};
        return new EmptyResult();
    }
}
""";
            const string fixedSource = """

public class ArtworksController : ControllerBase
{
    [HttpGet("a")]
    public IActionResult First()
    {
        Response.Headers["X-RateLimit-Reset"] = "TODO"; // TODO: an integer: Unix time (epoch seconds) when the rate limit resets
        return StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 60 });
    }

    [HttpGet("b")]
    public IActionResult Second()
    {
        Response.StatusCode = 200;
        Response.Headers["X-RateLimit-Reset"] = "TODO"; // TODO: an integer: Unix time (epoch seconds) when the rate limit resets
        Response.StatusCode = 429;
        return new EmptyResult();
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource, VerifyCS.Diagnostic("EC0010").WithLocation(0), VerifyCS.Diagnostic("EC0010").WithLocation(1));
        }

        [Fact]
        public async Task OnRejected_WithoutTheHeader_IsFlaggedOnce_AndTheFixSetsItFirst()
        {
            const string source = RateLimiterUsings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            {|#0:options.OnRejected|} = async (context, token) =>
            {
                context.HttpContext.Response.StatusCode = 429;
                await context.HttpContext.Response.WriteAsJsonAsync(new { error = "rate_limited", message = "Slow down", retry_after = 60 }, token);
            };
        });
    }
}
""";
            const string fixedSource = RateLimiterUsings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.Headers["X-RateLimit-Reset"] = "TODO"; // TODO: an integer: Unix time (epoch seconds) when the rate limit resets
                context.HttpContext.Response.StatusCode = 429;
                await context.HttpContext.Response.WriteAsJsonAsync(new { error = "rate_limited", message = "Slow down", retry_after = 60 }, token);
            };
        });
    }
}
""";
            await VerifyCS.CodeFixAsync(
                A,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0010").WithLocation(0).WithMessage(
                    "OnRejected does not set the header X-RateLimit-Reset on the rate limiter's 429 responses, which the Artworks API error contract documents on every 429 response (" + ResetValue + ")"));
        }

        [Fact]
        public async Task OnRejected_ThatSetsTheHeader_IsSilent_AndSeedBNeverAsks()
        {
            const string source = RateLimiterUsings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, token) =>
            {
                context.HttpContext.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds().ToString();
                return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(new { error = "rate_limited", message = "Slow down", retry_after = 60 }, token));
            };
        });
    }
}
""";
            const string unset = RateLimiterUsings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, token) => new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(new { message = "Too many API requests, please try again later" }, token));
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, unset);
        }
    }
}
