using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes;
using ErrorContract.Analyzers.Rules;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.FrameworkDefaultsAnalyzer,
    ErrorContract.Analyzers.CodeFixes.RateLimiterRejectionStatusFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0007: the rate limiter rejects with 503 and an empty body unless RejectionStatusCode and
    /// OnRejected say otherwise. Both seed contracts document 429 for rate limiting, with the body
    /// {error, message, retry_after} under A and {message} under B.
    /// </summary>
    public sealed class EC0007RateLimiterRejectionTests
    {
        private const string Usings = """
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

""";

        [Theory]
        [InlineData("artworks", "{error, message, retry_after}")]
        [InlineData("studio", "{message}")]
        public async Task DefaultRejection_IsFlagged_ForStatusAndBody(string contract, string body)
        {
            const string source = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.{|#0:AddRateLimiter(options =>
        {
            options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
        })|};
    }
}
""";
            var name = contract == "artworks" ? "Artworks API" : "Studio API";
            var documented = "429 with the error body " + body + ": set RejectionStatusCode = StatusCodes.Status429TooManyRequests and an OnRejected that writes that body";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0007").WithLocation(0).WithMessage(
                    "AddRateLimiter() rejects requests with 503 (the default, as RejectionStatusCode is not set); the " + name + " error contract documents rate limiting as " + documented),
                VerifyCS.Diagnostic("EC0007").WithLocation(0).WithMessage(
                    "AddRateLimiter() sets no OnRejected, so rejected requests get an empty body; the " + name + " error contract documents rate limiting as " + documented));
        }

        [Theory]
        [InlineData("artworks", "new { error = \"rate_limited\", message = \"Rate limit exceeded. Try again after the reset time.\", retry_after = 60 }")]
        [InlineData("studio", "new { message = \"Too many API requests, please try again later\" }")]
        public async Task RejectionConfiguredInAnotherFile_IsSilent(string contract, string body)
        {
            // RateLimiterOptions configured apart from the registration, in another file: what the whole project assigns
            // is gathered by the analysis of each file and judged when the compilation ends.
            const string registration = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); }));
        services.Configure<RateLimiterOptions>(RateLimiting.Configure);
    }
}
""";
            var configuration = Usings + $$"""

public static class RateLimiting
{
    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, token) => new ValueTask(context.HttpContext.Response.WriteAsJsonAsync({{body}}, token));
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), registration, test => test.AddSource("/0/RateLimiting.cs", configuration));
        }

        [Theory]
        [InlineData("artworks", "Artworks API", "{error, message, retry_after}")]
        [InlineData("studio", "Studio API", "{message}")]
        public async Task RejectionConfiguredInAnotherFile_OnlyTheMissingPartIsFlagged(string contract, string name, string body)
        {
            const string registration = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.{|#0:AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); }))|};
    }
}
""";
            const string configuration = Usings + """

public static class RateLimiting
{
    public static void Configure(RateLimiterOptions options) => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                registration,
                test => test.AddSource("/0/RateLimiting.cs", configuration),
                VerifyCS.Diagnostic("EC0007").WithLocation(0).WithMessage(
                    "AddRateLimiter() sets no OnRejected, so rejected requests get an empty body; the " + name + " error contract documents rate limiting as 429 with the error body "
                    + body + ": set RejectionStatusCode = StatusCodes.Status429TooManyRequests and an OnRejected that writes that body"));
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task Fix_AddsTheRejectionStatus_TheMissingBodyStaysFlagged(string contract)
        {
            const string source = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.{|EC0007:{|EC0007:AddRateLimiter(options =>
        {
            // one window per API key
            options.AddFixedWindowLimiter("api", o => o.PermitLimit = 100);
        })|}|};
    }
}
""";
            const string fixedSource = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.{|EC0007:AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // one window per API key
            options.AddFixedWindowLimiter("api", o => o.PermitLimit = 100);
        })|};
    }
}
""";
            // The OnRejected diagnostic has no fix and stays.
            await VerifyCS.CodeFixAsync(TestContracts.Get(contract), source, fixedSource, test => test.AllowMarkupInFixedCode().FixesCompilationEndDiagnostics());
        }

        [Fact]
        public async Task Fix_ReplacesAWrongStatus_AndTurnsAnExpressionLambdaIntoABlock()
        {
            const string source = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = {|EC0007:503|}; // the framework default
            options.OnRejected = (context, token) => new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(new { message = "Too many API requests, please try again later" }, token));
        });
    }

    public static void ConfigureOther(IServiceCollection services) =>
        services.AddRateLimiter(o => o.OnRejected = (context, token) => ValueTask.CompletedTask);
}
""";
            const string fixedSource = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests; // the framework default
            options.OnRejected = (context, token) => new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(new { message = "Too many API requests, please try again later" }, token));
        });
    }

    public static void ConfigureOther(IServiceCollection services) =>
        services.AddRateLimiter(o => o.OnRejected = (context, token) => ValueTask.CompletedTask);
}
""";
            // RejectionStatusCode is set somewhere in the project, so the second registration is not
            // flagged for it; the wrong value is.
            await VerifyCS.CodeFixAsync(TestContracts.Studio, source, fixedSource, test => test.FixesCompilationEndDiagnostics());

            const string expressionLambda = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services) =>
        services.{|EC0007:AddRateLimiter(o => o.OnRejected = (context, token) => ValueTask.CompletedTask)|};
}
""";
            const string expressionLambdaFixed = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, token) => ValueTask.CompletedTask;
        });
}
""";
            await VerifyCS.CodeFixAsync(TestContracts.Artworks, expressionLambda, expressionLambdaFixed, test => test.FixesCompilationEndDiagnostics());
        }

        [Theory]
        [InlineData("artworks", "new { error = \"rate_limited\", message = \"Rate limit exceeded. Try again after the reset time.\", retry_after = 60 }")]
        [InlineData("studio", "new { message = \"Too many API requests, please try again later\" }")]
        public async Task ContractRejection_IsSilent(string contract, string body)
        {
            var source = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, token) =>
                await context.HttpContext.Response.WriteAsJsonAsync(
""" + body + """
, token);
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks", "new { message = \"Too many requests\" }")]
        [InlineData("artworks", "new { error = \"rate_limited\", message = \"Slow down\" }")]
        [InlineData("studio", "new { error = \"rate_limited\", message = \"Slow down\", retry_after = 60 }")]
        public async Task ARejectionBodyOfAnotherShape_IsFlaggedOnTheBody_WithoutAFix(string contract, string body)
        {
            var source = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, token) =>
                new ValueTask(context.HttpContext.Response.WriteAsJsonAsync({|#0:
""" + body + """
|}, token));
        });
    }
}
""";
            await VerifyCS.NoCodeFixAsync(TestContracts.Get(contract), source, VerifyCS.Diagnostic("EC0007").WithLocation(0));
        }

        [Fact]
        public async Task TheMessage_SaysWhatTheBodyLacks()
        {
            var source = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, token) =>
                await context.HttpContext.Response.WriteAsJsonAsync({|#0:new { error = "rate_limited", message = "Slow down" }|}, token);
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Artworks,
                source,
                VerifyCS.Diagnostic("EC0007").WithLocation(0).WithMessage("OnRejected writes a 429 body that does not match: missing field 'retry_after'; the Artworks API error contract documents rate limiting as 429 with the error body {error, message, retry_after}: set RejectionStatusCode = StatusCodes.Status429TooManyRequests and an OnRejected that writes that body"));
        }

        [Theory]
        [InlineData("artworks", "Artworks API", "{error, message, retry_after}", "missing fields 'error', 'retry_after'", "new { error = \"rate_limited\", message = \"Too many requests\", retry_after = 60 }")]
        [InlineData("studio", "Studio API", "{message}", "missing field 'message'; 'error' is not allowed", "new { message = \"Too many requests\" }")]
        public async Task ABodySerializedByHand_IsCheckedAsTheSerializedObject(string contract, string name, string fields, string problem, string compliant)
        {
            var source = Usings + """
using System.Text.Json;

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "application/json";
                await context.HttpContext.Response.WriteAsync(JsonSerializer.Serialize({|#0:
""" + (contract == "artworks" ? "new { message = \"Too many requests\" }" : "new { error = \"rate_limited\" }") + """
|}), token);
            };
        });
    }

    public static void ConfigureCompliant(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, token) =>
                await context.HttpContext.Response.WriteAsync(JsonSerializer.Serialize(
""" + compliant + """
), token);
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0007").WithLocation(0).WithMessage(
                    "OnRejected writes a 429 body that does not match: it sends an object serialized with JsonSerializer.Serialize: " + problem + "; the " + name
                    + " error contract documents rate limiting as 429 with the error body " + fields + ": set RejectionStatusCode = StatusCodes.Status429TooManyRequests and an OnRejected that writes that body"));
        }

        [Fact]
        public async Task ARejectionWithoutTheDocumentedHeader_IsReportedByEC0010_AtOnRejected_NotByEC0007()
        {
            // Contract A documents X-RateLimit-Reset on every 429. The status and body below are the contract's, so EC0007 is
            // silent; the header OnRejected does not set is EC0010's finding, on options.OnRejected, with its fix.
            const string source = Usings + """

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            {|#0:options.OnRejected|} = async (context, token) =>
                await context.HttpContext.Response.WriteAsJsonAsync(new { error = "rate_limited", message = "Slow down", retry_after = 60 }, token);
        });
    }
}
""";
            const string fixedSource = Usings + """

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
                await context.HttpContext.Response.WriteAsJsonAsync(new { error = "rate_limited", message = "Slow down", retry_after = 60 }, token);
            };
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, source);
            await Verify<ResponseContractAnalyzer, DocumentedHeaderFixProvider>.CodeFixAsync(
                TestContracts.Artworks,
                source,
                fixedSource,
                Verify<ResponseContractAnalyzer, DocumentedHeaderFixProvider>.Diagnostic("EC0010").WithLocation(0).WithMessage(
                    "OnRejected does not set the header X-RateLimit-Reset on the rate limiter's 429 responses, which the Artworks API error contract documents on every 429 response (an integer: Unix time (epoch seconds) when the rate limit resets)"));
        }
    }
}
