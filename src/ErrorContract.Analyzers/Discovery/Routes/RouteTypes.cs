using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery.Routes
{
    /// <summary>
    /// The routing types of MVC attribute routes and minimal APIs, resolved once per compilation (on the first question about a
    /// route, so a project that never asks pays nothing), and the routes found, cached per action, controller and Map call.
    /// </summary>
    internal sealed class RouteTypes
    {
        private const string MvcCore = WellKnownTypes.MvcCore;
        private const string Routing = "Microsoft.AspNetCore.Routing";

        private static readonly ConditionalWeakTable<Compilation, RouteTypes> Cache = new ConditionalWeakTable<Compilation, RouteTypes>();
        private static readonly ConditionalWeakTable<Compilation, RouteTypes>.CreateValueCallback Factory = c => new RouteTypes(c);

        private RouteTypes(Compilation compilation)
        {
            var lookup = new TypeLookup(compilation);
            RouteAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.RouteAttribute");
            AcceptVerbsAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.AcceptVerbsAttribute");
            RouteTemplateProvider = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
            HttpMethodProvider = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.Routing.IActionHttpMethodProvider");
            ActionNameAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ActionNameAttribute");
            NonActionAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
            NonControllerAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            ControllerAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
            AreaAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.AreaAttribute");
            EndpointRouteBuilderExtensions = lookup.Get(Routing, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            WebApplication = lookup.Get("Microsoft.AspNetCore", "Microsoft.AspNetCore.Builder.WebApplication");
            EndpointRouteBuilder = lookup.Get(Routing, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");

            var verbs = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
            foreach (var verb in new[] { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" })
            {
                var type = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.Http" + verb + "Attribute");
                if (type != null)
                {
                    verbs[type] = verb.ToUpperInvariant();
                }
            }

            VerbAttributes = verbs;
        }

        /// <summary>The types of this compilation (shared, resolved once).</summary>
        public static RouteTypes Get(Compilation compilation) => Cache.GetValue(compilation, Factory);

        public INamedTypeSymbol? RouteAttribute { get; }

        public INamedTypeSymbol? AcceptVerbsAttribute { get; }

        /// <summary><c>IRouteTemplateProvider</c>: every attribute that gives a template.</summary>
        public INamedTypeSymbol? RouteTemplateProvider { get; }

        /// <summary><c>IActionHttpMethodProvider</c>: every attribute that restricts the HTTP methods.</summary>
        public INamedTypeSymbol? HttpMethodProvider { get; }

        public INamedTypeSymbol? ActionNameAttribute { get; }

        public INamedTypeSymbol? NonActionAttribute { get; }

        public INamedTypeSymbol? NonControllerAttribute { get; }

        public INamedTypeSymbol? ControllerAttribute { get; }

        public INamedTypeSymbol? AreaAttribute { get; }

        public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

        public INamedTypeSymbol? WebApplication { get; }

        /// <summary><c>IEndpointRouteBuilder</c>: the parameter type of the project's mapping methods (<c>MapTools(this IEndpointRouteBuilder app)</c>).</summary>
        public INamedTypeSymbol? EndpointRouteBuilder { get; }

        /// <summary><c>[HttpGet]</c> … <c>[HttpOptions]</c>, each with its method.</summary>
        public IReadOnlyDictionary<INamedTypeSymbol, string> VerbAttributes { get; }

        /// <summary>The routes of each action method (default: not an attribute-routed action, or a route that cannot be read).</summary>
        internal ConcurrentDictionary<IMethodSymbol, ImmutableArray<EndpointRoute>> Actions { get; } =
            new ConcurrentDictionary<IMethodSymbol, ImmutableArray<EndpointRoute>>(SymbolEqualityComparer.Default);

        /// <summary>Whether each class is a controller.</summary>
        internal ConcurrentDictionary<INamedTypeSymbol, bool> Controllers { get; } =
            new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>The group prefix of each local holding an endpoint builder, by its declarator (<see cref="UnreadablePrefix"/>: none).</summary>
        internal ConcurrentDictionary<SyntaxNode, string> LocalPrefixes { get; } = new ConcurrentDictionary<SyntaxNode, string>();

        /// <summary>The value <see cref="LocalPrefixes"/> keeps for a local whose prefix cannot be read.</summary>
        internal const string UnreadablePrefix = "\0";

        /// <summary>The routes of each Map call, by its syntax.</summary>
        internal ConcurrentDictionary<SyntaxNode, ImmutableArray<EndpointRoute>> MapCalls { get; } =
            new ConcurrentDictionary<SyntaxNode, ImmutableArray<EndpointRoute>>();
    }
}
