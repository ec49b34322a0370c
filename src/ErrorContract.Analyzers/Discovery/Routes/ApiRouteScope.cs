using System.Collections.Concurrent;
using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery.Routes
{
    /// <summary>
    /// The contract's <c>apiRoutes</c> applied to code: whether the endpoint a response is decided in lies outside the API (every
    /// route of it outside the patterns), so that no rule judges it. The endpoint is the controller action whose code it is, or the
    /// minimal API Map call whose handler lambda holds it; code whose endpoint or route cannot be determined (middleware, helpers,
    /// a handler passed as a method group, a group prefix that cannot be read) is inside, and judged as before. Asked only for a
    /// site about to be reported; the answer is kept per action and per Map call.
    /// </summary>
    internal sealed class ApiRouteScope
    {
        private readonly ErrorContractModel contract;
        private readonly RouteTypes types;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> actions = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxNode, bool> mapCalls = new ConcurrentDictionary<SyntaxNode, bool>();
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> controllers = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        private ApiRouteScope(ErrorContractModel contract, Compilation compilation)
        {
            this.contract = contract;
            types = RouteTypes.Get(compilation);
        }

        /// <summary>The scope of the contract's apiRoutes, or null when it has none (every route is the API).</summary>
        public static ApiRouteScope? Create(ErrorContractModel contract, Compilation compilation)
        {
            return contract.ApiRoutes.IsDefaultOrEmpty ? null : new ApiRouteScope(contract, compilation);
        }

        /// <summary>Whether the response decided at <paramref name="operation"/>, in the code of <paramref name="containingSymbol"/>, belongs to an endpoint outside the API.</summary>
        public bool IsOutside(IOperation operation, ISymbol? containingSymbol)
        {
            var method = containingSymbol as IMethodSymbol;
            while (method != null && method.MethodKind != MethodKind.Ordinary && method.ContainingSymbol is IMethodSymbol outer)
            {
                // A local function or lambda of an action is the action's code.
                method = outer;
            }

            if (method != null && !method.IsStatic && method.MethodKind == MethodKind.Ordinary
                && method.ContainingType is INamedTypeSymbol type && RouteDiscovery.IsController(type, types))
            {
                return IsOutside(method);
            }

            // Not an action's code: a minimal API handler lambda, wherever it is mapped (Program, a Startup's instance method).
            var mapCall = RouteDiscovery.EnclosingMapCall(operation, types);
            if (mapCall == null)
            {
                return false;
            }

            if (!mapCalls.TryGetValue(mapCall.Syntax, out var outside))
            {
                outside = AllOutside(RouteDiscovery.OfMapCall(mapCall, types));
                mapCalls.TryAdd(mapCall.Syntax, outside);
            }

            return outside;
        }

        /// <summary>
        /// Whether <paramref name="symbol"/> is an action whose every route is outside the API, or a controller whose every action
        /// is (any other method or class is inside).
        /// </summary>
        public bool IsOutside(ISymbol symbol)
        {
            if (symbol is INamedTypeSymbol type)
            {
                return IsControllerOutside(type);
            }

            if (symbol is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary || method.IsStatic)
            {
                return false;
            }

            if (!actions.TryGetValue(method, out var outside))
            {
                outside = AllOutside(RouteDiscovery.OfAction(method, types));
                actions.TryAdd(method, outside);
            }

            return outside;
        }

        /// <summary>A controller with at least one action, every one declared in it with routes all outside the API.</summary>
        private bool IsControllerOutside(INamedTypeSymbol type)
        {
            if (!RouteDiscovery.IsController(type, types))
            {
                return false;
            }

            if (controllers.TryGetValue(type, out var known))
            {
                return known;
            }

            var outside = false;
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary || method.IsStatic
                    || method.DeclaredAccessibility != Accessibility.Public || RouteDiscovery.IsNonAction(method, types))
                {
                    continue;
                }

                if (!IsOutside(method))
                {
                    outside = false;
                    break;
                }

                outside = true;
            }

            controllers.TryAdd(type, outside);
            return outside;
        }

        private bool AllOutside(ImmutableArray<EndpointRoute> routes)
        {
            if (routes.IsDefaultOrEmpty)
            {
                return false;
            }

            foreach (var route in routes)
            {
                if (contract.IsApiRoute(route.Normalized))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
