using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Code that reads the whole incoming header as the key, without checking for a scheme: the header compared with a
    /// key, passed for a parameter named like a key, or stored in a variable named like one.
    /// </summary>
    internal sealed partial class AuthorizationDiscovery
    {
        /// <summary><paramref name="headerSide"/> is the whole header, compared with a value that is neither a constant nor another header.</summary>
        private void FromKeyComparison(IOperation headerSide, IOperation otherSide, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The header side first: almost no comparison reads the whole header, and the other side's checks follow its
            // locals back to their initializers too.
            if (!IsWholeHeaderRead(headerSide, 0, cancellationToken))
            {
                return;
            }

            var other = Unwrap(otherSide);
            if (other.ConstantValue.HasValue || IsEmptyString(other) || other is IDefaultValueOperation || IsWholeHeaderRead(other, 0, cancellationToken))
            {
                return;
            }

            if (IsBearer(LeadingText(other, out _, 0, cancellationToken)) || IsFlaggedKeyLocal(headerSide))
            {
                return;
            }

            Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsWholeHeader, Unwrap(headerSide).Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
        }

        /// <summary><c>string.Equals(header, key)</c>, <c>header.Equals(key)</c>, and the whole header passed for a parameter named like a key.</summary>
        private void FromKeyArguments(IInvocationOperation invocation, string name, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (name == "Equals" && IsStringMethod(method))
            {
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
            }

            // Cheap first: most calls pass no string to a parameter named like a key (a CancellationToken is not one; no
            // method of string itself has such a parameter).
            var hasKeyParameter = false;
            foreach (var argument in invocation.Arguments)
            {
                if (IsKeyArgument(argument, method))
                {
                    hasKeyParameter = true;
                    break;
                }
            }

            if (!hasKeyParameter)
            {
                return;
            }

            var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            if (receiver != null && IsHeaderCollection(Unwrap(receiver).Type))
            {
                // headers.Append(key: "Authorization", …) names the header; it does not read it.
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (!IsKeyArgument(argument, method))
                {
                    continue;
                }

                if (!IsFlaggedKeyLocal(argument.Value) && IsWholeHeaderRead(argument.Value, 0, cancellationToken))
                {
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsWholeHeader, Unwrap(argument.Value).Syntax.GetLocation(), AuthorizationSiteSyntax.Other));
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

        /// <summary>
        /// True when the body that declares <paramref name="local"/> checks or strips the scheme on it
        /// (<c>token.StartsWith("Bearer ")</c>, <c>token.Substring(…)</c>, <c>AuthenticationHeaderValue.Parse(token)</c>):
        /// the variable then holds the header, not the key, whatever its name.
        /// </summary>
        private static bool ChecksScheme(IOperation declaration, ILocalSymbol local)
        {
            var root = declaration;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var descendant in root.Descendants())
            {
                if (!(descendant is IInvocationOperation invocation))
                {
                    continue;
                }

                var method = invocation.TargetMethod;
                IOperation? subject;
                if (method.ContainingType?.SpecialType == SpecialType.System_String && !method.IsStatic)
                {
                    switch (method.Name)
                    {
                        case "StartsWith":
                        case "Substring":
                        case "Replace":
                        case "Split":
                        case "Remove":
                        case "IndexOf":
                            subject = invocation.Instance;
                            break;
                        default:
                            continue;
                    }
                }
                else if ((method.Name == "Parse" || method.Name == "TryParse") && method.ContainingType?.Name == "AuthenticationHeaderValue" && invocation.Arguments.Length > 0)
                {
                    subject = invocation.Arguments[0].Value;
                }
                else
                {
                    continue;
                }

                if (subject != null && Unwrap(subject) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A local named like a key is reported where it is declared, not again where it is used.</summary>
        private static bool IsFlaggedKeyLocal(IOperation operation)
        {
            return Unwrap(operation) is ILocalReferenceOperation local && IsKeyName(local.Local.Name);
        }

        /// <summary>
        /// True when <paramref name="operation"/> is the whole value of the incoming header: <c>Request.Headers.Authorization</c>,
        /// <c>Request.Headers["Authorization"]</c>, their <c>ToString()</c>/<c>FirstOrDefault()</c>/<c>[0]</c>, a
        /// <c>[FromHeader(Name = "Authorization")]</c> parameter, a local initialised from one of these, or a variable
        /// named for the header (<c>authorization</c>, <c>authHeader</c>).
        /// </summary>
        private bool IsWholeHeaderRead(IOperation? operation, int depth, CancellationToken cancellationToken)
        {
            if (operation == null || depth > MaxDepth)
            {
                return false;
            }

            var op = Unwrap(operation);
            switch (op)
            {
                case IPropertyReferenceOperation property:
                    if (property.Property.IsIndexer)
                    {
                        if (property.Instance != null && IsHeaderDictionary(property.Instance.Type) && property.Arguments.Length == 1)
                        {
                            return IsHeaderName(property.Arguments[0].Value, header);
                        }

                        if (property.Instance != null && IsStringValues(property.Instance.Type))
                        {
                            return IsWholeHeaderRead(property.Instance, depth + 1, cancellationToken);
                        }

                        return false;
                    }

                    if (IsHeaderDictionaryProperty(property.Property) && NameMatches(property.Property.Name, header))
                    {
                        return true;
                    }

                    return IsHeaderVariableName(property.Property.Name)
                        && IsStringLike(property.Type)
                        && !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, types.HeaderNames);

                case IInvocationOperation invocation:
                    switch (invocation.TargetMethod.Name)
                    {
                        case "ToString":
                        case "First":
                        case "FirstOrDefault":
                        case "Single":
                        case "SingleOrDefault":
                        case "Last":
                        case "LastOrDefault":
                        case "Trim":
                            var receiver = invocation.Instance
                                ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                            return IsWholeHeaderRead(receiver, depth + 1, cancellationToken);
                        case "TryGetValue":
                            return invocation.Instance != null
                                && IsHeaderDictionary(invocation.Instance.Type)
                                && invocation.Arguments.Length == 2
                                && IsHeaderName(invocation.Arguments[0].Value, header);
                        default:
                            return false;
                    }

                case ICoalesceOperation coalesce:
                    return IsWholeHeaderRead(coalesce.Value, depth + 1, cancellationToken);

                case IConditionalAccessOperation conditional:
                    return IsWholeHeaderRead(conditional.Operation, depth + 1, cancellationToken);

                case IParameterReferenceOperation parameter:
                    return IsStringLike(parameter.Type) && (IsHeaderVariableName(parameter.Parameter.Name) || HasFromHeaderAttribute(parameter.Parameter));

                case IFieldReferenceOperation field:
                    return IsStringLike(field.Type)
                        && !field.Field.IsConst
                        && !SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, types.HeaderNames)
                        && IsHeaderVariableName(field.Field.Name);

                case ILocalReferenceOperation local:
                    if (!IsStringLike(local.Type))
                    {
                        return false;
                    }

                    if (IsHeaderVariableName(local.Local.Name))
                    {
                        return true;
                    }

                    return IsWholeHeaderRead(LocalInitializer(local, cancellationToken), depth + 1, cancellationToken);

                default:
                    return false;
            }
        }

        private bool HasFromHeaderAttribute(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name != "FromHeaderAttribute")
                {
                    continue;
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Name" && named.Value.Value is string name && string.Equals(name, header, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                if (attribute.NamedArguments.Length == 0 && string.Equals(parameter.Name, header, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
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

        /// <summary>A variable named for the header (<c>authorization</c>, <c>authHeader</c>): it holds the whole header value.</summary>
        private static bool IsHeaderVariableName(string name) => Contains(name, "authorization") || Contains(name, "authheader");
    }
}
