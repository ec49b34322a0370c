using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Contract.OpenApi;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Discovery.Routes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// The project's OpenAPI document: EC0016 reports what makes it unreadable, at its position in the file; EC0015 reports, when
    /// the compilation ends, every endpoint with no operation in the document (at the action or the Map call) and every operation
    /// no endpoint matches (at the operation in the file). Runs with or without errorcontract.json; the contract's
    /// <c>apiRoutes</c>, when it has some, leave the endpoints outside the API unreported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OpenApiAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(
                Descriptors.EC0015_EndpointWithoutOperation,
                Descriptors.EC0015_OperationWithoutEndpoint,
                Descriptors.EC0016_InvalidOpenApiDocument);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
            context.RegisterCompilationStartAction(Start);
        }

        private static void Start(CompilationStartAnalysisContext context)
        {
            var options = context.Options;
            var files = OpenApiLoader.FindDocuments(options);
            var named = OpenApiLoader.NamedFile(options);
            if (files.Length == 0)
            {
                if (named != null)
                {
                    context.RegisterCompilationEndAction(c => c.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0016_InvalidOpenApiDocument,
                        Location.None,
                        Path.GetFileName(named),
                        "the ErrorContractOpenApiFile property names '" + named + "', which is not among the project's AdditionalFiles; check the path (relative to the project directory), or add it as <AdditionalFiles Include=\"" + named + "\" />")));
                }

                return;
            }

            if (files.Length > 1)
            {
                context.RegisterCompilationEndAction(c => ReportSeveralDocuments(c, files));
                return;
            }

            var file = files[0];
            var name = Path.GetFileName(file.Path);
            if (OpenApiLoader.IsYaml(file.Path))
            {
                context.RegisterCompilationEndAction(c => c.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0016_InvalidOpenApiDocument,
                    Location.Create(file.Path, default, default),
                    name,
                    "YAML OpenAPI documents are not supported; convert it to JSON (for example: yq -o=json '" + name + "' > openapi.json, or export JSON from the tool that writes it) and give the analyzers the JSON document")));
                return;
            }

            var text = file.GetText(context.CancellationToken);
            if (text == null)
            {
                context.RegisterCompilationEndAction(c => c.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0016_InvalidOpenApiDocument,
                    Location.Create(file.Path, default, default),
                    name,
                    "the file could not be read")));
                return;
            }

            var result = OpenApiLoader.Parse(text.ToString());
            if (result.Document == null)
            {
                context.RegisterCompilationEndAction(c => ReportErrors(c, file, name, text, result.Errors));
                return;
            }

            var types = WellKnownTypes.ForAspNetCore(context.Compilation);
            if (types == null)
            {
                return;
            }

            var document = result.Document;
            var routeTypes = RouteTypes.Get(context.Compilation);
            var contract = ContractLoader.Load(options.AdditionalFiles, context.CancellationToken);
            var collector = new EndpointCollector();

            // The app's pages (view controllers' view actions, Razor Pages, handlers that only redirect) are not the API: they
            // have no operation to be reported without (as EC0001 and EC0002 leave them alone).
            var pages = WellKnownTypes.Get(context.Compilation).Pages;
            var endpointKinds = new EndpointKinds(options);

            context.RegisterSymbolAction(
                c =>
                {
                    var method = (IMethodSymbol)c.Symbol;
                    if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
                        || method.ContainingType is not INamedTypeSymbol type || type.TypeKind != TypeKind.Class)
                    {
                        return;
                    }

                    var routes = RouteDiscovery.OfAction(method, routeTypes);
                    if (routes.IsDefault)
                    {
                        if (RouteDiscovery.IsActionWithUnknownRoutes(method, routeTypes))
                        {
                            // An action whose routes cannot be read may serve any operation.
                            collector.SomeRoutesUnknown = true;
                        }

                        return;
                    }

                    if (!method.Locations.IsEmpty && method.Locations[0].SourceTree is SyntaxTree tree
                        && !pages.IsPage(method, tree, endpointKinds, c.CancellationToken))
                    {
                        collector.Endpoints.Add(new CollectedEndpoint(routes, method.Locations[0]));
                    }
                },
                SymbolKind.Method);

            context.RegisterSymbolAction(
                c =>
                {
                    // The actions a controller inherits from base classes of the project (a CrudController<T>) are its own
                    // endpoints, under its own route.
                    var type = (INamedTypeSymbol)c.Symbol;
                    if (type.TypeKind == TypeKind.Class && RouteDiscovery.IsController(type, routeTypes) && !type.Locations.IsEmpty)
                    {
                        CollectInheritedActions(type, routeTypes, collector);
                    }
                },
                SymbolKind.NamedType);

            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (!RouteDiscovery.IsMapName(invocation.TargetMethod.Name) || !RouteDiscovery.IsMapCall(invocation, routeTypes))
                    {
                        return;
                    }

                    var routes = RouteDiscovery.OfMapCall(invocation, routeTypes);
                    if (routes.IsDefault)
                    {
                        // A group prefix from elsewhere: the pattern is the end of the route, which serves the operations it ends.
                        var pattern = RouteDiscovery.PatternOfMapCall(invocation, routeTypes);
                        if (pattern.IsDefault)
                        {
                            collector.SomeRoutesUnknown = true;
                        }
                        else
                        {
                            collector.RouteEnds.Add(pattern);
                        }

                        return;
                    }

                    if (IsRedirectOnly(invocation, c.ContainingSymbol, pages, endpointKinds))
                    {
                        // MapGet("/", () => Results.Redirect("/docs")): a page of the app, not an operation of the API.
                        return;
                    }

                    collector.Endpoints.Add(new CollectedEndpoint(routes, RouteDiscovery.MapCallLocation(invocation)));
                },
                OperationKind.Invocation);

            context.RegisterCompilationEndAction(c => ReportUnmatched(c, document, file, name, contract, collector));
        }

        /// <summary>A Map call whose handler is a lambda that only redirects (the page rules' own test, asked of its redirect).</summary>
        private static bool IsRedirectOnly(IInvocationOperation mapCall, ISymbol? containingSymbol, PageDiscovery pages, EndpointKinds endpointKinds)
        {
            foreach (var argument in mapCall.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation || value is IDelegateCreationOperation)
                {
                    value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
                }

                if (value is not IAnonymousFunctionOperation lambda)
                {
                    continue;
                }

                foreach (var operation in lambda.Body.Descendants())
                {
                    if (operation is IInvocationOperation call && call.TargetMethod.Name.IndexOf("Redirect", System.StringComparison.Ordinal) >= 0)
                    {
                        return pages.IsPage(call, containingSymbol, endpointKinds, redirect: true);
                    }
                }
            }

            return false;
        }

        private static void CollectInheritedActions(INamedTypeSymbol controller, RouteTypes routeTypes, EndpointCollector collector)
        {
            var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            for (var current = controller; current != null; current = current.BaseType)
            {
                var inSource = false;
                foreach (var location in current.Locations)
                {
                    inSource |= location.IsInSource;
                }

                if (!inSource)
                {
                    // ControllerBase and the other framework classes declare no action.
                    return;
                }

                foreach (var member in current.GetMembers())
                {
                    if (member is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary)
                    {
                        continue;
                    }

                    var isInherited = !SymbolEqualityComparer.Default.Equals(current, controller) && !overridden.Contains(method.OriginalDefinition);
                    for (var over = method.OverriddenMethod; over != null; over = over.OverriddenMethod)
                    {
                        overridden.Add(over.OriginalDefinition);
                    }

                    if (!isInherited || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.IsAbstract)
                    {
                        continue;
                    }

                    var routes = RouteDiscovery.OfInheritedAction(method, controller, routeTypes);
                    if (routes.IsDefault)
                    {
                        collector.SomeRoutesUnknown |= !method.IsGenericMethod && !RouteDiscovery.IsNonAction(method, routeTypes);
                        continue;
                    }

                    collector.Endpoints.Add(new CollectedEndpoint(routes, controller.Locations[0]));
                }
            }
        }

        private static void ReportUnmatched(
            CompilationAnalysisContext context,
            OpenApiDocument document,
            AdditionalText file,
            string name,
            ErrorContractModel? contract,
            EndpointCollector collector)
        {
            var matched = new HashSet<OpenApiOperation>();
            var scratch = new List<OpenApiOperation>();
            foreach (var endpoint in collector.Endpoints)
            {
                foreach (var route in endpoint.Routes)
                {
                    if (OpenApiMatching.HasOperation(document, route, scratch))
                    {
                        foreach (var operation in scratch)
                        {
                            matched.Add(operation);
                        }
                    }
                    else if (contract == null || contract.IsApiRoute(route.Normalized))
                    {
                        // A route outside the contract's apiRoutes is not the API the document describes.
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.EC0015_EndpointWithoutOperation,
                            endpoint.Location,
                            route.Display,
                            name,
                            OpenApiMatching.OperationKey(route)));
                    }
                }
            }

            if (collector.SomeRoutesUnknown)
            {
                // An endpoint whose route cannot be read may be the one that serves an operation: none is said to have no endpoint.
                return;
            }

            foreach (var operation in document.Operations)
            {
                if (matched.Contains(operation) || EndsAnEndpointRoute(operation, collector))
                {
                    continue;
                }

                var start = new LinePosition(operation.Line, operation.Column);
                var end = new LinePosition(operation.Line, operation.Column + operation.Length);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0015_OperationWithoutEndpoint,
                    Location.Create(file.Path, new TextSpan(operation.Start, operation.Length), new LinePositionSpan(start, end)),
                    operation.Display,
                    name));
            }
        }

        /// <summary>Whether an endpoint whose prefix is unknown may serve the operation: its pattern ends the operation's path, with the same method.</summary>
        private static bool EndsAnEndpointRoute(OpenApiOperation operation, EndpointCollector collector)
        {
            foreach (var routes in collector.RouteEnds)
            {
                foreach (var route in routes)
                {
                    if ((route.Method == null || route.Method == operation.Method) && RouteTemplates.EndsWithSegments(operation.Template, route.Normalized))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static void ReportErrors(CompilationAnalysisContext context, AdditionalText file, string name, SourceText text, IReadOnlyList<ContractError> errors)
        {
            foreach (var error in errors)
            {
                var start = new LinePosition(error.Line, error.Column);
                var span = new TextSpan(error.Start, error.Length);
                LinePosition end;
                if (error.Start + error.Length <= text.Length)
                {
                    end = text.Lines.GetLinePosition(error.Start + error.Length);
                }
                else
                {
                    end = start;
                    span = new TextSpan(error.Start, 0);
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0016_InvalidOpenApiDocument,
                    Location.Create(file.Path, span, new LinePositionSpan(start, end)),
                    name,
                    error.Message));
            }
        }

        private static void ReportSeveralDocuments(CompilationAnalysisContext context, ImmutableArray<AdditionalText> files) =>
            AdditionalFileLocations.ReportEach(
                context,
                Descriptors.EC0016_InvalidOpenApiDocument,
                files,
                (count, list) => "the project has " + count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " OpenAPI documents (" + list + "); keep one among the AdditionalFiles, or set the ErrorContractOpenApiFile property to the one to use",
                withFileName: true);

        /// <summary>The endpoints of one compilation, gathered by its actions (local to the compilation start, never a field of the analyzer).</summary>
        private sealed class EndpointCollector
        {
            public ConcurrentBag<CollectedEndpoint> Endpoints { get; } = new ConcurrentBag<CollectedEndpoint>();

            /// <summary>The routes of Map calls whose group prefix cannot be read, without it: the ends of their routes.</summary>
            public ConcurrentBag<ImmutableArray<EndpointRoute>> RouteEnds { get; } = new ConcurrentBag<ImmutableArray<EndpointRoute>>();

            /// <summary>Set when an endpoint's routes could not be read.</summary>
            public bool SomeRoutesUnknown { get; set; }
        }

        private sealed class CollectedEndpoint
        {
            public CollectedEndpoint(ImmutableArray<EndpointRoute> routes, Location location)
            {
                Routes = routes;
                Location = location;
            }

            public ImmutableArray<EndpointRoute> Routes { get; }

            public Location Location { get; }
        }
    }
}
