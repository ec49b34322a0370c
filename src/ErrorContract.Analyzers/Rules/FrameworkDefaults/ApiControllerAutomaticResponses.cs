using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Rules
{
    public sealed partial class FrameworkDefaultsAnalyzer
    {
        /// <summary>
        /// EC0004: controllers under [ApiController] answer invalid model state with a 400 ValidationProblemDetails body and
        /// turn bodyless 4xx results into ProblemDetails bodies, unless ApiBehaviorOptions says otherwise. Reported where
        /// the app registers MVC, else at the first [ApiController] in hand-written code; silent under a contract whose
        /// error body is ProblemDetails.
        /// </summary>
        private static void ReportApiControllerAutomaticResponses(CompilationAnalysisContext context, ErrorContractModel contract, ProjectConfiguration configuration)
        {
            if ((configuration.ApiControllers.IsEmpty && !configuration.ApiControllerAssembly) || IsProblemDetailsContract(contract))
            {
                return;
            }

            var locations = !configuration.MvcRegistrations.IsEmpty ? configuration.MvcRegistrations
                : !configuration.ApiControllers.IsEmpty ? ImmutableArray.Create(configuration.ApiControllers[0])
                : ImmutableArray<Location>.Empty;
            foreach (var location in locations)
            {
                if (!configuration.InvalidModelStateHandled)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.EC0004_InvalidModelState, location, contract.DisplayName));
                }

                if (!configuration.ClientErrorMappingSuppressed)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.EC0004_ClientErrors, location, contract.DisplayName));
                }
            }
        }

        /// <summary>The contract's error body is ProblemDetails (it has <c>title</c> and <c>status</c>): the framework's bodies follow it.</summary>
        private static bool IsProblemDetailsContract(ErrorContractModel contract) =>
            contract.ErrorBody.Find("title") != null && contract.ErrorBody.Find("status") != null;
    }
}
