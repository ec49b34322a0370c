using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery.Routes
{
    internal static partial class RouteDiscovery
    {
        /// <summary>Prefix chains longer than this are not followed.</summary>
        private const int MaxGroupDepth = 16;

        /// <summary>Whether the name is one of the Map methods that map an endpoint with a pattern (a cheap check before any symbol).</summary>
        public static bool IsMapName(string name)
        {
            switch (name)
            {
                case "Map":
                case "MapGet":
                case "MapPost":
                case "MapPut":
                case "MapDelete":
                case "MapPatch":
                case "MapMethods":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whether the invocation is one of ASP.NET Core's Map calls that map an endpoint (MapGet… MapMethods, Map).</summary>
        public static bool IsMapCall(IInvocationOperation invocation, RouteTypes types)
        {
            var method = invocation.TargetMethod;
            return IsMapName(method.Name)
                && types.EndpointRouteBuilderExtensions != null
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.EndpointRouteBuilderExtensions);
        }

        /// <summary>
        /// The routes of a minimal API Map call: its methods and its pattern under every enclosing MapGroup prefix; default when
        /// it is not a Map call or its pattern or a prefix cannot be read. Computed once per call per compilation.
        /// </summary>
        public static ImmutableArray<EndpointRoute> OfMapCall(IInvocationOperation invocation, RouteTypes types)
        {
            if (!IsMapCall(invocation, types))
            {
                return default;
            }

            if (types.MapCalls.TryGetValue(invocation.Syntax, out var cached))
            {
                return cached;
            }

            var routes = ReadMapCall(invocation, types);
            types.MapCalls.TryAdd(invocation.Syntax, routes);
            return routes;
        }

        /// <summary>
        /// The Map call whose handler lambda holds <paramref name="operation"/> (through nested lambdas), or null: code outside a
        /// handler lambda (a method passed as a method group, middleware, a helper) has no Map call found here.
        /// </summary>
        public static IInvocationOperation? EnclosingMapCall(IOperation operation, RouteTypes types)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is not IAnonymousFunctionOperation)
                {
                    continue;
                }

                var parent = current.Parent;
                while (parent is IDelegateCreationOperation || parent is IConversionOperation)
                {
                    parent = parent.Parent;
                }

                if (parent is IArgumentOperation { Parent: IInvocationOperation invocation } && IsMapCall(invocation, types))
                {
                    return invocation;
                }
            }

            return null;
        }

        /// <summary>Where EC0015 reports a Map call: the method's name (<c>MapGet</c>).</summary>
        public static Location MapCallLocation(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax syntax)
            {
                switch (syntax.Expression)
                {
                    case MemberAccessExpressionSyntax member:
                        return member.Name.GetLocation();
                    case SimpleNameSyntax name:
                        return name.GetLocation();
                }
            }

            return invocation.Syntax.GetLocation();
        }

        /// <summary>
        /// For a Map call whose group prefix cannot be read (a builder passed in from another method), the routes of its pattern
        /// alone: the end of its full routes. Default when it is not a Map call, when its pattern cannot be read, or when its
        /// routes can be read whole (<see cref="OfMapCall"/>).
        /// </summary>
        public static ImmutableArray<EndpointRoute> PatternOfMapCall(IInvocationOperation invocation, RouteTypes types)
        {
            return IsMapCall(invocation, types) && OfMapCall(invocation, types).IsDefault ? ReadMapCall(invocation, types, ignorePrefix: true) : default;
        }

        /// <summary>
        /// The routes of a Map call made in a mapping method on its <c>IEndpointRouteBuilder</c> parameter (<c>static void
        /// MapTools(this IEndpointRouteBuilder app) { app.MapGroup("/tools").MapGet(…); }</c>), as if the parameter were the
        /// application: for a caller that has checked that every call of the method passes the application. Not cached.
        /// </summary>
        public static ImmutableArray<EndpointRoute> OfMapCallOnAppParameter(IInvocationOperation invocation, RouteTypes types)
        {
            return IsMapCall(invocation, types) ? ReadMapCall(invocation, types, ignorePrefix: false, assumeApp: true) : default;
        }

        private static ImmutableArray<EndpointRoute> ReadMapCall(IInvocationOperation invocation, RouteTypes types, bool ignorePrefix = false, bool assumeApp = false)
        {
            string? pattern = null;
            IOperation? builder = null;
            var methods = new List<string>();
            var anyMethod = false;
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null)
                {
                    continue;
                }

                if (parameter.Ordinal == 0 && invocation.TargetMethod.IsExtensionMethod)
                {
                    builder = argument.Value;
                }
                else if (parameter.Name == "pattern")
                {
                    if (parameter.Type.SpecialType != SpecialType.System_String || argument.Value.ConstantValue.Value is not string value)
                    {
                        return default;
                    }

                    pattern = value;
                }
                else if (parameter.Name == "httpMethods")
                {
                    if (!TryReadMethods(argument.Value, methods))
                    {
                        return default;
                    }
                }
            }

            switch (invocation.TargetMethod.Name)
            {
                case "MapMethods":
                    break;
                case "Map":
                    anyMethod = true;
                    break;
                default:
                    methods.Add(invocation.TargetMethod.Name.Substring(3).ToUpperInvariant());
                    break;
            }

            if (pattern == null || builder == null)
            {
                return default;
            }

            var prefix = ignorePrefix ? string.Empty : GroupPrefix(builder, types, 0, assumeApp);
            if (prefix == null)
            {
                return default;
            }

            var template = RouteTemplates.Combine(prefix, pattern);
            var routes = ImmutableArray.CreateBuilder<EndpointRoute>();
            if (anyMethod)
            {
                if (!Add(routes, null, template))
                {
                    return default;
                }
            }

            foreach (var method in methods)
            {
                if (!Add(routes, method, template))
                {
                    return default;
                }
            }

            return routes.Count == 0 ? default : routes.ToImmutable();
        }

        /// <summary>The methods of MapMethods' argument: an array or collection of constant strings.</summary>
        private static bool TryReadMethods(IOperation value, List<string> methods)
        {
            value = Unwrap(value);
            // new[] { "GET", "HEAD" }; a collection expression or a variable is not read.
            if (value is IArrayCreationOperation { Initializer: IArrayInitializerOperation initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    if (Unwrap(element).ConstantValue.Value is not string method)
                    {
                        return false;
                    }

                    methods.Add(method.ToUpperInvariant());
                }

                return methods.Count > 0;
            }

            return false;
        }

        /// <summary>
        /// The route prefix of the endpoint builder <paramref name="builder"/>: empty for the application, the joined MapGroup
        /// prefixes for a group (through chained calls such as <c>.RequireAuthorization()</c> and locals initialised in the same
        /// method body); null when it cannot be read (a parameter, a field, a local assigned twice).
        /// </summary>
        private static string? GroupPrefix(IOperation builder, RouteTypes types, int depth, bool assumeApp = false)
        {
            if (depth > MaxGroupDepth)
            {
                return null;
            }

            builder = Unwrap(builder);
            if (types.WebApplication != null && builder.Type is ITypeSymbol type && DerivesFrom(type, types.WebApplication))
            {
                return string.Empty;
            }

            switch (builder)
            {
                case IInvocationOperation invocation:
                    var target = invocation.TargetMethod;
                    var receiver = target.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance;
                    if (receiver == null)
                    {
                        return null;
                    }

                    if (target.Name == "MapGroup" && types.EndpointRouteBuilderExtensions != null
                        && SymbolEqualityComparer.Default.Equals(target.ContainingType, types.EndpointRouteBuilderExtensions))
                    {
                        if (invocation.Arguments.Length < 2 || invocation.Arguments[1].Value.ConstantValue.Value is not string groupPrefix
                            || invocation.Arguments[1].Parameter?.Type.SpecialType != SpecialType.System_String)
                        {
                            return null;
                        }

                        var outer = GroupPrefix(receiver, types, depth + 1, assumeApp);
                        return outer == null ? null : RouteTemplates.Combine(outer, groupPrefix);
                    }

                    // A chained call that returns the builder it is given (WithTags, RequireAuthorization, AddEndpointFilter…).
                    if (receiver.Type != null && SymbolEqualityComparer.Default.Equals(Unwrap(receiver).Type, invocation.Type))
                    {
                        return GroupPrefix(receiver, types, depth + 1, assumeApp);
                    }

                    return null;
                case ILocalReferenceOperation local:
                    return LocalPrefix(local, types, depth, assumeApp);
                case IParameterReferenceOperation parameter when assumeApp && types.EndpointRouteBuilder != null
                    && SymbolEqualityComparer.Default.Equals(parameter.Parameter.Type, types.EndpointRouteBuilder):
                    return string.Empty;
                default:
                    return null;
            }
        }

        /// <summary>The prefix of a local: its initializer, when the local is never assigned again in the method body.</summary>
        private static string? LocalPrefix(ILocalReferenceOperation reference, RouteTypes types, int depth, bool assumeApp = false)
        {
            var local = reference.Local;
            if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not SemanticModel model)
            {
                return null;
            }

            if (local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax declarator || declarator.Initializer == null
                || declarator.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            if (assumeApp)
            {
                // Read as if the mapping method's parameter were the application: not the cached answer of the code as it is.
                return ReadLocalPrefix(local, declarator, declarator.Initializer.Value, model, types, depth, assumeApp);
            }

            if (types.LocalPrefixes.TryGetValue(declarator, out var known))
            {
                return known == RouteTypes.UnreadablePrefix ? null : known;
            }

            var prefix = ReadLocalPrefix(local, declarator, declarator.Initializer.Value, model, types, depth);
            types.LocalPrefixes.TryAdd(declarator, prefix ?? RouteTypes.UnreadablePrefix);
            return prefix;
        }

        private static string? ReadLocalPrefix(ILocalSymbol local, VariableDeclaratorSyntax declarator, ExpressionSyntax value, SemanticModel model, RouteTypes types, int depth, bool assumeApp = false)
        {
            // The body the local is declared in: any other assignment to it there makes its value unknown.
            var body = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax || n is CompilationUnitSyntax || n is ArrowExpressionClauseSyntax);
            if (body != null)
            {
                foreach (var node in body.DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local))
                    {
                        return null;
                    }
                }
            }

            var initializer = model.GetOperation(value);
            return initializer == null ? null : GroupPrefix(initializer, types, depth + 1, assumeApp);
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
