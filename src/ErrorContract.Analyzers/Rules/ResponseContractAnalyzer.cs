using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// Runs the discovery of response sites once and hands every site to the rules that compare it with
    /// the contract (EC0001 status codes; EC0002 error bodies).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ResponseContractAnalyzer : ContractAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.EC0001_UndocumentedStatusCode, Descriptors.EC0002_ErrorBodyShape);

        protected override void OnContractStart(ContractStartContext start)
        {
            var types = start.Types;
            var contract = start.Contract;
            var context = start.Analysis;

            var rules = new ResponseRules(contract);
            var bodyRules = new ErrorBodyRules(contract);
            var endpointKinds = new EndpointKinds(context.Options);

            context.RegisterOperationAction(
                c =>
                {
                    List<ResponseSite> sites;
                    if (c.Operation is IInvocationOperation invocation)
                    {
                        // Most invocations call methods that cannot decide a response: leave before allocating, and hand
                        // the owner on rather than asking again.
                        var owner = types.OwnerOf(invocation.TargetMethod);
                        if (owner == ResponseCallOwner.None)
                        {
                            return;
                        }

                        sites = ResponseSiteList.Rent();
                        ResponseDiscovery.FromInvocation(invocation, owner, types, sites);
                    }
                    else
                    {
                        sites = ResponseSiteList.Rent();
                        ResponseDiscovery.FromOperation(c.Operation, types, sites, c.CancellationToken);
                    }

                    // Whether the sites belong to a page rather than the API is asked once, and only when one of them is
                    // about to be reported: most sites comply.
                    bool? page = null;
                    foreach (var site in sites)
                    {
                        var status = rules.Check(site);
                        var body = bodyRules.Check(site);
                        if (status == null && body == null)
                        {
                            continue;
                        }

                        page ??= types.Pages.IsPage(c.Operation, c.ContainingSymbol, endpointKinds, site.Status >= 300 && site.Status < 400);
                        if (page.Value)
                        {
                            continue;
                        }

                        if (status != null)
                        {
                            c.ReportDiagnostic(status);
                        }

                        if (body != null)
                        {
                            c.ReportDiagnostic(body);
                        }
                    }

                    ResponseSiteList.Return(sites);
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.AnonymousFunction,
                OperationKind.LocalFunction);

            context.RegisterSymbolAction(
                c =>
                {
                    // Cheap checks first: only an ordinary method declared in source can be an action or a handler (property
                    // accessors, record members and operators leave), and most have no attributes and no Results<...> return type.
                    var method = c.Symbol as IMethodSymbol;
                    if (method != null && (method.MethodKind != MethodKind.Ordinary || method.IsImplicitlyDeclared))
                    {
                        return;
                    }

                    // A declaration's attributes are bound before its symbol is analyzed: reading them allocates nothing. Most
                    // methods have none that states a status ([HttpGet], [Authorize] and the like are left on their names).
                    var attributes = c.Symbol.GetAttributes();
                    var statusAttributes = ResponseDiscovery.MayStateStatus(attributes);
                    var unionReturn = method != null && !method.ReturnsVoid && types.IsResultsUnion(types.UnwrapTask(method.ReturnType));
                    if (!statusAttributes && !unionReturn)
                    {
                        return;
                    }

                    // The implementation part of a partial method is a symbol of its own, with the attributes of both parts: the
                    // definition part reports them.
                    if (method?.PartialDefinitionPart != null)
                    {
                        return;
                    }

                    var sites = ResponseSiteList.Rent();
                    if (statusAttributes)
                    {
                        ResponseDiscovery.FromAttributes(attributes, types, sites, c.CancellationToken);
                    }

                    if (unionReturn)
                    {
                        foreach (var reference in method!.DeclaringSyntaxReferences)
                        {
                            if (reference.GetSyntax(c.CancellationToken) is MethodDeclarationSyntax declaration)
                            {
                                ResponseDiscovery.FromReturnType(method.ReturnType, declaration.ReturnType, types, sites);
                            }
                        }
                    }

                    foreach (var site in sites)
                    {
                        if (rules.Check(site) is Diagnostic status
                            && !types.Pages.IsPage(c.Symbol, site.Node.SyntaxTree, endpointKinds, c.CancellationToken))
                        {
                            c.ReportDiagnostic(status);
                        }
                    }

                    ResponseSiteList.Return(sites);
                },
                SymbolKind.Method,
                SymbolKind.NamedType);
        }
    }
}
