using System.Linq;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.UndocumentedStatusCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0001 under every sample contract under <c>samples/contracts</c> (a contract added later is covered without an edit):
    /// every status the contract documents is silent, a status it does not document is reported, and a success status
    /// outside the list is reported only where the contract restricts success statuses.
    /// </summary>
    public sealed partial class EC0001UndocumentedStatusCodeTests
    {
        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task EverySampleContract_ItsStatusesAreSilent_AndOthersAreReported(string contractName)
        {
            var text = TestContracts.Get(contractName);
            var contract = ContractParser.Parse(text).Contract;
            Assert.NotNull(contract);

            var undocumentedError = new[] { 418, 451, 507, 508 }.First(s => !contract!.Statuses.ContainsKey(s));
            var undocumentedSuccess = new[] { 202, 203, 206 }.First(s => !contract!.Statuses.ContainsKey(s));
            var documented = string.Concat(contract!.Statuses.Keys.Select(s => "    public IActionResult Status" + s + "() => StatusCode(" + s + ");\n"));
            var success = contract.SuccessStatusesRestricted
                ? "    public IActionResult Success() => {|#1:StatusCode(" + undocumentedSuccess + ")|};\n"
                : "    public IActionResult Success() => StatusCode(" + undocumentedSuccess + ");\n";
            var source = "\npublic class ProbeController : ControllerBase\n{\n" + documented
                + "    public IActionResult Undocumented() => {|#0:StatusCode(" + undocumentedError + ")|};\n" + success + "}\n";

            var expected = contract.SuccessStatusesRestricted
                ? new[] { VerifyCS.Diagnostic("EC0001").WithLocation(0), VerifyCS.Diagnostic("EC0001").WithLocation(1) }
                : new[] { VerifyCS.Diagnostic("EC0001").WithLocation(0) };
            await VerifyCS.AnalyzerAsync(text, source, expected);
        }
    }
}
