using System.Threading.Tasks;
using ErrorContract.Analyzers.Rules;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyContract = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ContractFileAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using VerifyStatus = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.UndocumentedStatusCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0000: the project's errorcontract.json cannot be read as an error contract. The diagnostic is
    /// reported on the contract file itself, at the line and column of the offending key or value, and
    /// every other rule stays silent until the file is fixed.
    /// </summary>
    public sealed class EC0000InvalidContractTests
    {
        private const string Path = ContractTest<ContractFileAnalyzer, EmptyCodeFixProvider>.ContractPath;

        private const string Controller = """

public class TeaController : ControllerBase
{
    [HttpGet]
    public IActionResult Brew() => StatusCode(418);
}
""";

        private const string Body = "\"errorBody\": { \"fields\": { \"message\": { \"type\": \"string\", \"required\": true } } }";

        private static DiagnosticResult EC0000(string message) =>
            new DiagnosticResult(RuleIds.InvalidContract, DiagnosticSeverity.Warning)
                .WithMessage("errorcontract.json: " + message + "; the error contract rules are off until the file is fixed");

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task SeedContracts_AreValid(string contract)
        {
            await VerifyContract.AnalyzerAsync(TestContracts.Get(contract), Controller);
        }

        [Fact]
        public async Task NoContractFile_NothingIsReported_ByAnyRule()
        {
            await VerifyContract.AnalyzerAsync(null, Controller);
            await VerifyStatus.AnalyzerAsync(null, Controller);
        }

        [Fact]
        public async Task BadJson_IsReported_AtTheOffendingCharacter()
        {
            // A trailing comma: JSON does not allow it. The diagnostic marks the comma itself.
            const string contract = "{\n  \"statuses\": { \"400\": {} },\n}";
            await VerifyContract.AnalyzerAsync(
                contract,
                Controller,
                EC0000("trailing comma after property \"statuses\"; JSON allows no ',' before '}', so remove it")
                    .WithSpan(Path, 2, 28, 2, 29));
        }

        [Fact]
        public async Task UnknownKey_IsReported_OnTheKey_WithASuggestion()
        {
            const string contract = "{\n  \"statuses\": { \"400\": {} },\n  \"replacement\": { \"422\": 400 },\n  " + Body + "\n}";
            await VerifyContract.AnalyzerAsync(
                contract,
                Controller,
                EC0000("unknown property 'replacement' in the contract root (did you mean 'replacements'?); expected one of: $schema, name, successStatuses, statuses, replacements, errorBody, authorization, codes, apiRoutes")
                    .WithSpan(Path, 3, 3, 3, 16));
        }

        [Fact]
        public async Task ImpossibleStatus_IsReported_OnTheStatusKey()
        {
            const string contract = "{\n  \"statuses\": { \"400\": {}, \"999\": {} },\n  " + Body + "\n}";
            await VerifyContract.AnalyzerAsync(
                contract,
                Controller,
                EC0000("\"999\" (a key of 'statuses') is an impossible status; a status must be an HTTP status code from 100 to 599, such as 404")
                    .WithSpan(Path, 2, 28, 2, 33));
        }

        [Fact]
        public async Task WrongType_IsReported_OnTheValue()
        {
            const string contract = "{\n  \"statuses\": { \"400\": {} },\n  \"authorization\": { \"bearer\": true },\n  " + Body + "\n}";
            await VerifyContract.AnalyzerAsync(
                contract,
                Controller,
                EC0000("'bearer' must be \"required\" or \"forbidden\", not true")
                    .WithSpan(Path, 3, 32, 3, 36));
        }

        [Fact]
        public async Task EmptyFile_IsReported_AtTheStart()
        {
            await VerifyContract.AnalyzerAsync(
                string.Empty,
                Controller,
                new DiagnosticResult(RuleIds.InvalidContract, DiagnosticSeverity.Warning)
                    .WithSpan(Path, 1, 1, 1, 1));
        }

        [Fact]
        public async Task InvalidContract_SilencesTheOtherRules()
        {
            // StatusCode(418) breaks both seed contracts, but a contract that cannot be read is no contract:
            // EC0000 says so, and EC0001 does not guess.
            const string contract = "{ \"statuses\": { \"400\": {} }, \"successStatuses\": \"some\" }";
            await VerifyStatus.AnalyzerAsync(contract, Controller);
        }

        [Fact]
        public async Task TwoContractFiles_AreBothReported_AndTheOtherRulesAreSilent()
        {
            const string message = "the project has 2 contract files (/0/Shared/errorcontract.json, /0/errorcontract.json); keep exactly one in AdditionalFiles, or set the ErrorContractFile property to the one to use";
            await VerifyContract.AnalyzerAsync(
                TestContracts.Artworks,
                Controller,
                test => test.TestState.AdditionalFiles.Add(("/0/Shared/errorcontract.json", TestContracts.Studio)),
                EC0000(message).WithSpan(Path, 1, 1, 1, 1),
                EC0000(message).WithSpan("/0/Shared/errorcontract.json", 1, 1, 1, 1));
            await VerifyStatus.AnalyzerAsync(
                TestContracts.Artworks,
                Controller,
                test => test.TestState.AdditionalFiles.Add(("/0/Shared/errorcontract.json", TestContracts.Studio)));
        }

        [Fact]
        public async Task FileName_IsMatchedCaseInsensitively()
        {
            await VerifyContract.AnalyzerAsync(
                null,
                Controller,
                test => test.TestState.AdditionalFiles.Add(("/0/ErrorContract.json", "{ \"statuses\": [], " + Body + " }")),
                new DiagnosticResult(RuleIds.InvalidContract, DiagnosticSeverity.Warning).WithSpan("/0/ErrorContract.json", 1, 15, 1, 17));
        }

        [Fact]
        public async Task OtherAdditionalFiles_AreIgnored()
        {
            await VerifyContract.AnalyzerAsync(
                TestContracts.Studio,
                Controller,
                test => test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ not json")));
        }
    }
}
