using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
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

            // The statuses a declaration states (its [ProducesResponseType]-like attributes, its Results<...> return type) are
            // reported from the method's operation block when it has one: a diagnostic reported from a symbol action costs
            // the driver a semantic model and a search for the declaration's topmost node, each time (docs/performance.md,
            // issue 18), and a first build after adoption has thousands of them. Types, and methods without a body
            // (abstract, extern, interface members), are left to the symbol action.
            context.RegisterOperationBlockAction(
                c =>
                {
                    if (c.OwningSymbol is IMethodSymbol method)
                    {
                        AnalyzeDeclaration(method, fromOperationBlock: true, types, rules, endpointKinds, c.ReportDiagnostic, c.CancellationToken);
                    }
                });

            context.RegisterSymbolAction(
                c =>
                {
                    AnalyzeDeclaration(c.Symbol, fromOperationBlock: false, types, rules, endpointKinds, c.ReportDiagnostic, c.CancellationToken);
                },
                SymbolKind.Method,
                SymbolKind.NamedType);
        }

        /// <summary>
        /// True for a method whose declaration has a body (a block or an expression), so that the driver calls the
        /// operation block action for it, once. Whether a method has one is a syntax fact, read without binding. The two
        /// parts of a partial method share their attributes: they stay with the symbol action, which sees one of them.
        /// </summary>
        private static bool HasOperationBlock(IMethodSymbol method)
        {
            if (method.IsAbstract || method.IsExtern || method.MethodKind != MethodKind.Ordinary
                || method.PartialDefinitionPart != null || method.PartialImplementationPart != null)
            {
                return false;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is MethodDeclarationSyntax declaration
                    && (declaration.Body != null || declaration.ExpressionBody != null))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>EC0001 for the statuses a type or a method declares: its status attributes and its Results&lt;...&gt; return type.</summary>
        private static void AnalyzeDeclaration(
            ISymbol symbol,
            bool fromOperationBlock,
            WellKnownTypes types,
            ResponseRules rules,
            EndpointKinds endpointKinds,
            Action<Diagnostic> report,
            CancellationToken cancellationToken)
        {
            // Cheap checks first: only an ordinary method declared in source can be an action or a handler (property
            // accessors, record members and operators leave), and most have no attributes and no Results<...> return type.
            var method = symbol as IMethodSymbol;
            if (method != null && (method.MethodKind != MethodKind.Ordinary || method.IsImplicitlyDeclared))
            {
                return;
            }

            // A declaration's attributes are bound before its symbol is analyzed: reading them allocates nothing. Most
            // methods have none that states a status ([HttpGet], [Authorize] and the like are left on their names).
            var attributes = symbol.GetAttributes();
            var statusAttributes = ResponseDiscovery.MayStateStatus(attributes);
            var unionReturn = method != null && !method.ReturnsVoid && types.IsResultsUnion(types.UnwrapTask(method.ReturnType));
            if (!statusAttributes && !unionReturn)
            {
                return;
            }

            // Which of the two callbacks reports a method is asked after the cheap checks, so that most methods never ask. The
            // implementation part of a partial method is a symbol of its own, with the attributes of both parts: the
            // definition part reports them.
            if (method != null)
            {
                var hasBlock = HasOperationBlock(method);
                if (fromOperationBlock ? !hasBlock : (hasBlock || method.PartialDefinitionPart != null))
                {
                    return;
                }
            }

            var sites = ResponseSiteList.Rent();
            if (statusAttributes)
            {
                ResponseDiscovery.FromAttributes(attributes, types, sites, cancellationToken);
            }

            if (unionReturn)
            {
                foreach (var reference in method!.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
                    {
                        ResponseDiscovery.FromReturnType(method.ReturnType, declaration.ReturnType, types, sites);
                    }
                }
            }

            foreach (var site in sites)
            {
                if (rules.Check(site) is Diagnostic status
                    && !types.Pages.IsPage(symbol, site.Node.SyntaxTree, endpointKinds, cancellationToken))
                {
                    report(status);
                }
            }

            ResponseSiteList.Return(sites);
        }
    }
}
