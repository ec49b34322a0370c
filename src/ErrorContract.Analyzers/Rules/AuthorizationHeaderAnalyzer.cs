using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0003: the Authorization header contradicts the contract's Bearer policy. Where the contract forbids
    /// Bearer, flags code that sends, expects or announces it; where it requires Bearer, flags code that sends
    /// the bare key or reads the whole header as the key.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AuthorizationHeaderAnalyzer : ContractAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.EC0003_AuthorizationScheme);

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
            var discovery = new AuthorizationDiscovery(types, authorization);
            var contractName = contract.DisplayName;
            var documented = authorization.Bearer == BearerPolicy.Required
                ? authorization.Header + ": Bearer <key>"
                : authorization.Header + ": <key>";

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
                    }

                    if (sites == null)
                    {
                        return;
                    }

                    foreach (var site in sites)
                    {
                        var properties = PropertiesByFix[(int)site.Fix];

                        c.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.EC0003_AuthorizationScheme,
                            site.Location,
                            properties,
                            Describe(site.Kind, authorization.Header),
                            contractName,
                            documented));
                    }
                },
                // Local declarations matter only where Bearer is required (a local holding the whole header as the key).
                authorization.Bearer == BearerPolicy.Required
                    ? ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.Binary, OperationKind.VariableDeclarator)
                    : ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.Binary));
        }

        // The diagnostic properties of each fix kind, made once (indexed by the kind): Enum.ToString and a dictionary per
        // diagnostic are not free.
        private static readonly ImmutableDictionary<string, string?>[] PropertiesByFix = CreatePropertiesByFix();

        private static ImmutableDictionary<string, string?>[] CreatePropertiesByFix()
        {
            var kinds = (AuthorizationFixKind[])System.Enum.GetValues(typeof(AuthorizationFixKind));
            var properties = new ImmutableDictionary<string, string?>[kinds.Length];
            foreach (var kind in kinds)
            {
                properties[(int)kind] = kind == AuthorizationFixKind.None
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.AuthorizationFix, kind.ToString());
            }

            return properties;
        }

        private static string Describe(AuthorizationSiteKind kind, string header)
        {
            switch (kind)
            {
                case AuthorizationSiteKind.SendsBearer:
                    return "This request sends the API key with the Bearer scheme";
                case AuthorizationSiteKind.ExpectsBearer:
                    return "This code expects the Bearer scheme in the incoming " + header + " header";
                case AuthorizationSiteKind.AnnouncesBearer:
                    return "This challenge announces the Bearer scheme";
                case AuthorizationSiteKind.SendsBareKey:
                    return "This request sends the API key without the Bearer scheme";
                default:
                    return "This code reads the whole " + header + " header as the API key, without checking for the Bearer scheme";
            }
        }
    }
}
