using System.Collections.Concurrent;
using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Contract.OpenApi;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Discovery.Endpoints;
using ErrorContract.Analyzers.Discovery.Routes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0012 (a status returned that the endpoint does not declare) and EC0013 (a status declared that the endpoint never
    /// returns, off by default). Minimal APIs are judged at their Map call, where every declaration of theirs is read (the
    /// handler, the chain, the route groups of the same method body). Controller actions are judged when the compilation
    /// ends: global filters (<c>options.Filters.Add(new ProducesResponseTypeAttribute(…))</c>) declare for every action and are
    /// known only then. "Is this an endpoint" is decided on names, kinds and per-class facts before any attribute is read.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EndpointContractAnalyzer : ContractAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.EC0012_UndeclaredStatusCode,
            Descriptors.EC0012_UndeclaredStatusCodeInAction,
            Descriptors.EC0012_UndocumentedInOpenApi,
            Descriptors.EC0012_UndocumentedInOpenApiInAction,
            Descriptors.EC0013_DeclaredStatusNeverReturned,
            Descriptors.EC0013_DeclaredStatusNeverReturnedInAction,
            Descriptors.EC0014_DeclarationNotDocumented,
            Descriptors.EC0014_DeclarationNotDocumentedInAction);

        protected override void OnContractStart(ContractStartContext start)
        {
            var types = start.Types;
            var endpoints = types.Endpoints;
            var context = start.Analysis;
            if (endpoints == null)
            {
                return;
            }

            var endpointTypes = endpoints.Types;
            var hasControllers = types.ControllerBase != null;
            var hasMinimalApis = endpointTypes.RouteBuilderExtensions != null;
            if (!hasControllers && !hasMinimalApis)
            {
                return;
            }

            var rules = new EndpointRules(start.Contract, types);
            var endpointKinds = new EndpointKinds(context.Options);
            var globals = new GlobalFilters();

            // The project's OpenAPI document, when it has one valid document: an endpoint matched to its operations is also
            // judged against them (EC0014; EC0012 from the document for an endpoint that declares nothing in code).
            var document = OpenApiLoader.Load(context.Options, context.CancellationToken);
            var openApi = document == null ? null : new OpenApiSource(document, RouteTypes.Get(context.Compilation));
            var actions = new ConcurrentQueue<(IMethodSymbol Action, IOperation Body)>();

            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var name = invocation.TargetMethod.Name;
                    if (hasMinimalApis && MinimalEndpoints.MayMapEndpoint(name))
                    {
                        JudgeMinimal(c, invocation, types, endpoints, rules, endpointKinds, openApi);
                    }
                    else if (hasControllers && name.StartsWith("Add", System.StringComparison.Ordinal)
                        && (EndpointTypes.Is(invocation.TargetMethod.ContainingType, endpointTypes.FilterCollection)
                            || EndpointTypes.Is(invocation.Instance?.Type, endpointTypes.FilterCollection)))
                    {
                        globals.Record(invocation, endpointTypes);
                    }
                },
                OperationKind.Invocation);

            if (!hasControllers)
            {
                return;
            }

            context.RegisterOperationBlockAction(c =>
            {
                if (!(c.OwningSymbol is IMethodSymbol method) || !endpoints.Controllers.IsAction(method))
                {
                    return;
                }

                foreach (var block in c.OperationBlocks)
                {
                    // The body's block (or the method body around it, as the compiler version hands it).
                    var root = block;
                    while (root.Parent != null)
                    {
                        root = root.Parent;
                    }

                    if (root is IMethodBodyOperation body)
                    {
                        actions.Enqueue((method, body));
                        return;
                    }

                    if (block is IBlockOperation && !(block.Parent is IAttributeOperation))
                    {
                        actions.Enqueue((method, block));
                        return;
                    }
                }
            });

            context.RegisterCompilationEndAction(c =>
            {
                while (actions.TryDequeue(out var pending))
                {
                    c.CancellationToken.ThrowIfCancellationRequested();
                    var action = pending.Action;
                    var declarations = endpoints.Controllers.Declarations(action, globals, c.CancellationToken);
                    if (declarations.Open || (declarations.IsEmpty && openApi == null))
                    {
                        continue;
                    }

                    var operations = openApi?.OperationsOf(action) ?? ImmutableArray<OpenApiOperation>.Empty;
                    if (declarations.IsEmpty && operations.IsEmpty)
                    {
                        continue;
                    }

                    var tree = pending.Body.Syntax.SyntaxTree;
                    if (types.Pages.IsPage(action, tree, endpointKinds, c.CancellationToken))
                    {
                        continue;
                    }

                    var returns = endpoints.Returns.Of(pending.Body, ReturnsNothing(action.ReturnType, types), c.CancellationToken);
                    var display = action.ContainingType.Name + "." + action.Name;
                    rules.CheckUndeclared(returns, declarations, display, EndpointStyle.Action, null, fixable: true, Descriptors.EC0012_UndeclaredStatusCodeInAction, c.ReportDiagnostic);
                    rules.CheckNeverReturned(returns, declarations, display, Descriptors.EC0013_DeclaredStatusNeverReturnedInAction, c.ReportDiagnostic);
                    rules.CheckAgainstOpenApi(returns, declarations, operations, display, Descriptors.EC0012_UndocumentedInOpenApiInAction, Descriptors.EC0014_DeclarationNotDocumentedInAction, c.ReportDiagnostic);
                }
            });
        }

        private static void JudgeMinimal(OperationAnalysisContext c, IInvocationOperation invocation, WellKnownTypes types, EndpointDiscovery endpoints, EndpointRules rules, EndpointKinds endpointKinds, OpenApiSource? openApi)
        {
            var endpoint = MinimalEndpoints.Read(invocation, endpoints.Types, endpoints.Compilation, endpoints.GroupLocals, c.CancellationToken);
            if (endpoint == null || endpoint.Declarations.Open || (endpoint.Declarations.IsEmpty && openApi == null))
            {
                return;
            }

            var operations = openApi?.OperationsOf(invocation) ?? ImmutableArray<OpenApiOperation>.Empty;
            if (endpoint.Declarations.IsEmpty && operations.IsEmpty)
            {
                return;
            }

            if (endpointKinds.Of(invocation.Syntax.SyntaxTree) == EndpointKind.Page)
            {
                return;
            }

            var returns = endpoints.Returns.Of(endpoint.Body, endpoint.ReturnsNothing, c.CancellationToken);
            var fixable = !types.IsResultsUnion(types.UnwrapTask(endpoint.ReturnType));
            rules.CheckUndeclared(returns, endpoint.Declarations, endpoint.Display, EndpointStyle.Minimal, invocation.Syntax.GetLocation(), fixable, Descriptors.EC0012_UndeclaredStatusCode, d => Report(c, d));
            rules.CheckNeverReturned(returns, endpoint.Declarations, endpoint.Display, Descriptors.EC0013_DeclaredStatusNeverReturned, d => Report(c, d));
            rules.CheckAgainstOpenApi(returns, endpoint.Declarations, operations, endpoint.Display, Descriptors.EC0012_UndocumentedInOpenApi, Descriptors.EC0014_DeclarationNotDocumented, d => Report(c, d));
        }

        /// <summary>The project's OpenAPI document and the route types that match endpoints to its operations.</summary>
        private sealed class OpenApiSource
        {
            private readonly OpenApiDocument document;
            private readonly RouteTypes routeTypes;

            public OpenApiSource(OpenApiDocument document, RouteTypes routeTypes)
            {
                this.document = document;
                this.routeTypes = routeTypes;
            }

            public ImmutableArray<OpenApiOperation> OperationsOf(IMethodSymbol action) => OpenApiMatching.OperationsOf(document, action, routeTypes);

            public ImmutableArray<OpenApiOperation> OperationsOf(IInvocationOperation mapCall) => OpenApiMatching.OperationsOf(document, mapCall, routeTypes);
        }

        /// <summary>Reports a diagnostic in the compilation (a mapped method's body may be in another file than its Map call).</summary>
        private static void Report(OperationAnalysisContext c, Diagnostic diagnostic)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree != null && c.Compilation.ContainsSyntaxTree(tree))
            {
                c.ReportDiagnostic(diagnostic);
            }
        }

        private static bool ReturnsNothing(ITypeSymbol returnType, WellKnownTypes types)
        {
            return returnType.SpecialType == SpecialType.System_Void
                || EndpointTypes.Is(returnType, types.Task)
                || EndpointTypes.Is(returnType, types.ValueTask);
        }
    }
}
