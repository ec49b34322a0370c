using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using ErrorContract.Analyzers.Contract.OpenApi;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery.Routes
{
    /// <summary>
    /// The routes of endpoints, as ASP.NET Core builds them: for a controller action, its HTTP methods and attribute-route
    /// templates; for a minimal API <c>Map*</c> call, its method and pattern under every enclosing <c>MapGroup</c>.
    /// A route that cannot be read (a template that is not a constant, a custom route attribute, a group prefix passed in from
    /// elsewhere) makes the endpoint's routes unknown: <c>default</c>, never a guess.
    /// </summary>
    internal static partial class RouteDiscovery
    {
        /// <summary>
        /// The routes of <paramref name="method"/> when it is an attribute-routed controller action; default when it is not an
        /// action, is conventionally routed, or has a route that cannot be read. Computed once per method per compilation.
        /// </summary>
        public static ImmutableArray<EndpointRoute> OfAction(IMethodSymbol method, RouteTypes types)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
                || method.IsAbstract || method.IsGenericMethod || method.ContainingType is not INamedTypeSymbol type)
            {
                return default;
            }

            // Most methods are not in a controller: they leave on the class's answer, kept once per class.
            if (!IsController(type, types))
            {
                return default;
            }

            if (types.Actions.TryGetValue(method, out var cached))
            {
                return cached;
            }

            var routes = !HasAttribute(method, types.NonActionAttribute) ? ReadActionRoutes(method, type, types) : default;
            types.Actions.TryAdd(method, routes);
            return routes;
        }

        /// <summary>
        /// The routes of <paramref name="method"/>, declared in a base class of <paramref name="controller"/>, as an action of that
        /// controller (ASP.NET Core makes the public methods a controller inherits its actions, under its own [Route] and name).
        /// Default when it is no action or its routes cannot be read. Not cached: asked once per controller.
        /// </summary>
        public static ImmutableArray<EndpointRoute> OfInheritedAction(IMethodSymbol method, INamedTypeSymbol controller, RouteTypes types)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
                || method.IsAbstract || method.IsGenericMethod || HasAttribute(method, types.NonActionAttribute) || !IsController(controller, types))
            {
                return default;
            }

            return ReadActionRoutes(method, controller, types);
        }

        /// <summary>Whether <paramref name="method"/> is an action whose routes cannot be read (conventional routing, a custom route attribute).</summary>
        public static bool IsActionWithUnknownRoutes(IMethodSymbol method, RouteTypes types)
        {
            return OfAction(method, types).IsDefault
                && method.MethodKind == MethodKind.Ordinary && !method.IsStatic && method.DeclaredAccessibility == Accessibility.Public
                && !method.IsAbstract && !method.IsGenericMethod && method.ContainingType is INamedTypeSymbol type
                && IsController(type, types) && !HasAttribute(method, types.NonActionAttribute);
        }

        /// <summary>Whether the method is marked [NonAction].</summary>
        public static bool IsNonAction(IMethodSymbol method, RouteTypes types) => HasAttribute(method, types.NonActionAttribute);

        /// <summary>A controller as ASP.NET Core discovers one: a public non-abstract, non-generic class named *Controller or marked [Controller], not [NonController].</summary>
        public static bool IsController(INamedTypeSymbol type, RouteTypes types)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.DeclaredAccessibility != Accessibility.Public
                || type.IsGenericType || types.RouteTemplateProvider == null)
            {
                return false;
            }

            if (types.Controllers.TryGetValue(type, out var known))
            {
                return known;
            }

            var controller = !HasAttributeOnTypeOrBase(type, types.NonControllerAttribute)
                && (type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase) || HasAttributeOnTypeOrBase(type, types.ControllerAttribute));
            types.Controllers.TryAdd(type, controller);
            return controller;
        }

        private static ImmutableArray<EndpointRoute> ReadActionRoutes(IMethodSymbol method, INamedTypeSymbol controller, RouteTypes types)
        {
            // The controller's route templates: [Route] on the class and on its base classes (RouteAttribute is inherited).
            var prefixes = new List<string?>();
            for (var current = controller; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (!IsRouteTemplateProvider(attribute.AttributeClass, types))
                    {
                        continue;
                    }

                    if (!TryReadRouteAttribute(attribute, types, out var template, out _, out _))
                    {
                        return default;
                    }

                    if (template != null && !prefixes.Contains(template))
                    {
                        prefixes.Add(template);
                    }
                }
            }

            if (prefixes.Count == 0)
            {
                prefixes.Add(null);
            }

            // The action's selectors, split as ASP.NET Core's DefaultApplicationModelProvider splits them: each attribute with a
            // template is a route of its own; [HttpGet] without one joins the other attributes, or makes a route of its own
            // next to an [HttpPost("x")].
            var attributes = new List<AttributeData>();
            for (var current = method; current != null; current = current.OverriddenMethod)
            {
                attributes.AddRange(current.GetAttributes());
            }

            var selectors = new List<(string? Template, List<string>? Methods)>();
            var templated = new List<(AttributeData Attribute, string? Template, List<string>? Methods)>();
            var silentMethods = new List<string>();
            var hasSilent = false;
            var otherMethodProviders = new List<string>();
            foreach (var attribute in attributes)
            {
                var isRoute = IsRouteTemplateProvider(attribute.AttributeClass, types);
                var isMethods = IsMethodProvider(attribute.AttributeClass, types);
                if (!isRoute && !isMethods)
                {
                    continue;
                }

                if (!TryReadRouteAttribute(attribute, types, out var template, out var silent, out var methods))
                {
                    return default;
                }

                if (isRoute && !silent)
                {
                    templated.Add((attribute, template, isMethods ? methods : null));
                }
                else if (isRoute)
                {
                    hasSilent = true;
                    silentMethods.AddRange(methods ?? new List<string>());
                }
                else
                {
                    otherMethodProviders.AddRange(methods ?? new List<string>());
                }
            }

            foreach (var route in templated)
            {
                if (route.Methods == null)
                {
                    hasSilent = false;
                }
            }

            if (templated.Count == 0)
            {
                var all = new List<string>(silentMethods);
                all.AddRange(otherMethodProviders);
                selectors.Add((null, all));
            }
            else
            {
                foreach (var route in templated)
                {
                    // A route with methods of its own ([HttpPost("x")]) excludes the other method attributes; a [Route("x")]
                    // takes them ([HttpGet] [Route("x")] is GET x).
                    var methods = route.Methods ?? Concat(silentMethods, otherMethodProviders);
                    selectors.Add((route.Template, methods));
                }

                if (hasSilent)
                {
                    selectors.Add((null, Concat(silentMethods, otherMethodProviders)));
                }
            }

            var routes = ImmutableArray.CreateBuilder<EndpointRoute>();
            foreach (var prefix in prefixes)
            {
                foreach (var selector in selectors)
                {
                    var combined = CombineAttributeRoutes(prefix, selector.Template);
                    if (combined == null)
                    {
                        // Neither the controller nor the action has a template: conventional routing, which is not read.
                        return default;
                    }

                    var replaced = ReplaceTokens(combined, controller, method, types);
                    if (replaced == null)
                    {
                        return default;
                    }

                    if (selector.Methods == null || selector.Methods.Count == 0)
                    {
                        if (!Add(routes, null, replaced))
                        {
                            return default;
                        }

                        continue;
                    }

                    foreach (var verb in selector.Methods)
                    {
                        if (!Add(routes, verb, replaced))
                        {
                            return default;
                        }
                    }
                }
            }

            return routes.ToImmutable();
        }

        private static List<string> Concat(List<string> first, List<string> second)
        {
            var all = new List<string>(first);
            foreach (var item in second)
            {
                if (!all.Contains(item))
                {
                    all.Add(item);
                }
            }

            return all;
        }

        private static bool Add(ImmutableArray<EndpointRoute>.Builder routes, string? method, string template)
        {
            var route = EndpointRoute.Create(method, template);
            if (route == null)
            {
                return false;
            }

            foreach (var existing in routes)
            {
                if (existing.Method == route.Method && existing.Normalized == route.Normalized)
                {
                    return true;
                }
            }

            routes.Add(route);
            return true;
        }

        /// <summary>ASP.NET Core's AttributeRouteModel.CombineTemplates: an action template starting with '/' or '~/' replaces the controller's.</summary>
        internal static string? CombineAttributeRoutes(string? prefix, string? template)
        {
            if (template != null && (template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal)))
            {
                return template.StartsWith("~/", StringComparison.Ordinal) ? template.Substring(2) : template.Substring(1);
            }

            if (prefix == null)
            {
                return template;
            }

            var left = prefix.StartsWith("~/", StringComparison.Ordinal) ? prefix.Substring(2) : prefix.TrimStart('/');
            return template == null ? left : RouteTemplates.Combine(left, template);
        }

        /// <summary>Replaces [controller], [action] and [area] (any case; [[ and ]] are literal brackets); null for another token.</summary>
        private static string? ReplaceTokens(string template, INamedTypeSymbol controller, IMethodSymbol method, RouteTypes types)
        {
            if (template.IndexOf('[') < 0 && template.IndexOf(']') < 0)
            {
                return template;
            }

            var builder = new StringBuilder(template.Length);
            for (var i = 0; i < template.Length; i++)
            {
                var c = template[i];
                if (c == '[' && i + 1 < template.Length && template[i + 1] == '[')
                {
                    builder.Append('[');
                    i++;
                    continue;
                }

                if (c == ']' && i + 1 < template.Length && template[i + 1] == ']')
                {
                    builder.Append(']');
                    i++;
                    continue;
                }

                if (c != '[')
                {
                    builder.Append(c);
                    continue;
                }

                var end = template.IndexOf(']', i + 1);
                if (end < 0)
                {
                    return null;
                }

                var token = template.Substring(i + 1, end - i - 1);
                string? value;
                if (string.Equals(token, "controller", StringComparison.OrdinalIgnoreCase))
                {
                    value = ControllerName(controller);
                }
                else if (string.Equals(token, "action", StringComparison.OrdinalIgnoreCase))
                {
                    value = ActionName(method, types);
                }
                else if (string.Equals(token, "area", StringComparison.OrdinalIgnoreCase))
                {
                    value = AreaName(controller, types);
                }
                else
                {
                    value = null;
                }

                if (value == null)
                {
                    return null;
                }

                builder.Append(value);
                i = end;
            }

            return builder.ToString();
        }

        private static string ControllerName(INamedTypeSymbol controller)
        {
            var name = controller.Name;
            return name.EndsWith("Controller", StringComparison.Ordinal) && name.Length > "Controller".Length
                ? name.Substring(0, name.Length - "Controller".Length)
                : name;
        }

        /// <summary>[ActionName("x")], else the method's name without its Async suffix (SuppressAsyncSuffixInActionNames, on by default).</summary>
        private static string? ActionName(IMethodSymbol method, RouteTypes types)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (types.ActionNameAttribute != null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.ActionNameAttribute))
                {
                    return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name ? name : null;
                }
            }

            var methodName = method.Name;
            return methodName.EndsWith("Async", StringComparison.Ordinal) && methodName.Length > 5 ? methodName.Substring(0, methodName.Length - 5) : methodName;
        }

        private static string? AreaName(INamedTypeSymbol controller, RouteTypes types)
        {
            for (var current = controller; current != null; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (types.AreaAttribute != null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.AreaAttribute))
                    {
                        return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string area ? area : null;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The template and methods of a framework route attribute ([Route], [HttpGet]…, [AcceptVerbs]); false for an attribute of
        /// the project's own (derived or implementing the interfaces), whose values cannot be read. <paramref name="silent"/>:
        /// no template, name or order ([HttpGet]).
        /// </summary>
        private static bool TryReadRouteAttribute(AttributeData attribute, RouteTypes types, out string? template, out bool silent, out List<string>? methods)
        {
            template = null;
            silent = true;
            methods = null;
            var type = attribute.AttributeClass;
            if (type == null)
            {
                return false;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Name" || named.Key == "Order")
                {
                    silent = false;
                }
                else if (named.Key == "Route" && named.Value.Value is string route)
                {
                    template = route;
                }
            }

            if (types.VerbAttributes.TryGetValue(type, out var verb))
            {
                methods = new List<string> { verb };
                if (attribute.ConstructorArguments.Length == 1)
                {
                    if (attribute.ConstructorArguments[0].Value is not string value)
                    {
                        return false;
                    }

                    template = value;
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(type, types.RouteAttribute))
            {
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string value)
                {
                    return false;
                }

                template = value;
            }
            else if (SymbolEqualityComparer.Default.Equals(type, types.AcceptVerbsAttribute))
            {
                methods = new List<string>();
                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Kind == TypedConstantKind.Array)
                    {
                        foreach (var item in argument.Values)
                        {
                            if (item.Value is not string name)
                            {
                                return false;
                            }

                            methods.Add(name.ToUpperInvariant());
                        }
                    }
                    else if (argument.Value is string name)
                    {
                        methods.Add(name.ToUpperInvariant());
                    }
                    else
                    {
                        return false;
                    }
                }
            }
            else
            {
                return false;
            }

            if (template != null)
            {
                silent = false;
            }

            return true;
        }

        private static bool IsRouteTemplateProvider(INamedTypeSymbol? type, RouteTypes types) => Implements(type, types.RouteTemplateProvider);

        private static bool IsMethodProvider(INamedTypeSymbol? type, RouteTypes types) => Implements(type, types.HttpMethodProvider);

        private static bool Implements(INamedTypeSymbol? type, INamedTypeSymbol? @interface)
        {
            if (type == null || @interface == null)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
        {
            if (attributeType == null)
            {
                return false;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An attribute of <paramref name="attributeType"/> or a class derived from it ([ApiController] is a [Controller]) on the type or a base.</summary>
        private static bool HasAttributeOnTypeOrBase(INamedTypeSymbol type, INamedTypeSymbol? attributeType)
        {
            if (attributeType == null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    for (var attributeClass = attribute.AttributeClass; attributeClass != null; attributeClass = attributeClass.BaseType)
                    {
                        if (SymbolEqualityComparer.Default.Equals(attributeClass, attributeType))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
