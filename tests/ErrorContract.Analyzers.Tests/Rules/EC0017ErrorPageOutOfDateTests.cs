using System.Threading.Tasks;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyContract = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ContractFileAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0017: the error page the project names in <c>ErrorContractPageFile</c> is not the page its contract generates. It is an
    /// error (a stale page fails the build and CI), reported at the first line that differs, and its message names the command
    /// that rewrites the page. Line ends and a final newline do not count; a project that names no page is never asked. The
    /// page's own cases run under every sample contract.
    /// </summary>
    public sealed class EC0017ErrorPageOutOfDateTests
    {
        private const string PagePath = "/0/docs/errors.md";

        private const string Source = """

public class ArtworksController : ControllerBase
{
}
""";

        private static string Page(string contract) => ErrorPage.Render(ContractParser.Parse(contract).Contract!, "errorcontract.json");

        private static System.Action<ContractTest<ErrorContract.Analyzers.Rules.ContractFileAnalyzer, EmptyCodeFixProvider>> WithPage(string? page, string property = "docs/errors.md") =>
            test =>
            {
                if (page != null)
                {
                    test.TestState.AdditionalFiles.Add((PagePath, page));
                }

                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ErrorContractPageFile = " + property + "\n"));
            };

        private static DiagnosticResult EC0017(string what) =>
            new DiagnosticResult(RuleIds.ErrorPageOutOfDate, DiagnosticSeverity.Error)
                .WithMessage("errors.md is out of date with errorcontract.json (" + what + "); run 'dotnet build -t:ErrorContractPage' to rewrite it");

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task ThePageTheContractGenerates_IsNotReported(string name)
        {
            var contract = TestContracts.Get(name);
            await VerifyContract.AnalyzerAsync(contract, Source, WithPage(Page(contract)));
        }

        [Fact]
        public async Task LineEndsAndAFinalNewline_DoNotCount()
        {
            var contract = TestContracts.Artworks;
            await VerifyContract.AnalyzerAsync(contract, Source, WithPage(Page(contract).Replace("\n", "\r\n") + "\r\n\r\n"));
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task APageEditedByHand_IsReported_AtTheFirstLineThatDiffers(string name)
        {
            var contract = TestContracts.Get(name);
            var lines = Page(contract).Split('\n');
            var edited = 6;
            lines[edited] += " (edited)";
            await VerifyContract.AnalyzerAsync(
                contract,
                Source,
                WithPage(string.Join("\n", lines)),
                EC0017("line 7 differs").WithSpan(PagePath, 7, 1, 7, lines[edited].Length + 1));
        }

        [Fact]
        public async Task AContractThatChanged_MakesTheCommittedPageStale()
        {
            var before = TestContracts.Artworks;
            var after = before.Replace("\"Resource not found\"", "\"No such artwork\"");
            Assert.NotEqual(before, after);
            var page = Page(before);
            var expected = Page(after);
            var line = 0;
            var lines = page.Split('\n');
            var expectedLines = expected.Split('\n');
            while (lines[line] == expectedLines[line])
            {
                line++;
            }

            await VerifyContract.AnalyzerAsync(
                after,
                Source,
                WithPage(page),
                EC0017("line " + (line + 1) + " differs").WithSpan(PagePath, line + 1, 1, line + 1, lines[line].Length + 1));
        }

        [Fact]
        public async Task ANamedPageThatDoesNotExist_IsReported_OnTheContract()
        {
            await VerifyContract.AnalyzerAsync(
                TestContracts.Artworks,
                Source,
                WithPage(null),
                EC0017("the file does not exist").WithSpan(ContractTest<ErrorContract.Analyzers.Rules.ContractFileAnalyzer, EmptyCodeFixProvider>.ContractPath, 1, 1, 1, 1));
        }

        [Fact]
        public async Task WithoutThePageProperty_NoPageIsChecked()
        {
            await VerifyContract.AnalyzerAsync(
                TestContracts.Artworks,
                Source,
                test => test.TestState.AdditionalFiles.Add((PagePath, "# A page written by hand\n")));
        }

        [Fact]
        public async Task AnInvalidContract_ReportsOnlyEC0000()
        {
            const string contract = "{\n  \"statuses\": { \"404\": {} },\n}";
            await VerifyContract.AnalyzerAsync(
                contract,
                Source,
                WithPage("# errors\n"),
                new DiagnosticResult(RuleIds.InvalidContract, DiagnosticSeverity.Warning)
                    .WithSpan(ContractTest<ErrorContract.Analyzers.Rules.ContractFileAnalyzer, EmptyCodeFixProvider>.ContractPath, 2, 28, 2, 29)
                    .WithMessage("errorcontract.json: trailing comma after property \"statuses\"; JSON allows no ',' before '}', so remove it; the error contract rules are off until the file is fixed"));
        }
    }
}
