using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ContractFileAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0009 (information): a valid contract given to a project without ASP.NET Core. Only EC0003 has
    /// anything to check there (client code sending the key), so the user is told rather than left guessing
    /// why the response rules never fire.
    /// </summary>
    public sealed class EC0009ContractWithoutAspNetCoreTests
    {
        private const string ClientCode = """

public sealed class ArtworksClient
{
    private readonly System.Net.Http.HttpClient http = new System.Net.Http.HttpClient();
}
""";

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task ValidContract_InAProjectWithoutAspNetCore_IsReportedAsInformation(string contract)
        {
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                ClientCode,
                test => test.WithoutAspNetCore(),
                new DiagnosticResult(RuleIds.ContractWithoutAspNetCore, DiagnosticSeverity.Info).WithSpan("/0/errorcontract.json", 1, 1, 1, 1));
        }

        [Fact]
        public async Task WithAspNetCore_OrWithoutAContract_NothingIsReported()
        {
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, ClientCode);
            await VerifyCS.AnalyzerAsync(null, ClientCode, test => test.WithoutAspNetCore());
        }

        [Fact]
        public async Task AnInvalidContract_GetsEC0000_NotEC0009()
        {
            var invalid = new DiagnosticResult(RuleIds.InvalidContract, DiagnosticSeverity.Warning).WithSpan("/0/errorcontract.json", 1, 1, 1, 2);
            await VerifyCS.AnalyzerAsync("{}", ClientCode, test => test.WithoutAspNetCore(), invalid, invalid);
        }
    }
}
