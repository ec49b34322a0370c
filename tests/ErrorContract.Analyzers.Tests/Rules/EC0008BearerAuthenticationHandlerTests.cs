using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.FrameworkDefaultsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0008: a Bearer authentication handler (bearer tokens, JWT Bearer) where the contract forbids the
    /// Bearer scheme (contract B). Under contract A, which requires Bearer, it is what the contract says.
    /// </summary>
    public sealed class EC0008BearerAuthenticationHandlerTests
    {
        private const string BearerToken = """
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddAuthentication().{|#0:AddBearerToken()|};
    }
}
""";

        // The JWT Bearer handler ships in a NuGet package, in an assembly of its own name: this stands in for that assembly.
        private const string JwtBearerPackageName = "Microsoft.AspNetCore.Authentication.JwtBearer";

        private const string JwtBearerPackage = """
using Microsoft.AspNetCore.Authentication;

namespace Microsoft.Extensions.DependencyInjection
{
    public static class JwtBearerExtensions
    {
        public static AuthenticationBuilder AddJwtBearer(this AuthenticationBuilder builder) => builder;
    }
}
""";

        private const string JwtBearer = """
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddAuthentication("Bearer").{|EC0008:AddJwtBearer()|};
    }
}
""";

        /// <summary>The project references the JWT Bearer package (<see cref="JwtBearerPackage"/>).</summary>
        private static void ReferencesJwtBearer(ContractTest<Analyzers.Rules.FrameworkDefaultsAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> test)
        {
            var package = new ProjectState(JwtBearerPackageName, LanguageNames.CSharp, "/JwtBearer/Test", "cs");
            package.Sources.Add(JwtBearerPackage);
            test.TestState.AdditionalProjects.Add(JwtBearerPackageName, package);
            test.TestState.AdditionalProjectReferences.Add(JwtBearerPackageName);
        }

        [Fact]
        public async Task BearerHandler_WhereTheContractForbidsBearer_IsFlagged()
        {
            await VerifyCS.AnalyzerAsync(
                TestContracts.Studio,
                BearerToken,
                VerifyCS.Diagnostic("EC0008").WithLocation(0).WithMessage(
                    "AddBearerToken() reads only 'Authorization: Bearer <key>' and challenges with 'WWW-Authenticate: Bearer' and an empty 401 body, but the Studio API error contract documents 'Authorization: <key>'"));
            await VerifyCS.AnalyzerAsync(TestContracts.Studio, JwtBearer, ReferencesJwtBearer);
        }

        [Fact]
        public async Task BearerHandler_WhereTheContractRequiresBearer_IsSilent()
        {
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, BearerToken.Replace("{|#0:AddBearerToken()|}", "AddBearerToken()"));
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, JwtBearer.Replace("{|EC0008:AddJwtBearer()|}", "AddJwtBearer()"), ReferencesJwtBearer);
        }

        [Fact]
        public async Task BearerHandler_WhereTheKeyHasAHeaderOfItsOwn_IsFlagged_WithThatHeader()
        {
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get("header-key"),
                BearerToken,
                VerifyCS.Diagnostic("EC0008").WithLocation(0).WithMessage(
                    "AddBearerToken() reads only 'Authorization: Bearer <key>' and challenges with 'WWW-Authenticate: Bearer' and an empty 401 body, but the Header Key API error contract documents 'X-API-Key: <key>'"));
        }

        [Fact]
        public async Task BearerHandler_UnderAnotherSchemeWord_IsFlagged_WithThatWord()
        {
            const string contract = """
                { "name": "Token API",
                  "statuses": { "401": { "description": "Missing or invalid API key", "message": "Unauthorized" } },
                  "errorBody": { "fields": { "message": { "type": "string", "required": true } }, "messageField": "message" },
                  "authorization": { "scheme": "Token" } }
                """;
            await VerifyCS.AnalyzerAsync(
                contract,
                BearerToken,
                VerifyCS.Diagnostic("EC0008").WithLocation(0).WithMessage(
                    "AddBearerToken() reads only 'Authorization: Bearer <key>' and challenges with 'WWW-Authenticate: Bearer' and an empty 401 body, but the Token API error contract documents 'Authorization: Token <key>'"));
        }

        [Fact]
        public async Task BearerHandler_UnderThePaymentsContract_WhichRequiresBearer_IsSilent()
        {
            await VerifyCS.AnalyzerAsync(TestContracts.Get("payments"), BearerToken.Replace("{|#0:AddBearerToken()|}", "AddBearerToken()"));
        }

        [Fact]
        public async Task AHandlerOfAnotherScheme_IsSilent()
        {
            const string source = """
using Microsoft.Extensions.DependencyInjection;

public static class Program
{
    public static void Configure(IServiceCollection services)
    {
        services.AddAuthentication().AddCookie();
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Studio, source);
        }
    }
}
