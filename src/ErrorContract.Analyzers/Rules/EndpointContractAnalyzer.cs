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

            // Map calls on a mapping method's IEndpointRouteBuilder parameter, and what every call of those methods passes: such an
            // endpoint is read and judged when the compilation ends, and only when every call passes the application.
            var mappedOnParameters = new ConcurrentQueue<(IInvocationOperation MapCall, IParameterSymbol Parameter)>();
            var appParameterCalls = hasMinimalApis && endpointTypes.EndpointRouteBuilder != null ? new AppParameterCalls(endpointTypes.EndpointRouteBuilder, endpointTypes.WebApplication) : null;
            if (appParameterCalls != null)
            {
                context.RegisterCompilationEndAction(c =>
                {
                    var compilation = c.Compilation;
                    System.Action<Diagnostic> reportDiagnostic = c.ReportDiagnostic;
                    while (mappedOnParameters.TryDequeue(out var pending))
                    {
                        c.CancellationToken.ThrowIfCancellationRequested();
                        if (!appParameterCalls.AlwaysGivenTheApplication(pending.Parameter))
                        {
                            continue;
                        }

                        var endpoint = MinimalEndpoints.Read(pending.MapCall, endpoints.Types, endpoints.Compilation, endpoints.GroupLocals, c.CancellationToken);
                        if (endpoint?.Declarations.AppParameter == null)
                        {
                            continue;
                        }

                        var operations = openApi?.OperationsOfMapCallOnAppParameter(pending.MapCall);
                        JudgeMinimal(pending.MapCall, endpoint, types, endpoints, rules, endpointKinds, operations, AtCompilationEnd, d => Report(compilation, reportDiagnostic, d), c.CancellationToken);
                    }
                });
            }

            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var name = invocation.TargetMethod.Name;
                    if (hasMinimalApis && MinimalEndpoints.MayMapEndpoint(name))
                    {
                        if (appParameterCalls != null && MinimalEndpoints.MappedOnParameter(invocation, endpoints.Types, endpoints.GroupLocals, c.CancellationToken) is IParameterSymbol parameter)
                        {
                            // Mapped on a mapping method's parameter: read and judged when every call of the method is known.
                            mappedOnParameters.Enqueue((invocation, parameter));
                            return;
                        }

                        var endpoint = MinimalEndpoints.Read(invocation, endpoints.Types, endpoints.Compilation, endpoints.GroupLocals, c.CancellationToken);
                        if (endpoint?.Declarations.AppParameter is IParameterSymbol reached)
                        {
                            // A route builder the first look did not follow to the parameter (a local declared twice over).
                            mappedOnParameters.Enqueue((invocation, reached));
                        }
                        else if (endpoint != null)
                        {
                            JudgeLive(c, invocation, endpoint, types, endpoints, rules, endpointKinds, openApi);
                        }
                    }
                    else if (appParameterCalls != null && appParameterCalls.Record(invocation, types))
                    {
                        // A call of one of the project's mapping methods: recorded, nothing else to do for it.
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
                System.Action<Diagnostic> report = c.ReportDiagnostic;
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
                    rules.CheckUndeclared(returns, declarations, display, EndpointStyle.Action, null, fixable: true, Descriptors.EC0012_UndeclaredStatusCodeInAction, report);
                    rules.CheckNeverReturned(returns, declarations, display, Descriptors.EC0013_DeclaredStatusNeverReturnedInAction, report);
                    rules.CheckAgainstOpenApi(returns, declarations, operations, display, Descriptors.EC0012_UndocumentedInOpenApiInAction, Descriptors.EC0014_DeclarationNotDocumentedInAction, report);
                }
            });
        }

        /// <summary>The descriptors of minimal APIs judged as they are typed (at their Map call).</summary>
        private static readonly MinimalDescriptors Live = new MinimalDescriptors(
            Descriptors.EC0012_UndeclaredStatusCode,
            Descriptors.EC0013_DeclaredStatusNeverReturned,
            Descriptors.EC0012_UndocumentedInOpenApi,
            Descriptors.EC0014_DeclarationNotDocumented);

        /// <summary>
        /// The descriptors of minimal APIs judged when the compilation ends (mapped on a mapping method's parameter): the
        /// compilation-end descriptors, with the same messages as the live ones.
        /// </summary>
        private static readonly MinimalDescriptors AtCompilationEnd = new MinimalDescriptors(
            Descriptors.EC0012_UndeclaredStatusCodeInAction,
            Descriptors.EC0013_DeclaredStatusNeverReturnedInAction,
            Descriptors.EC0012_UndocumentedInOpenApiInAction,
            Descriptors.EC0014_DeclarationNotDocumentedInAction);

        /// <summary>
        /// Judges a Map call as it is typed. A method of its own: the report delegate captures the callback's context, and a
        /// capture in the callback itself would allocate on every invocation of the project, not on Map calls only.
        /// </summary>
        private static void JudgeLive(OperationAnalysisContext c, IInvocationOperation invocation, MinimalEndpoint endpoint, WellKnownTypes types, EndpointDiscovery endpoints, EndpointRules rules, EndpointKinds endpointKinds, OpenApiSource? openApi)
        {
            // The context's delegate is made once per Map call (a method group of the struct context boxes it on each use).
            var compilation = c.Compilation;
            System.Action<Diagnostic> reportDiagnostic = c.ReportDiagnostic;
            JudgeMinimal(invocation, endpoint, types, endpoints, rules, endpointKinds, openApi?.OperationsOf(invocation), Live, d => Report(compilation, reportDiagnostic, d), c.CancellationToken);
        }

        private static void JudgeMinimal(IInvocationOperation invocation, MinimalEndpoint endpoint, WellKnownTypes types, EndpointDiscovery endpoints, EndpointRules rules, EndpointKinds endpointKinds, ImmutableArray<OpenApiOperation>? matched, MinimalDescriptors descriptors, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            if (endpoint.Declarations.Open || (endpoint.Declarations.IsEmpty && matched == null))
            {
                return;
            }

            var operations = matched ?? ImmutableArray<OpenApiOperation>.Empty;
            if (endpoint.Declarations.IsEmpty && operations.IsDefaultOrEmpty)
            {
                return;
            }

            if (endpointKinds.Of(invocation.Syntax.SyntaxTree) == EndpointKind.Page)
            {
                return;
            }

            var body = endpoint.GetBody(cancellationToken);
            if (body == null)
            {
                return;
            }

            var returns = endpoints.Returns.Of(body, endpoint.ReturnsNothing, cancellationToken);
            var fixable = !types.IsResultsUnion(types.UnwrapTask(endpoint.ReturnType));
            var display = endpoint.Display;
            rules.CheckUndeclared(returns, endpoint.Declarations, display, EndpointStyle.Minimal, invocation.Syntax.GetLocation(), fixable, descriptors.Undeclared, report);
            rules.CheckNeverReturned(returns, endpoint.Declarations, display, descriptors.NeverReturned, report);
            rules.CheckAgainstOpenApi(returns, endpoint.Declarations, operations, display, descriptors.UndocumentedInOpenApi, descriptors.DeclarationNotDocumented, report);
        }

        private sealed class MinimalDescriptors
        {
            public MinimalDescriptors(DiagnosticDescriptor undeclared, DiagnosticDescriptor neverReturned, DiagnosticDescriptor undocumentedInOpenApi, DiagnosticDescriptor declarationNotDocumented)
            {
                Undeclared = undeclared;
                NeverReturned = neverReturned;
                UndocumentedInOpenApi = undocumentedInOpenApi;
                DeclarationNotDocumented = declarationNotDocumented;
            }

            public DiagnosticDescriptor Undeclared { get; }

            public DiagnosticDescriptor NeverReturned { get; }

            public DiagnosticDescriptor UndocumentedInOpenApi { get; }

            public DiagnosticDescriptor DeclarationNotDocumented { get; }
        }

        /// <summary>
        /// The calls of the project's mapping methods (a method with an <c>IEndpointRouteBuilder</c> parameter): per method,
        /// whether every call seen passes the application (<c>app.MapTools()</c>) rather than a route group or anything else.
        /// </summary>
        private sealed class AppParameterCalls
        {
            private const int OnlyTheApplication = 1;
            private const int SomethingElse = 2;

            private readonly INamedTypeSymbol routeBuilder;
            private readonly INamedTypeSymbol? webApplication;
            private readonly ConcurrentDictionary<IParameterSymbol, int> calls = new ConcurrentDictionary<IParameterSymbol, int>(SymbolEqualityComparer.Default);

            public AppParameterCalls(INamedTypeSymbol routeBuilder, INamedTypeSymbol? webApplication)
            {
                this.routeBuilder = routeBuilder;
                this.webApplication = webApplication;
            }

            /// <summary>Records a call of a mapping method of the project; false for any other call (most: left on the method's assembly).</summary>
            public bool Record(IInvocationOperation invocation, WellKnownTypes types)
            {
                // Every call of the project comes here. Calls into references leave first, on the method's metadata token (a source
                // method has none) and then its assembly (a metadata method's parameters are decoded on their first read); the
                // project's own methods are then looked at for a parameter typed IEndpointRouteBuilder, by name first.
                var method = invocation.TargetMethod;
                if (method.OriginalDefinition.MetadataToken != 0 || invocation.Arguments.IsEmpty || types.OwnerOf(method) != ResponseCallOwner.Project)
                {
                    return false;
                }

                var any = false;
                foreach (var candidate in method.Parameters)
                {
                    if (candidate.Type.Name == "IEndpointRouteBuilder")
                    {
                        any = true;
                        break;
                    }
                }

                if (!any)
                {
                    return false;
                }

                var recorded = false;
                foreach (var argument in invocation.Arguments)
                {
                    var parameter = argument.Parameter;
                    if (parameter == null || !SymbolEqualityComparer.Default.Equals(parameter.Type, routeBuilder))
                    {
                        continue;
                    }

                    var value = argument.Value;
                    while (value is IConversionOperation conversion)
                    {
                        value = conversion.Operand;
                    }

                    var kind = webApplication != null && ResponseDiscovery.DerivesFrom(value.Type, webApplication) ? OnlyTheApplication : SomethingElse;
                    calls.AddOrUpdate(parameter.OriginalDefinition, kind, (_, known) => known == SomethingElse ? SomethingElse : kind);
                    recorded = true;
                }

                return recorded;
            }

            /// <summary>Every call of the parameter's method passes the application (and there is at least one).</summary>
            public bool AlwaysGivenTheApplication(IParameterSymbol parameter) =>
                calls.TryGetValue(parameter.OriginalDefinition, out var kind) && kind == OnlyTheApplication;
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

            public ImmutableArray<OpenApiOperation> OperationsOfMapCallOnAppParameter(IInvocationOperation mapCall) => OpenApiMatching.OperationsOfMapCallOnAppParameter(document, mapCall, routeTypes);
        }

        /// <summary>Reports a diagnostic in the compilation (a mapped method's body may be in another file than its Map call).</summary>
        private static void Report(Compilation compilation, System.Action<Diagnostic> report, Diagnostic diagnostic)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree != null && compilation.ContainsSyntaxTree(tree))
            {
                report(diagnostic);
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
