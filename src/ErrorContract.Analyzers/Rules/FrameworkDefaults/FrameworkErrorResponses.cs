using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Rules
{
    public sealed partial class FrameworkDefaultsAnalyzer
    {
        /// <summary>
        /// EC0005: AddProblemDetails() and UseExceptionHandler() without a handler (unless an exception handler is configured
        /// elsewhere), UseStatusCodePages() without a handler, all silent under a ProblemDetails contract, and
        /// UseDeveloperExceptionPage() outside a development check make the framework write error bodies of its own.
        /// With an exception handler of the project's, AddProblemDetails() writes no exception's body, and the bare
        /// UseExceptionHandler() does not start without it (dotnet/aspnetcore#51888): removing it would break the app.
        /// </summary>
        private static void ReportFrameworkErrorResponses(CompilationAnalysisContext context, ErrorContractModel contract, ProjectConfiguration configuration)
        {
            var problemDetailsContract = IsProblemDetailsContract(contract);
            var problemType = problemDetailsContract && !configuration.ProblemDetailsCustomized ? contract.ExampleProblemType(500, 400, 599) : null;
            foreach (var call in configuration.FrameworkResponses)
            {
                DiagnosticDescriptor descriptor;
                switch (call.Kind)
                {
                    case ConfigurationCallKind.ProblemDetails when !problemDetailsContract && !configuration.ExceptionHandlerConfigured:
                        descriptor = Descriptors.EC0005_ProblemDetails;
                        break;
                    case ConfigurationCallKind.ProblemDetails when problemType is (int status, string type):
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.EC0005_ProblemDetailsType, call.Location, contract.DisplayName, status, type));
                        continue;
                    case ConfigurationCallKind.StatusCodePages when !problemDetailsContract:
                        descriptor = Descriptors.EC0005_StatusCodePages;
                        break;
                    case ConfigurationCallKind.ExceptionHandlerMiddleware when !problemDetailsContract && !configuration.ExceptionHandlerConfigured:
                        descriptor = Descriptors.EC0005_ExceptionHandler;
                        break;
                    case ConfigurationCallKind.DeveloperExceptionPage when !call.InsideDevelopmentCheck:
                        descriptor = Descriptors.EC0005_DeveloperExceptionPage;
                        break;
                    default:
                        continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(descriptor, call.Location, contract.DisplayName));
            }
        }
    }
}
