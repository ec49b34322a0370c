using System.Linq;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using ErrorContract.Analyzers.Tests.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.EndpointContractAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0012 and EC0014 under every sample contract under <c>samples/contracts</c> (a contract added later is covered without an
    /// edit): the per-endpoint rules speak of every error status the contract documents, whatever its body language.
    /// </summary>
    public sealed class EndpointRulesEveryContractTests
    {
        private const string ProbeDocument = """
{ "openapi": "3.0.3", "info": { "title": "Probe", "version": "1" }, "paths": {
  "/probe": { "get": { "responses": { "200": { "description": "The probe" } } } } } }
""";

        private static int[] ErrorStatuses(string contractName)
        {
            var contract = ContractParser.Parse(TestContracts.Get(contractName)).Contract;
            Assert.NotNull(contract);
            var statuses = contract!.Statuses.Keys.Where(s => s >= 400).OrderBy(s => s).ToArray();
            Assert.True(statuses.Length >= 2, contractName + " documents fewer than two error statuses");
            return statuses;
        }

        private static string Switch(int[] statuses, System.Func<int, int, string> arm) =>
            string.Concat(statuses.Select((s, i) => "        " + (i + 1) + " => " + arm(s, i) + ",\n"));

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task EC0012_EveryDocumentedErrorStatusReturnedButNotDeclared_IsReported_TheDeclaredOneIsNot(string contractName)
        {
            var statuses = ErrorStatuses(contractName);
            var declared = statuses[0];
            var source = "\n[ApiController]\n[Route(\"probe\")]\npublic class ProbeController : ControllerBase\n{\n"
                + "    [HttpGet]\n    [ProducesResponseType(200)]\n    [ProducesResponseType(" + declared + ")]\n"
                + "    public IActionResult Get(int code) => code switch\n    {\n"
                + Switch(statuses, (s, i) => s == declared ? "StatusCode(" + s + ")" : "{|#" + i + ":StatusCode(" + s + ")|}")
                + "        _ => Ok(),\n    };\n}\n";
            var expected = statuses.Select((s, i) => (s, i)).Where(p => p.s != declared)
                .Select(p => new DiagnosticResult(RuleIds.UndeclaredStatusCode, DiagnosticSeverity.Warning).WithLocation(p.i)).ToArray();

            await VerifyCS.AnalyzerAsync(TestContracts.Get(contractName), source, test => test.DisabledDiagnostics.Add("EC0013"), expected);
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task EC0014_EveryDocumentedErrorStatusDeclaredButNotInTheOperation_IsReported_AtItsDeclaration(string contractName)
        {
            var statuses = ErrorStatuses(contractName);
            var declarations = string.Concat(statuses.Select((s, i) => "    [{|#" + i + ":ProducesResponseType(" + s + ")|}]\n"));
            var source = "\n[ApiController]\n[Route(\"probe\")]\npublic class ProbeController : ControllerBase\n{\n"
                + "    [HttpGet]\n    [ProducesResponseType(200)]\n" + declarations
                + "    public IActionResult Get(int code) => code switch\n    {\n"
                + Switch(statuses, (s, _) => "StatusCode(" + s + ")")
                + "        _ => Ok(),\n    };\n}\n";
            var expected = statuses.Select((_, i) => new DiagnosticResult(RuleIds.DeclarationContradictsOpenApi, DiagnosticSeverity.Warning).WithLocation(i)).ToArray();

            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contractName),
                source,
                test =>
                {
                    test.DisabledDiagnostics.Add("EC0013");
                    test.TestState.AdditionalFiles.Add((OpenApiDocuments.Path, ProbeDocument));
                },
                expected);
        }
    }
}
