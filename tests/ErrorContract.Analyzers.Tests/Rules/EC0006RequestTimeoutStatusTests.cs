using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.FrameworkDefaultsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0006: the request timeouts middleware answers with 504 unless a policy sets TimeoutStatusCode.
    /// Neither seed contract documents 504 (A maps it to 500, B to 503).
    /// </summary>
    public sealed class EC0006RequestTimeoutStatusTests
    {
        [Theory]
        [InlineData("artworks", "Artworks API", "500")]
        [InlineData("studio", "Studio API", "503")]
        public async Task AddRequestTimeouts_WithTheDefaultStatus_IsFlagged(string contract, string name, string replacement)
        {
            const string source = """
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.{|#0:AddRequestTimeouts(options => options.AddPolicy("slow", TimeSpan.FromSeconds(30)))|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0006").WithLocation(0).WithMessage(
                    "AddRequestTimeouts() answers timed-out requests with 504 (the default, as no policy sets TimeoutStatusCode); the " + name + " error contract does not document 504: set TimeoutStatusCode to a documented status, such as " + replacement));
        }

        [Fact]
        public async Task ADocumentedTimeoutStatus_IsSilent_AnUndocumentedOne_IsFlaggedOnTheValue()
        {
            const string source = """
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(10),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            };
        });
    }
}
""";
            // 503 is documented by B; A documents 500 as its only 5xx.
            await VerifyCS.AnalyzerAsync(TestContracts.Studio, source);
            await VerifyCS.AnalyzerAsync(
                TestContracts.Artworks,
                source.Replace("TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable", "TimeoutStatusCode = {|EC0006:StatusCodes.Status503ServiceUnavailable|}"));
        }

        [Fact]
        public async Task AContractThatDocuments504_IsSilent()
        {
            const string contract = """
{
  "successStatuses": "any",
  "statuses": { "400": {}, "500": {}, "504": {} },
  "errorBody": { "fields": { "message": { "type": "string", "required": true } } }
}
""";
            const string source = """
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(IServiceCollection services) => services.AddRequestTimeouts();
}
""";
            await VerifyCS.AnalyzerAsync(contract, source);
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, source.Replace("services.AddRequestTimeouts()", "services.{|EC0006:AddRequestTimeouts()|}"));
        }
    }
}
