using System.Collections.Immutable;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0004-EC0008: responses no endpoint wrote. ASP.NET Core's own defaults (automatic 400s under
    /// [ApiController], ProblemDetails, status code pages, exception handling, request timeouts, rate
    /// limiting, Bearer handlers) answer with statuses and bodies the contract may not document. They are
    /// flagged at the configuration call in Program.cs or startup code.
    /// </summary>
    /// <remarks>
    /// <see cref="ConfigurationDiscovery"/> finds what the project configures; this file wires it to the rules, one file
    /// each: <c>ApiControllerAutomaticResponses.cs</c> (EC0004), <c>FrameworkErrorResponses.cs</c> (EC0005),
    /// <c>RequestTimeoutStatus.cs</c> (EC0006), <c>RateLimiterRejection.cs</c> (EC0007), <c>BearerAuthenticationHandler.cs</c>
    /// (EC0008). Whether the app configures something elsewhere is a fact about the whole compilation, so EC0004-EC0006
    /// and EC0007's missing RejectionStatusCode/OnRejected read the <see cref="ConfigurationFacts"/> when the compilation
    /// ends; they are gathered by the operation callbacks the driver makes anyway (no tree of the compilation is read
    /// for them, and generated files are not analysed). EC0007's wrong status or body and EC0008 are reported at the site.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed partial class FrameworkDefaultsAnalyzer : ContractAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.EC0004_InvalidModelState,
            Descriptors.EC0004_ClientErrors,
            Descriptors.EC0004_InvalidModelStateType,
            Descriptors.EC0004_ClientErrorTypes,
            Descriptors.EC0005_ProblemDetails,
            Descriptors.EC0005_ProblemDetailsType,
            Descriptors.EC0005_StatusCodePages,
            Descriptors.EC0005_ExceptionHandler,
            Descriptors.EC0005_DeveloperExceptionPage,
            Descriptors.EC0006_DefaultStatus,
            Descriptors.EC0006_TimeoutStatusCode,
            Descriptors.EC0007_MissingStatus,
            Descriptors.EC0007_MissingOnRejected,
            Descriptors.EC0007_WrongStatus,
            Descriptors.EC0007_WrongBody,
            Descriptors.EC0008_BearerAuthenticationHandler);

        protected override void OnContractStart(ContractStartContext start)
        {
            var responseTypes = start.Types;
            var types = responseTypes.Configuration;
            if (types == null)
            {
                return;
            }

            var contract = start.Contract;
            var context = start.Analysis;
            var compilation = context.Compilation;

            // [assembly: ApiController] applies to every controller wherever it is written, but a diagnostic may only point at
            // it in hand-written code: a syntax tree action, which the driver does not run on generated files, records its
            // location.
            var assemblyApiControllers = ConfigurationDiscovery.AssemblyApiControllers(compilation, types);
            var facts = new ConfigurationFacts(apiControllerAssembly: assemblyApiControllers.Count > 0);
            if (types.ApiControllerAttribute != null)
            {
                if (assemblyApiControllers.Count > 0)
                {
                    context.RegisterSyntaxTreeAction(c =>
                    {
                        foreach (var reference in assemblyApiControllers)
                        {
                            if (reference.SyntaxTree == c.Tree)
                            {
                                facts.AddApiController(Location.Create(reference.SyntaxTree, reference.Span));
                            }
                        }
                    });
                }

                context.RegisterSymbolAction(
                    c =>
                    {
                        if (c.Symbol is INamedTypeSymbol type && ConfigurationDiscovery.ApiControllerLocation(type, types) is Location location)
                        {
                            facts.AddApiController(location);
                        }
                    },
                    SymbolKind.NamedType);
            }

            context.RegisterOperationAction(
                c =>
                {
                    var call = ConfigurationDiscovery.FromInvocation((IInvocationOperation)c.Operation, types);
                    switch (call.Kind)
                    {
                        case ConfigurationCallKind.None:
                            return;
                        case ConfigurationCallKind.BearerHandler:
                            CheckBearerHandler(c, contract, call);
                            return;
                        default:
                            facts.Add(call);
                            return;
                    }
                },
                OperationKind.Invocation);

            context.RegisterOperationAction(
                c =>
                {
                    var assignment = ConfigurationDiscovery.FromAssignment((ISimpleAssignmentOperation)c.Operation, types);
                    switch (assignment.Kind)
                    {
                        case OptionsAssignmentKind.None:
                            return;
                        case OptionsAssignmentKind.RejectionStatusCode:
                            facts.Add(assignment);
                            CheckRejectionStatus(c, contract, assignment);
                            return;
                        case OptionsAssignmentKind.OnRejected:
                            facts.Add(assignment);
                            CheckRejectionBody(c, contract, assignment, responseTypes);
                            return;
                        default:
                            facts.Add(assignment);
                            return;
                    }
                },
                OperationKind.SimpleAssignment);

            context.RegisterCompilationEndAction(c =>
            {
                var configuration = facts.Snapshot();
                ReportApiControllerAutomaticResponses(c, contract, configuration);
                ReportFrameworkErrorResponses(c, contract, configuration);
                ReportRequestTimeoutStatus(c, contract, configuration);
                ReportRateLimiterRegistrations(c, contract, configuration);
            });
        }
    }
}
