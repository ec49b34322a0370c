using System.Threading.Tasks;
using ErrorContract.Analyzers.Rules;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0009 (information): a valid contract given to a project without ASP.NET Core. Only EC0003 has
    /// anything to check there (client code sending the key), so the user is told rather than left guessing
    /// why the response rules never fire.
    /// </summary>
    public sealed class EC0009ContractWithoutAspNetCoreTests
    {
        private const string ClientCode = @"
public sealed class ArtworksClient
{
    private readonly System.Net.Http.HttpClient http = new System.Net.Http.HttpClient();
}";

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task ValidContract_InAProjectWithoutAspNetCore_IsReportedAsInformation(string contract)
        {
            var test = new ContractTest<ContractFileAnalyzer, EmptyCodeFixProvider>();
            test.ReferenceAssemblies = ContractTest<ContractFileAnalyzer, EmptyCodeFixProvider>.Net10;
            test.TestState.Sources.Add(("/0/Test0.cs", ClientCode));
            test.TestState.AdditionalFiles.Add(("/0/errorcontract.json", TestContracts.Get(contract)));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.ContractWithoutAspNetCore, DiagnosticSeverity.Info)
                .WithSpan("/0/errorcontract.json", 1, 1, 1, 1));
            await test.RunAsync();
        }

        [Fact]
        public async Task WithAspNetCore_OrWithoutAContract_NothingIsReported()
        {
            await Verify<ContractFileAnalyzer, EmptyCodeFixProvider>.AnalyzerAsync(TestContracts.Artworks, ClientCode);

            var test = new ContractTest<ContractFileAnalyzer, EmptyCodeFixProvider>();
            test.ReferenceAssemblies = ContractTest<ContractFileAnalyzer, EmptyCodeFixProvider>.Net10;
            test.TestState.Sources.Add(("/0/Test0.cs", ClientCode));
            await test.RunAsync();
        }

        [Fact]
        public async Task AnInvalidContract_GetsEC0000_NotEC0009()
        {
            var test = new ContractTest<ContractFileAnalyzer, EmptyCodeFixProvider>();
            test.ReferenceAssemblies = ContractTest<ContractFileAnalyzer, EmptyCodeFixProvider>.Net10;
            test.TestState.Sources.Add(("/0/Test0.cs", ClientCode));
            test.TestState.AdditionalFiles.Add(("/0/errorcontract.json", "{}"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.InvalidContract, DiagnosticSeverity.Warning).WithSpan("/0/errorcontract.json", 1, 1, 1, 2));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.InvalidContract, DiagnosticSeverity.Warning).WithSpan("/0/errorcontract.json", 1, 1, 1, 2));
            await test.RunAsync();
        }
    }
}
