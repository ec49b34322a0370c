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
        /// error body is ProblemDetails, where only the problem types are checked.
        /// </summary>
        private static void ReportApiControllerAutomaticResponses(CompilationAnalysisContext context, ErrorContractModel contract, ProjectConfiguration configuration)
        {
            if (configuration.ApiControllers.IsEmpty && !configuration.ApiControllerAssembly)
            {
                return;
            }

            if (IsProblemDetailsContract(contract))
            {
                ReportProblemTypes(context, contract, configuration);
                return;
            }

            foreach (var location in MvcLocations(configuration))
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

        /// <summary>
        /// Under a problem-details contract the framework's problems have the right shape, but their <c>type</c> is its default
        /// unless the project sets it: reported when the contract documents a type for the status.
        /// </summary>
        private static void ReportProblemTypes(CompilationAnalysisContext context, ErrorContractModel contract, ProjectConfiguration configuration)
        {
            if (configuration.ProblemDetailsCustomized)
            {
                return;
            }

            var badRequest = contract.DocumentedProblemType(400);
            var clientError = configuration.ClientErrorMappingSuppressed || configuration.ClientErrorLinksSet ? null : contract.ExampleProblemType(404, 400, 499);
            foreach (var location in MvcLocations(configuration))
            {
                if (!configuration.InvalidModelStateHandled && badRequest != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.EC0004_InvalidModelStateType, location, contract.DisplayName, badRequest));
                }

                if (clientError is (int status, string type))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.EC0004_ClientErrorTypes, location, contract.DisplayName, status, type));
                }
            }
        }

        private static ImmutableArray<Location> MvcLocations(ProjectConfiguration configuration) =>
            !configuration.MvcRegistrations.IsEmpty ? configuration.MvcRegistrations
            : !configuration.ApiControllers.IsEmpty ? ImmutableArray.Create(configuration.ApiControllers[0])
            : ImmutableArray<Location>.Empty;

        /// <summary>The contract's error body is ProblemDetails (it has <c>title</c> and <c>status</c>): the framework's bodies follow it.</summary>
        private static bool IsProblemDetailsContract(ErrorContractModel contract) =>
            contract.ErrorBody.Find("title") != null && contract.ErrorBody.Find("status") != null;
    }
}
