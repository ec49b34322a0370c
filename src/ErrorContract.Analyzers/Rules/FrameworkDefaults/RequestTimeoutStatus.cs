using System.Globalization;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Rules
{
    public sealed partial class FrameworkDefaultsAnalyzer
    {
        /// <summary>The status the request timeouts middleware answers with when no policy sets TimeoutStatusCode.</summary>
        private const int DefaultTimeoutStatus = 504;

        /// <summary>
        /// EC0006: AddRequestTimeouts() answers with 504 when no policy of the project sets TimeoutStatusCode; a
        /// TimeoutStatusCode set to a constant status the contract does not document is flagged where it is set.
        /// </summary>
        private static void ReportRequestTimeoutStatus(CompilationAnalysisContext context, ErrorContractModel contract, ProjectConfiguration configuration)
        {
            if (configuration.TimeoutStatuses.IsEmpty && !contract.IsDocumented(DefaultTimeoutStatus))
            {
                var replacement = TimeoutReplacement(contract, DefaultTimeoutStatus);
                foreach (var location in configuration.TimeoutRegistrations)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0006_DefaultStatus,
                        location,
                        DefaultTimeoutStatus.ToString(CultureInfo.InvariantCulture),
                        contract.DisplayName,
                        replacement));
                }
            }

            foreach (var (status, location) in configuration.TimeoutStatuses)
            {
                if (status.HasValue && !contract.IsDocumented(status.Value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0006_TimeoutStatusCode,
                        location,
                        status.Value.ToString(CultureInfo.InvariantCulture),
                        contract.DisplayName,
                        TimeoutReplacement(contract, status.Value)));
                }
            }
        }

        /// <summary>The documented status to time out with: the contract's replacement for the status, else its first 5xx, else the documented list.</summary>
        private static string TimeoutReplacement(ErrorContractModel contract, int status)
        {
            var replacement = contract.GetReplacement(status);
            if (replacement.HasValue)
            {
                return replacement.Value.ToString(CultureInfo.InvariantCulture);
            }

            foreach (var documented in contract.Statuses.Keys)
            {
                if (documented >= 500)
                {
                    return documented.ToString(CultureInfo.InvariantCulture);
                }
            }

            return contract.DocumentedList;
        }
    }
}
