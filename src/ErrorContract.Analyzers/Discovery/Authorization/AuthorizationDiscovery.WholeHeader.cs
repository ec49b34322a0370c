using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Code that uses the whole incoming header as the key, its scheme neither checked nor stripped: the header (as it came
    /// in, or through locals and string conversions, <see cref="TraceHeader"/>) compared with a key (<c>==</c>, <c>!=</c>,
    /// <c>Equals</c>, <c>string.Equals</c>, <c>CryptographicOperations.FixedTimeEquals</c>), looked up in a collection
    /// (<c>TryGetValue</c>, <c>ContainsKey</c>, <c>Contains</c>, <c>GetValueOrDefault</c>, an indexer), or passed to a method of
    /// the project for a parameter named like a key (<c>apiKey</c>, <c>token</c>). Logging it, hashing it, forwarding it, or
    /// passing it to a library method (a rate limiter's <c>partitionKey</c>) is not reading the key.
    /// </summary>
    internal sealed partial class AuthorizationDiscovery
    {
        /// <summary><paramref name="headerSide"/> is the whole header, compared with a value that is neither a constant nor another header.</summary>
        private void FromKeyComparison(IOperation headerSide, IOperation otherSide, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var other = Unwrap(otherSide);
            if (other.ConstantValue.HasValue || IsEmptyString(other) || other is IDefaultValueOperation)
            {
                return;
            }

            // The header side next: almost no comparison reads the header, and the other side's checks follow its locals too.
            if (!IsUnhandledHeader(headerSide, cancellationToken))
            {
                return;
            }

            if (IsBearer(LeadingText(other, out _, 0, cancellationToken)) || IsWholeHeaderRead(other, 0, cancellationToken))
            {
                return;
            }

            AddWholeHeaderRead(headerSide, ref sites);
        }

        /// <summary>
        /// The calls that use a value as a key: comparisons (<c>Equals</c>, <c>FixedTimeEquals</c>), lookups in a collection, and
        /// methods of the project with a parameter named like a key; and the indexer lookups passed as arguments.
        /// </summary>
        private void FromKeyArguments(IInvocationOperation invocation, string name, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            switch (name)
            {
                case "Equals" when IsStringMethod(method):
                    var arguments = Ordered(invocation.Arguments);
                    if (method.IsStatic && arguments.Length >= 2)
                    {
                        FromKeyComparison(arguments[0].Value, arguments[1].Value, ref sites, cancellationToken);
                        FromKeyComparison(arguments[1].Value, arguments[0].Value, ref sites, cancellationToken);
                    }
                    else if (!method.IsStatic && invocation.Instance != null && arguments.Length >= 1)
                    {
                        FromKeyComparison(invocation.Instance, arguments[0].Value, ref sites, cancellationToken);
                        FromKeyComparison(arguments[0].Value, invocation.Instance, ref sites, cancellationToken);
                    }

                    return;

                case "FixedTimeEquals" when types.CryptographicOperations != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.CryptographicOperations):
                    if (invocation.Arguments.Length == 2)
                    {
                        FromKeyComparison(invocation.Arguments[0].Value, invocation.Arguments[1].Value, ref sites, cancellationToken);
                        FromKeyComparison(invocation.Arguments[1].Value, invocation.Arguments[0].Value, ref sites, cancellationToken);
                    }

                    return;

                case "TryGetValue":
                case "ContainsKey":
                case "Contains":
                case "GetValueOrDefault":
                    FromKeyLookup(invocation, ref sites, cancellationToken);
                    return;
            }

            foreach (var argument in invocation.Arguments)
            {
                FromIndexerLookup(argument.Value, ref sites, cancellationToken);
            }

            FromKeyParameters(invocation, ref sites, cancellationToken);
        }

        /// <summary><c>keys.ContainsKey(header)</c>, <c>allowed.Contains(header)</c>: the first argument is looked up in a collection.</summary>
        private void FromKeyLookup(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var offset = invocation.TargetMethod.IsExtensionMethod ? 1 : 0;
            var arguments = Ordered(invocation.Arguments);
            if (arguments.Length <= offset || !IsStringLike(Unwrap(arguments[offset].Value).Type))
            {
                // The header's value is a string (or StringValues): a lookup of anything else leaves before the collection's
                // interfaces are read.
                return;
            }

            var receiver = offset == 1 ? arguments[0].Value : invocation.Instance;
            if (receiver == null || !IsLookupCollection(Unwrap(receiver).Type))
            {
                return;
            }

            if (IsUnhandledHeader(arguments[offset].Value, cancellationToken))
            {
                AddWholeHeaderRead(arguments[offset].Value, ref sites);
            }
        }

        /// <summary><c>owners[header]</c> read from a collection (not a header collection): the header is the key looked up.</summary>
        private void FromIndexerLookup(IOperation value, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped.Kind == OperationKind.PropertyReference
                && unwrapped is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer
                && indexer.Arguments.Length == 1
                && IsStringLike(Unwrap(indexer.Arguments[0].Value).Type)
                && IsLookupCollection(instance.Type)
                && IsUnhandledHeader(indexer.Arguments[0].Value, cancellationToken))
            {
                AddWholeHeaderRead(indexer.Arguments[0].Value, ref sites);
            }
        }

        /// <summary>
        /// The whole header passed to a method of the project for a parameter named like a key: the project says that the
        /// parameter receives the key. Library methods are not judged by their parameters' names (<c>partitionKey</c>).
        /// </summary>
        private void FromKeyParameters(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // Cheap first: most calls pass no string to a parameter named like a key (a CancellationToken is not one; no
            // method of string itself has such a parameter).
            var method = invocation.TargetMethod;
            if (method.OriginalDefinition.MetadataToken != 0 || method.IsImplicitlyDeclared)
            {
                // A method of a referenced assembly (its definition has a metadata token; a source method has none) is never
                // judged by its parameters' names: most calls leave here, before a source method's syntax references (a new
                // array on each read) or its parameters are looked at.
                return;
            }

            var hasKeyParameter = false;
            foreach (var argument in invocation.Arguments)
            {
                if (IsKeyArgument(argument, method))
                {
                    hasKeyParameter = true;
                    break;
                }
            }

            if (!hasKeyParameter || method.Locations.Length == 0 || !method.Locations[0].IsInSource)
            {
                return;
            }

            var receiver = Receiver(invocation);
            if (receiver != null && IsHeaderCollection(Unwrap(receiver).Type))
            {
                // headers.Append(key: "Authorization", …) names the header; it does not read it.
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (IsKeyArgument(argument, method) && IsUnhandledHeader(argument.Value, cancellationToken))
                {
                    AddWholeHeaderRead(argument.Value, ref sites);
                }
            }
        }

        /// <summary>A string written by the caller for a parameter named like a key (<c>apiKey</c>, <c>token</c>).</summary>
        private bool IsKeyArgument(IArgumentOperation argument, IMethodSymbol method)
        {
            // The parameter's name first: it rules out almost every argument without reading the argument's value.
            var parameter = argument.Parameter;
            return parameter != null
                && argument.ArgumentKind == ArgumentKind.Explicit
                && IsKeyName(parameter.Name)
                && !(method.IsExtensionMethod && parameter.Ordinal == 0)
                && IsStringLike(Unwrap(argument.Value).Type);
        }

        /// <summary>A collection a key is looked up in: a dictionary, set, list or array; not a string, and not a header collection.</summary>
        private bool IsLookupCollection(ITypeSymbol? type)
        {
            if (type == null || type.SpecialType == SpecialType.System_String || IsStringValues(type) || IsHeaderCollection(type))
            {
                return false;
            }

            if (type is IArrayTypeSymbol || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return true;
                }
            }

            return false;
        }

        private static void AddWholeHeaderRead(IOperation headerValue, ref List<AuthorizationSite>? sites)
        {
            Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsWholeHeader, Unwrap(headerValue).Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
        }

        /// <summary>
        /// A name that contains "key" or "token", in any case (<c>apiKey</c>, <c>X_API_KEY</c>, <c>bearerToken</c>). Read for
        /// every argument of every call, so it compares ASCII letters by hand rather than through a culture-aware search.
        /// </summary>
        private static bool IsKeyName(string? name)
        {
            if (name == null)
            {
                return false;
            }

            for (var i = 0; i + 2 < name.Length; i++)
            {
                var c = name[i] | 0x20;
                if (c == 'k' && (name[i + 1] | 0x20) == 'e' && (name[i + 2] | 0x20) == 'y')
                {
                    return true;
                }

                if (c == 't' && i + 4 < name.Length && (name[i + 1] | 0x20) == 'o' && (name[i + 2] | 0x20) == 'k' && (name[i + 3] | 0x20) == 'e' && (name[i + 4] | 0x20) == 'n')
                {
                    return true;
                }
            }

            return false;
        }
    }
}
