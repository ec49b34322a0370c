using System.Collections.Generic;
using ErrorContract.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>One property System.Text.Json writes for a type.</summary>
    internal readonly struct JsonMember
    {
        public JsonMember(string jsonName, ISymbol member, bool hasExplicitName)
        {
            JsonName = jsonName;
            Member = member;
            HasExplicitName = hasExplicitName;
        }

        /// <summary>The name written with camelCase names (ASP.NET Core's default), or the <c>[JsonPropertyName]</c>.</summary>
        public string JsonName { get; }

        public ISymbol Member { get; }

        /// <summary>True when <c>[JsonPropertyName]</c> gives the name: no naming policy changes it.</summary>
        public bool HasExplicitName { get; }

        /// <summary>The name written under <paramref name="naming"/>.</summary>
        public string NameFor(JsonNaming naming) => naming == JsonNaming.CamelCase || HasExplicitName ? JsonName : Member.Name;
    }

    /// <summary>How System.Text.Json names properties: ASP.NET Core's camelCase, or as declared (no naming policy).</summary>
    internal enum JsonNaming
    {
        /// <summary><c>JsonSerializerDefaults.Web</c>, as ASP.NET Core writes bodies.</summary>
        CamelCase,

        /// <summary>No naming policy: <c>JsonSerializer.Serialize(x)</c> without options, Newtonsoft.Json's default.</summary>
        AsDeclared,
    }

    /// <summary>
    /// How System.Text.Json, configured as ASP.NET Core configures it (<c>JsonSerializerDefaults.Web</c>: camelCase
    /// names), writes a type: public readable instance properties, <c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>,
    /// <c>[JsonInclude]</c> fields. Types whose shape depends on run-time data are unknowable.
    /// </summary>
    internal static class JsonShape
    {
        private const int JsonIgnoreConditionAlways = 1;

        /// <summary>
        /// The properties written for <paramref name="type"/>; null when its shape cannot be known. Computed once per
        /// type and compilation: the same DTOs are returned by many endpoints.
        /// </summary>
        public static IReadOnlyList<JsonMember>? GetProperties(ITypeSymbol type, WellKnownTypes types)
        {
            if (types.JsonShapes.TryGetValue(type, out var known))
            {
                return known;
            }

            return types.JsonShapes.GetOrAdd(type, ComputeProperties(type, types));
        }

        private static IReadOnlyList<JsonMember>? ComputeProperties(ITypeSymbol type, WellKnownTypes types)
        {
            if (!IsPlainObject(type, types))
            {
                return null;
            }

            var result = new List<JsonMember>();
            var seen = new HashSet<string>();
            for (var current = type; current != null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member.IsStatic || member.IsImplicitlyDeclared && !(member is IPropertySymbol) || !seen.Add(member.Name))
                    {
                        continue;
                    }

                    bool included;
                    switch (member)
                    {
                        case IPropertySymbol property:
                            included = !property.IsIndexer
                                && property.GetMethod != null
                                && (property.DeclaredAccessibility == Accessibility.Public && property.GetMethod.DeclaredAccessibility == Accessibility.Public
                                    || HasAttribute(property, types.JsonIncludeAttribute));
                            break;
                        case IFieldSymbol field:
                            included = !field.IsImplicitlyDeclared && field.DeclaredAccessibility == Accessibility.Public && HasAttribute(field, types.JsonIncludeAttribute);
                            break;
                        default:
                            included = false;
                            break;
                    }

                    if (!included)
                    {
                        continue;
                    }

                    if (HasAttribute(member, types.JsonExtensionDataAttribute))
                    {
                        return null;
                    }

                    if (IsIgnored(member, types))
                    {
                        continue;
                    }

                    var explicitName = ExplicitName(member, types);
                    result.Add(new JsonMember(explicitName ?? CamelCase(member.Name), member, explicitName != null));
                }
            }

            return result;
        }

        /// <summary>The name a property's <c>[JsonPropertyName]</c> gives it, or null.</summary>
        private static string? ExplicitName(ISymbol member, WellKnownTypes types)
        {
            if (types.JsonPropertyNameAttribute != null)
            {
                foreach (var attribute in member.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.JsonPropertyNameAttribute)
                        && attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0].Value is string name)
                    {
                        return name;
                    }
                }
            }

            return null;
        }

        /// <summary>The name written for a C# member name (an anonymous object's) under <paramref name="naming"/>.</summary>
        public static string NameFor(string declaredName, JsonNaming naming) => naming == JsonNaming.CamelCase ? CamelCase(declaredName) : declaredName;

        /// <summary><c>JsonNamingPolicy.CamelCase</c>: the leading run of capitals is lowered (<c>URLValue</c> → <c>urlValue</c>).</summary>
        public static string CamelCase(string name)
        {
            if (name.Length == 0 || !char.IsUpper(name[0]))
            {
                return name;
            }

            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (i == 1 && !char.IsUpper(chars[i]))
                {
                    break;
                }

                var hasNext = i + 1 < chars.Length;
                if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
                {
                    if (chars[i + 1] == ' ')
                    {
                        chars[i] = char.ToLowerInvariant(chars[i]);
                    }

                    break;
                }

                chars[i] = char.ToLowerInvariant(chars[i]);
            }

            return new string(chars);
        }

        /// <summary>The item type of an array or <c>IEnumerable&lt;T&gt;</c> (never for <c>string</c>); null when not a list.</summary>
        public static ITypeSymbol? ElementType(ITypeSymbol type, WellKnownTypes types)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            if (type.SpecialType == SpecialType.System_String || types.IEnumerable1 == null)
            {
                return null;
            }

            if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, types.IEnumerable1))
            {
                return named.TypeArguments[0];
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, types.IEnumerable1))
                {
                    return implemented.TypeArguments[0];
                }
            }

            return null;
        }

        /// <summary>
        /// The JSON type written for a CLR type: strings (and chars, Guids, dates) are strings, integral types integers,
        /// floating types numbers, lists arrays, objects objects. Null when it depends on configuration or run-time
        /// data (<c>object</c>, enums, interfaces, type parameters).
        /// </summary>
        public static BodyFieldType? JsonTypeOf(ITypeSymbol type, WellKnownTypes types)
        {
            if (type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                type = named.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Char:
                case SpecialType.System_DateTime:
                    return BodyFieldType.String;
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                    return BodyFieldType.Integer;
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                    return BodyFieldType.Number;
                case SpecialType.System_Boolean:
                    return BodyFieldType.Boolean;
                case SpecialType.None:
                    break;
                default:
                    return null;
            }

            if (type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Error || type.TypeKind == TypeKind.Dynamic)
            {
                return null;
            }

            if (IsStringLike(type))
            {
                return BodyFieldType.String;
            }

            if (type.TypeKind == TypeKind.Array || (ElementType(type, types) != null && !IsDictionary(type, types)))
            {
                return BodyFieldType.Array;
            }

            return IsDictionary(type, types) || (type.IsAnonymousType || IsPlainObject(type, types)) ? BodyFieldType.Object : (BodyFieldType?)null;
        }

        /// <summary>Types System.Text.Json writes as a JSON string: <c>Guid</c>, <c>DateTimeOffset</c>, <c>TimeSpan</c>, <c>Uri</c>, …</summary>
        public static bool IsStringLike(ITypeSymbol type)
        {
            if (type.ContainingNamespace == null || type.ContainingNamespace.ToDisplayString() != "System")
            {
                return false;
            }

            switch (type.Name)
            {
                case "Guid":
                case "DateTimeOffset":
                case "TimeSpan":
                case "DateOnly":
                case "TimeOnly":
                case "Uri":
                case "Version":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>True for a dictionary (written as an object with run-time keys).</summary>
        public static bool IsDictionary(ITypeSymbol type, WellKnownTypes types)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                var definition = implemented.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition, types.IDictionary2)
                    || SymbolEqualityComparer.Default.Equals(definition, types.IReadOnlyDictionary2)
                    || SymbolEqualityComparer.Default.Equals(definition, types.IDictionary))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A class, struct or record written property by property (not a dictionary, list, primitive or open type).</summary>
        private static bool IsPlainObject(ITypeSymbol type, WellKnownTypes types)
        {
            if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
            {
                return false;
            }

            if (type.SpecialType != SpecialType.None || type.IsAbstract || IsStringLike(type) || HasAttribute(type, types.JsonConverterAttribute))
            {
                return false;
            }

            var ns = type.ContainingNamespace?.ToDisplayString();
            if (ns != null && ns.StartsWith("System.Text.Json", System.StringComparison.Ordinal))
            {
                return false;
            }

            return !IsDictionary(type, types) && ElementType(type, types) == null;
        }

        private static bool IsIgnored(ISymbol member, WellKnownTypes types)
        {
            if (types.JsonIgnoreAttribute == null)
            {
                return false;
            }

            foreach (var attribute in member.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.JsonIgnoreAttribute))
                {
                    continue;
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Condition" && named.Value.Value is int condition)
                    {
                        // Never, WhenWritingDefault, WhenWritingNull: the property is (or may be) written.
                        return condition == JsonIgnoreConditionAlways;
                    }
                }

                return true;
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
    }
}
