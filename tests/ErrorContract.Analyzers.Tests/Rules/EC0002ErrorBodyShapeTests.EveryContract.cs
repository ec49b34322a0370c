using System.Linq;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.ErrorBodyFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0002 under every sample contract under <c>samples/contracts</c>: every documented error status answered with an
    /// empty object is reported (each sample documents at least one required field), success statuses are not judged.
    /// </summary>
    public sealed partial class EC0002ErrorBodyShapeTests
    {
        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task EverySampleContract_AnEmptyErrorBody_IsReportedForEachErrorStatus(string contractName)
        {
            var text = TestContracts.Get(contractName);
            var contract = ContractParser.Parse(text).Contract;
            Assert.NotNull(contract);

            var errors = contract!.Statuses.Keys.Where(s => s >= 400).ToArray();
            Assert.NotEmpty(errors);
            var lines = string.Concat(errors.Select((s, i) => "    public IActionResult Status" + s + "() => StatusCode(" + s + ", {|#" + i + ":new { }|});\n"));
            var source = "\npublic class ProbeController : ControllerBase\n{\n" + lines
                + "    public IActionResult Success() => StatusCode(200, new { });\n}\n";

            await VerifyCS.AnalyzerAsync(text, source, errors.Select((_, i) => VerifyCS.Diagnostic("EC0002").WithLocation(i)).ToArray());
        }
    }
}
