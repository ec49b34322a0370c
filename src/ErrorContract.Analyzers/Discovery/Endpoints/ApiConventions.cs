using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>
    /// API conventions as ASP.NET Core applies them to the actions of <c>[ApiController]</c> controllers that declare no
    /// response type themselves: <c>[ApiConventionMethod(typeof(T), nameof(T.M))]</c> on the action, else the first method
    /// of the <c>[ApiConventionType]</c> types (of the controller and its bases, else of the assembly) that matches the action
    /// by name and parameters (<c>ApiConventionNameMatch</c>, <c>ApiConventionTypeMatch</c>). The convention method's response
    /// attributes are then the action's declarations. Convention types are read from metadata or source alike, so
    /// <c>DefaultApiConventions</c> is one like any other.
    /// </summary>
    internal static class ApiConventions
    {
        // ApiConventionNameMatchBehavior and ApiConventionTypeMatchBehavior, by value.
        private const int NameAny = 0;
        private const int NameExact = 1;
        private const int NamePrefix = 2;
        private const int NameSuffix = 3;
        private const int TypeAny = 0;

        public static void Apply(IMethodSymbol action, ImmutableArray<INamedTypeSymbol> conventionTypes, EndpointTypes types, Compilation compilation, EndpointDeclarations into, CancellationToken cancellationToken)
        {
            foreach (var attribute in action.GetAttributes())
            {
                if (!EndpointTypes.Is(attribute.AttributeClass, types.ApiConventionMethod))
                {
                    continue;
                }

                if (attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is INamedTypeSymbol conventionType
                    && attribute.ConstructorArguments[1].Value is string name
                    && Single(conventionType, name) is IMethodSymbol method)
                {
                    ReadConventionMethod(method, types, compilation, into, cancellationToken);
                }
                else
                {
                    into.Open = true;
                }

                return;
            }

            var parameters = new List<IParameterSymbol>();
            foreach (var parameter in action.Parameters)
            {
                // A CancellationToken is no part of an action's signature for matching (the false positive of aspnetcore#7865).
                if (!EndpointTypes.Is(parameter.Type, types.CancellationToken))
                {
                    parameters.Add(parameter);
                }
            }

            foreach (var conventionType in conventionTypes)
            {
                foreach (var member in conventionType.GetMembers())
                {
                    if (member is IMethodSymbol method && method.IsStatic && method.DeclaredAccessibility == Accessibility.Public
                        && method.MethodKind == MethodKind.Ordinary && IsMatch(action.Name, parameters, method, types))
                    {
                        ReadConventionMethod(method, types, compilation, into, cancellationToken);
                        return;
                    }
                }
            }
        }

        private static IMethodSymbol? Single(INamedTypeSymbol type, string name)
        {
            IMethodSymbol? found = null;
            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol method && method.IsStatic)
                {
                    if (found != null)
                    {
                        return null;
                    }

                    found = method;
                }
            }

            return found;
        }

        private static void ReadConventionMethod(IMethodSymbol method, EndpointTypes types, Compilation compilation, EndpointDeclarations into, CancellationToken cancellationToken)
        {
            ResponseAttributes.Read(method.GetAttributes(), types, compilation, into, onEndpoint: false, cancellationToken);
        }

        private static bool IsMatch(string actionName, List<IParameterSymbol> parameters, IMethodSymbol convention, EndpointTypes types)
        {
            if (!IsNameMatch(actionName, convention.Name, NameBehavior(convention.GetAttributes(), types)))
            {
                return false;
            }

            var conventionParameters = convention.Parameters;
            for (var i = 0; i < conventionParameters.Length; i++)
            {
                var conventionParameter = conventionParameters[i];
                if (conventionParameter.IsParams)
                {
                    return true;
                }

                if (parameters.Count <= i)
                {
                    return false;
                }

                var attributes = conventionParameter.GetAttributes();
                if (!IsTypeMatch(parameters[i].Type, conventionParameter.Type, TypeBehavior(attributes, types))
                    || !IsNameMatch(parameters[i].Name, conventionParameter.Name, NameBehavior(attributes, types)))
                {
                    return false;
                }
            }

            return conventionParameters.Length == parameters.Count;
        }

        private static int NameBehavior(ImmutableArray<AttributeData> attributes, EndpointTypes types)
        {
            foreach (var attribute in attributes)
            {
                if (EndpointTypes.Is(attribute.AttributeClass, types.ApiConventionNameMatch)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int behavior)
                {
                    return behavior;
                }
            }

            return NameExact;
        }

        private static int TypeBehavior(ImmutableArray<AttributeData> attributes, EndpointTypes types)
        {
            foreach (var attribute in attributes)
            {
                if (EndpointTypes.Is(attribute.AttributeClass, types.ApiConventionTypeMatch)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int behavior)
                {
                    return behavior;
                }
            }

            // AssignableFrom.
            return 1;
        }

        /// <summary>The framework's name matching: a prefix matches only at a word boundary (the next character is upper-case, or the end).</summary>
        internal static bool IsNameMatch(string name, string conventionName, int behavior)
        {
            switch (behavior)
            {
                case NameAny:
                    return true;
                case NameExact:
                    return string.Equals(name, conventionName, StringComparison.Ordinal);
                case NamePrefix:
                    return name.StartsWith(conventionName, StringComparison.Ordinal)
                        && (name.Length == conventionName.Length || char.IsUpper(name[conventionName.Length]));
                case NameSuffix:
                    if (!name.EndsWith(conventionName, StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }

                    if (name.Length == conventionName.Length)
                    {
                        return true;
                    }

                    // "artworkId" ends with the word "Id": the suffix starts a new word (upper-case), after a lower-case letter.
                    var start = name.Length - conventionName.Length;
                    return char.IsLower(name[start - 1]) && char.IsUpper(name[start]);
                default:
                    return false;
            }
        }

        private static bool IsTypeMatch(ITypeSymbol type, ITypeSymbol conventionType, int behavior)
        {
            if (behavior == TypeAny || conventionType.SpecialType == SpecialType.System_Object || conventionType.TypeKind == TypeKind.TypeParameter)
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(type, conventionType))
            {
                return true;
            }

            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, conventionType))
                {
                    return true;
                }
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, conventionType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
