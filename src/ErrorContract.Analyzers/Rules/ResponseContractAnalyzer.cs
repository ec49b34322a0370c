using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Discovery.Routes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// Runs the discovery of response sites once and hands every site to the rules that compare it with
    /// the contract (EC0001 status codes; EC0002 error bodies; EC0010 documented headers, only when the contract requires
    /// some header; EC0011 the error content type, only when the contract documents one). A site in an endpoint whose every
    /// route is outside the contract's <c>apiRoutes</c> is not judged (<see cref="ApiRouteScope"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ResponseContractAnalyzer : ContractAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(
                Descriptors.EC0001_UndocumentedStatusCode,
                Descriptors.EC0002_ErrorBodyShape,
                Descriptors.EC0010_MissingHeader,
                Descriptors.EC0010_MissingHeaderOnRejected,
                Descriptors.EC0011_ContentType,
                Descriptors.EC0011_DefaultContentType);

        protected override void OnContractStart(ContractStartContext start)
        {
            var types = start.Types;
            var contract = start.Contract;
            var context = start.Analysis;

            var rules = new ResponseRules(contract);
            var bodyRules = new ErrorBodyRules(contract);
            var headerRules = HeaderRules.Create(contract, context.Compilation, types);
            var contentTypeRules = ContentTypeRules.Create(contract, types);
            var endpointKinds = new EndpointKinds(context.Options);

            // The contract's apiRoutes: null when it has none (every route is the API).
            var apiScope = ApiRouteScope.Create(contract, context.Compilation);

            context.RegisterOperationAction(
                c =>
                {
                    // On the kind the action was registered for: a type test per kind is an interface test, slow when it fails.
                    List<ResponseSite> sites;
                    var kind = c.Operation.Kind;
                    if (kind == OperationKind.Invocation)
                    {
                        var invocation = (IInvocationOperation)c.Operation;
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
                    bool? outsideApi = null;
                    List<Diagnostic>? headers = null;
                    foreach (var site in sites)
                    {
                        var status = rules.Check(site);
                        var body = bodyRules.Check(site);
                        headers?.Clear();
                        headerRules?.Check(site, ref headers);
                        var contentType = contentTypeRules?.Check(site);

                        if (status == null && body == null && contentType == null && (headers == null || headers.Count == 0))
                        {
                            continue;
                        }

                        page ??= types.Pages.IsPage(c.Operation, c.ContainingSymbol, endpointKinds, site.Status >= 300 && site.Status < 400);
                        if (page.Value)
                        {
                            continue;
                        }

                        outsideApi ??= apiScope != null && apiScope.IsOutside(c.Operation, c.ContainingSymbol);
                        if (outsideApi.Value)
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

                        if (contentType != null)
                        {
                            c.ReportDiagnostic(contentType);
                        }

                        if (headers != null)
                        {
                            foreach (var header in headers)
                            {
                                c.ReportDiagnostic(header);
                            }
                        }
                    }

                    var noSite = sites.Count == 0;
                    ResponseSiteList.Return(sites);
                    if (contentTypeRules != null && noSite && kind == OperationKind.Invocation
                        && contentTypeRules.CheckOnRejectedWrite((IInvocationOperation)c.Operation) is Diagnostic rejected)
                    {
                        // The rate limiter's rejections are 429 responses without a status in the code: their body's
                        // content type is checked here.
                        c.ReportDiagnostic(rejected);
                    }

                    if (contentTypeRules != null && kind == OperationKind.SimpleAssignment
                        && contentTypeRules.CheckAssignment((ISimpleAssignmentOperation)c.Operation) is Diagnostic written)
                    {
                        c.ReportDiagnostic(written);
                    }

                    if (headerRules != null && kind == OperationKind.SimpleAssignment)
                    {
                        var assignment = (ISimpleAssignmentOperation)c.Operation;
                        // The rate limiter's OnRejected writes the rate-limit responses: their headers are checked at it.
                        headers?.Clear();
                        headerRules.CheckOnRejected(assignment, ref headers);
                        if (headers != null)
                        {
                            foreach (var header in headers)
                            {
                                c.ReportDiagnostic(header);
                            }
                        }
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.AnonymousFunction,
                OperationKind.LocalFunction);

            // A method's or class's [ProducesResponseType] attributes, from the attribute's own operation (the driver makes
            // operation callbacks for the attributes of declarations): a diagnostic reported from an operation action costs the
            // driver about half what one from a symbol action does (no search for the declaration's topmost node and semantic
            // model per diagnostic), and first adoption reports thousands of them. The attribute data of the declaration gives
            // the status; lambdas' and local functions' attributes are read with their operations (ResponseDiscovery.FromOperation).
            context.RegisterOperationAction(
                c =>
                {
                    var attribute = (IAttributeOperation)c.Operation;
                    if (!(attribute.Operation is IObjectCreationOperation creation) || !ResponseDiscovery.MayStateStatus(creation.Type))
                    {
                        return;
                    }

                    var symbol = c.ContainingSymbol;
                    if (!(symbol is INamedTypeSymbol || (symbol is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary && !method.IsImplicitlyDeclared)))
                    {
                        return;
                    }

                    var span = attribute.Syntax.Span;
                    var tree = attribute.Syntax.SyntaxTree;
                    foreach (var data in symbol.GetAttributes())
                    {
                        var reference = data.ApplicationSyntaxReference;
                        if (reference == null || reference.Span != span || reference.SyntaxTree != tree)
                        {
                            continue;
                        }

                        var sites = ResponseSiteList.Rent();
                        ResponseDiscovery.FromAttributes(ImmutableArray.Create(data), types, sites, c.CancellationToken);
                        foreach (var site in sites)
                        {
                            if (rules.Check(site) is Diagnostic status
                                && !types.Pages.IsPage(symbol, tree, endpointKinds, c.CancellationToken)
                                && (apiScope == null || !apiScope.IsOutside(symbol)))
                            {
                                c.ReportDiagnostic(status);
                            }
                        }

                        ResponseSiteList.Return(sites);
                        return;
                    }
                },
                OperationKind.Attribute);

            context.RegisterSymbolAction(
                c =>
                {
                    // A Results<...> return type states the statuses a method returns. Cheap checks first: only an ordinary method
                    // declared in source can be an action or a handler (property accessors, record members and operators leave).
                    // The implementation part of a partial method is a symbol of its own, with the same return type: the
                    // definition part reports it.
                    var method = (IMethodSymbol)c.Symbol;
                    if (method.MethodKind != MethodKind.Ordinary
                        || method.IsImplicitlyDeclared
                        || method.ReturnsVoid
                        || !types.IsResultsUnion(types.UnwrapTask(method.ReturnType))
                        || method.PartialDefinitionPart != null)
                    {
                        return;
                    }

                    var sites = ResponseSiteList.Rent();
                    foreach (var reference in method.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(c.CancellationToken) is MethodDeclarationSyntax declaration)
                        {
                            ResponseDiscovery.FromReturnType(method.ReturnType, declaration.ReturnType, types, sites);
                        }
                    }

                    foreach (var site in sites)
                    {
                        if (rules.Check(site) is Diagnostic status
                            && !types.Pages.IsPage(c.Symbol, site.Node.SyntaxTree, endpointKinds, c.CancellationToken)
                            && (apiScope == null || !apiScope.IsOutside(c.Symbol)))
                        {
                            c.ReportDiagnostic(status);
                        }
                    }

                    ResponseSiteList.Return(sites);
                },
                SymbolKind.Method);
        }
    }
}
