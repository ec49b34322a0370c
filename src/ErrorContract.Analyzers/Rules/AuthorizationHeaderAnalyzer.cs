using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0003: the key's placement contradicts the contract. Where the contract forbids Bearer, flags code that
    /// sends, expects or announces it; where it documents a scheme word, code that sends the bare key, another word,
    /// or reads the whole header as the key; under <c>never</c> (and for a header of its own), the key sent in or read
    /// from another header or the query string; with a <c>keyPrefix</c>, key constants without it.
    /// <see cref="AuthorizationDiscovery"/> finds what the code does; <see cref="AuthorizationRules"/> decides.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AuthorizationHeaderAnalyzer : ContractAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(
                Descriptors.EC0003_BearerSent,
                Descriptors.EC0003_BearerExpected,
                Descriptors.EC0003_BearerAnnounced,
                Descriptors.EC0003_BareKeySent,
                Descriptors.EC0003_WholeHeaderRead,
                Descriptors.EC0003_OtherSchemeSent,
                Descriptors.EC0003_SchemeMissing,
                Descriptors.EC0003_WholeHeaderReadWithoutScheme,
                Descriptors.EC0003_WrongSchemeExpected,
                Descriptors.EC0003_WrongSchemeAnnounced,
                Descriptors.EC0003_KeySentInHeader,
                Descriptors.EC0003_KeyReadFromHeader,
                Descriptors.EC0003_KeySentInQuery,
                Descriptors.EC0003_KeyReadFromQuery,
                Descriptors.EC0003_KeyPrefix);

        /// <summary>The header rule also checks API clients: code that sends the key from a project without ASP.NET Core.</summary>
        protected override bool RunsWithoutAspNetCore => true;

        protected override void OnContractStart(ContractStartContext start)
        {
            var types = start.Types.Authorization;
            var contract = start.Contract;
            var authorization = contract.Authorization;
            if (types == null || authorization == null)
            {
                return;
            }

            var context = start.Analysis;
            var rules = new AuthorizationRules(authorization, contract.DisplayName);

            // The discovery looks only for the facts that can contradict this contract, in the operations where they are.
            var discovery = new AuthorizationDiscovery(types, authorization, rules.Query);

            context.RegisterOperationAction(
                c =>
                {
                    // Dispatched on the kind the action was registered for: one cast, not a type test per case.
                    // The list is made by the discovery on the first site: most operations have none.
                    List<AuthorizationSite>? sites = null;
                    switch (c.Operation.Kind)
                    {
                        case OperationKind.ObjectCreation:
                            discovery.FromObjectCreation((IObjectCreationOperation)c.Operation, ref sites, c.CancellationToken);
                            break;
                        case OperationKind.Invocation:
                            discovery.FromInvocation((IInvocationOperation)c.Operation, ref sites, c.CancellationToken);
                            break;
                        case OperationKind.SimpleAssignment:
                            discovery.FromAssignment((ISimpleAssignmentOperation)c.Operation, ref sites, c.CancellationToken);
                            break;
                        case OperationKind.VariableDeclarator:
                            discovery.FromVariableDeclarator((IVariableDeclaratorOperation)c.Operation, ref sites, c.CancellationToken);
                            break;
                        case OperationKind.Binary:
                            discovery.FromBinary((IBinaryOperation)c.Operation, ref sites, c.CancellationToken);
                            break;
                        case OperationKind.PropertyReference:
                            discovery.FromPropertyReference((IPropertyReferenceOperation)c.Operation, ref sites);
                            break;
                        case OperationKind.Literal:
                            discovery.FromLiteral((ILiteralOperation)c.Operation, ref sites);
                            break;
                        case OperationKind.ImplicitIndexerReference:
                            discovery.FromImplicitIndexer((IImplicitIndexerReferenceOperation)c.Operation, ref sites, c.CancellationToken);
                            break;
                    }

                    if (sites == null)
                    {
                        return;
                    }

                    foreach (var site in sites)
                    {
                        var diagnostic = rules.Check(site);
                        if (diagnostic != null)
                        {
                            c.ReportDiagnostic(diagnostic);
                        }
                    }
                },
                rules.OperationKinds);
        }
    }
}
