using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.FrameworkDefaultsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0005: error handling that makes the framework write its own error bodies — AddProblemDetails(),
    /// UseStatusCodePages() and UseExceptionHandler() without a handler, UseDeveloperExceptionPage()
    /// outside a development check. Neither seed contract's body is ProblemDetails or text.
    /// </summary>
    public sealed class EC0005FrameworkErrorResponsesTests
    {
        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task DefaultErrorHandling_IsFlagged_AtEachCall(string contract)
        {
            const string source = """
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.{|EC0005:AddProblemDetails()|};
        var app = builder.Build();
        app.{|EC0005:UseExceptionHandler()|};
        app.{|EC0005:UseStatusCodePages()|};
        app.{|EC0005:UseDeveloperExceptionPage()|};
        app.Run();
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task Message_SaysWhatTheFrameworkWrites_AndWhatToDo()
        {
            const string source = """

public static class Program
{
    public static void Configure(WebApplication app) => app.{|#0:UseStatusCodePages()|};
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Artworks,
                source,
                VerifyCS.Diagnostic("EC0005").WithLocation(0).WithMessage(
                    "UseStatusCodePages() writes a text/plain body (ProblemDetails with AddProblemDetails) for every bodyless 4xx/5xx response, which is not the Artworks API error contract's error body; pass a handler that writes the contract's body: UseStatusCodePages(async context => ...)"));
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task HandlersThatWriteTheContractsBody_AndDevelopmentOnlyPages_AreSilent(string contract)
        {
            const string source = """
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }
        else
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseExceptionHandler(errorApp => errorApp.Run(context =>
            context.Response.WriteAsJsonAsync(new { message = "Internal server error" })));
        app.UseStatusCodePages(async context =>
            await context.HttpContext.Response.WriteAsJsonAsync(new { message = "Not found" }));
        app.Run();
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        [InlineData("payments")]
        [InlineData("header-key")]
        public async Task AnExceptionHandlerOfTheProject_SilencesUseExceptionHandler_AndTheAddProblemDetailsItNeeds(string contract)
        {
            // The documented way to use IExceptionHandler: the bare UseExceptionHandler() does not start without a
            // ProblemDetails service (dotnet/aspnetcore#51888), and the exceptions are the project's handler's to write.
            const string source = """
using System.Threading;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

public sealed class ContractExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = 500;
        await context.Response.WriteAsJsonAsync(new { error = "internal_error", message = "An unexpected error occurred" }, cancellationToken);
        return true;
    }
}

public static class Program
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<ContractExceptionHandler>();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.UseExceptionHandler();
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task AnExceptionHandlerOfTheProject_LeavesUseStatusCodePages_Flagged()
        {
            // The ProblemDetails service still writes the status code pages' bodies: that call is reported at itself.
            const string source = """
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.Configure<ExceptionHandlerOptions>(options => options.ExceptionHandlingPath = "/error");
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.{|EC0005:UseStatusCodePages()|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, source);
        }

        [Fact]
        public async Task AddProblemDetails_WithoutAnExceptionHandler_SaysToRegisterOne()
        {
            const string source = """
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(WebApplicationBuilder builder) => builder.Services.{|#0:AddProblemDetails()|};
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Artworks,
                source,
                VerifyCS.Diagnostic("EC0005").WithLocation(0).WithMessage(
                    "AddProblemDetails() makes the framework write ProblemDetails bodies for exceptions and bodyless error responses, which is not the Artworks API error contract's error body; register an exception handler that writes the contract's body (builder.Services.AddExceptionHandler<T>()), or remove AddProblemDetails()"));
        }

        [Theory]
        [InlineData("artworks", "ExceptionHandler = async context => await context.Response.WriteAsJsonAsync(new { error = \"internal_error\", message = \"An unexpected error occurred\" })")]
        [InlineData("studio", "ExceptionHandlingPath = \"/error\"")]
        public async Task UseExceptionHandler_WithExceptionHandlerOptions_IsSilent(string contract, string option)
        {
            // Options that name the handler (a delegate or an error path) say where the 500 body comes from: the bare
            // UseExceptionHandler() then uses them.
            var source = """
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.Configure<ExceptionHandlerOptions>(options => options.
""" + option + """
);
        var app = builder.Build();
        app.UseExceptionHandler();
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task DeveloperPage_InTheProductionBranch_IsFlagged()
        {
            const string source = """
using Microsoft.Extensions.Hosting;

public static class Program
{
    public static void Configure(WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }
        else
        {
            app.{|EC0005:UseDeveloperExceptionPage()|};
        }
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Studio, source);
        }

        [Fact]
        public async Task WithoutAContract_NothingIsFlagged()
        {
            const string source = """

public static class Program
{
    public static void Configure(WebApplication app) => app.UseStatusCodePages();
}
""";
            await VerifyCS.AnalyzerAsync(null, source);
        }

        [Fact]
        public async Task ProblemDetailsContract_AddProblemDetails_IsFlagged_UntilItWritesTheDocumentedTypes()
        {
            const string source = """
using Microsoft.Extensions.DependencyInjection;

public static class Startup
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.{|#0:AddProblemDetails()|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get("problem-details"),
                source,
                VerifyCS.Diagnostic("EC0005").WithLocation(0).WithMessage(
                    "AddProblemDetails() makes the framework write problems whose 'type' is its default (a link to the HTTP specification), not the type the Problem Details API error contract documents for each status (\"https://example.com/probs/internal-error\" for 500); set the documented type in AddProblemDetails(options => options.CustomizeProblemDetails = context => …)"));

            const string customized = """
using Microsoft.Extensions.DependencyInjection;

public static class Startup
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context => context.ProblemDetails.Type = "https://example.com/probs/internal-error");
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get("problem-details"), customized);
        }
    }
}
