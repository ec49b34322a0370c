using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Where the key goes besides the documented header: headers the contract lists under <c>never</c> (and
    /// <c>Authorization</c> under a header of its own), the query string, and key constants that do not start with the
    /// documented prefix.
    /// </summary>
    internal sealed partial class AuthorizationDiscovery
    {
        // Query parameter names that carry a key, compared without case, '_', '-' and '.': api_key, apiKey, access_token…
        private static readonly string[] KeyParameterNames = { "apikey", "key", "token", "accesstoken", "authtoken", "auth", "authorization", "secret", "apisecret" };

        private static readonly char[] QuerySeparators = { '?', '&' };

        private static readonly char[] NotInAParameterName = { '?', '&', ' ', '/' };

        /// <summary>The forbidden header a constant or <c>HeaderNames</c> field names, as the contract writes it; null for any other.</summary>
        private string? ForbiddenHeaderName(IOperation name)
        {
            foreach (var forbidden in forbiddenHeaders)
            {
                if (IsHeaderName(name, forbidden))
                {
                    return forbidden;
                }
            }

            return null;
        }

        /// <summary>The forbidden header a member is named after (<c>Authorization</c>), dashes left out; null for any other.</summary>
        private string? ForbiddenHeaderMember(string memberName)
        {
            if (!findForbiddenHeaders)
            {
                return null;
            }

            foreach (var forbidden in forbiddenHeaders)
            {
                if (NameMatches(memberName, forbidden))
                {
                    return forbidden;
                }
            }

            return null;
        }

        /// <summary>
        /// <c>headers.Add("Authorization", key)</c> where the key never goes in that header. The header's name can be
        /// rewritten to the documented one when it is a plain string literal and the value carries no scheme word but the
        /// documented one (a rename must not send <c>X-API-Key: Basic …</c>).
        /// </summary>
        private void CheckForbiddenHeaderWrite(IOperation name, IOperation value, string forbidden, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var nameOperand = Unwrap(name);
            var syntax = AuthorizationSiteSyntax.Other;
            if (nameOperand.Syntax is LiteralExpressionSyntax && IsStringLike(Unwrap(value).Type))
            {
                var text = LeadingText(Unwrap(value), out _, 0, cancellationToken);
                var word = SchemeWord(text) ?? (IsBearer(text) ? BearerWord : null);
                // The renamed write must agree with the documented scheme at once: the bare key where it is none, the
                // documented word where there is one (a rename that leaves another finding to fix is not made).
                if (documentedScheme == null ? word == null : string.Equals(word, documentedScheme, StringComparison.OrdinalIgnoreCase))
                {
                    syntax = AuthorizationSiteSyntax.HeaderNameLiteral;
                }
            }

            Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsKeyInHeader, nameOperand.Syntax.GetLocation(), syntax, forbidden));
        }

        /// <summary>
        /// <c>Request.Headers["Authorization"]</c>, <c>Request.Headers.Authorization</c>: an ASP.NET Core header dictionary read
        /// (not written) by a header the key never goes in. No fix: the code around a read may parse what the other header
        /// carries (a Bearer prefix), and reading the documented header instead changes which clients are let in.
        /// </summary>
        public void FromPropertyReference(IPropertyReferenceOperation property, ref List<AuthorizationSite>? sites)
        {
            // Every property read of the project comes here: the cheap tests on the property come first.
            if (!findForbiddenHeaders)
            {
                return;
            }

            if (property.Property.IsIndexer)
            {
                if (property.Arguments.Length != 1
                    || !IsConstantOrField(Unwrap(property.Arguments[0].Value))
                    || IsWrittenTo(property)
                    || !IsHeaderDictionary(property.Instance?.Type ?? property.Property.ContainingType))
                {
                    return;
                }

                var name = Unwrap(property.Arguments[0].Value);
                if (ForbiddenHeaderName(name) is string forbidden)
                {
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsKeyFromHeader, name.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, forbidden));
                }

                return;
            }

            if (ForbiddenHeaderMember(property.Property.Name) is string member && IsHeaderDictionaryProperty(property.Property) && !IsWrittenTo(property))
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsKeyFromHeader, property.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, member));
            }
        }

        /// <summary><c>Request.Headers.TryGetValue("Authorization", out var value)</c> where the key never goes in that header.</summary>
        private void FromForbiddenHeaderLookup(IInvocationOperation invocation, ref List<AuthorizationSite>? sites)
        {
            var offset = invocation.TargetMethod.IsExtensionMethod ? 1 : 0;
            if (invocation.Arguments.Length < offset + 1)
            {
                return;
            }

            var receiver = invocation.Instance ?? (offset == 1 ? invocation.Arguments[0].Value : null);
            if (receiver == null || !IsHeaderDictionary(Unwrap(receiver).Type))
            {
                return;
            }

            var arguments = Ordered(invocation.Arguments);
            if (arguments.Length < offset + 1)
            {
                return;
            }

            var name = Unwrap(arguments[offset].Value);
            if (ForbiddenHeaderName(name) is string forbidden)
            {
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsKeyFromHeader, name.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, forbidden));
            }
        }

        /// <summary>A header name can only be a constant or a field (<c>HeaderNames.Authorization</c>).</summary>
        private static bool IsConstantOrField(IOperation name) => name.ConstantValue.Value is string || name is IFieldReferenceOperation;

        private static bool IsWrittenTo(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            return current.Parent is IAssignmentOperation assignment && assignment.Target == current;
        }

        /// <summary>
        /// A string constant that puts a key in a query string (<c>"…?api_key="</c>, <c>$"…&amp;token={key}"</c>), names a key
        /// parameter for a query builder (<c>QueryHelpers.AddQueryString(uri, "api_key", key)</c>, <c>QueryString.Create</c>), or
        /// reads one from the incoming query (<c>Request.Query["api_key"]</c>, <c>Request.Query.TryGetValue("api_key", …)</c>).
        /// </summary>
        public void FromLiteral(ILiteralOperation literal, ref List<AuthorizationSite>? sites)
        {
            if (!(literal.ConstantValue.Value is string text) || text.Length == 0)
            {
                return;
            }

            // [FromHeader(Name = "Authorization")] string key, [FromQuery(Name = "api_key")] string key: a parameter bound to
            // a place the key never goes.
            if (literal.Parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name" } bound } && bound.Property.ContainingType is { } attribute)
            {
                if (findForbiddenHeaders && attribute.Name == "FromHeaderAttribute" && ForbiddenHeaderName(literal) is string forbidden)
                {
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsKeyFromHeader, literal.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, forbidden));
                }
                else if (findQuery && attribute.Name == "FromQueryAttribute" && IsKeyParameterName(text))
                {
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsKeyFromQuery, literal.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, text));
                }

                return;
            }

            if (!findQuery)
            {
                return;
            }

            if (text.IndexOf('=') >= 0)
            {
                if (QueryKeyParameter(text) is string parameter)
                {
                    // The text of an interpolation ($"…?api_key={key}") is reported as the whole interpolated string.
                    var reported = literal.Parent is IInterpolatedStringTextOperation { Parent: IInterpolatedStringOperation interpolated } ? interpolated : (IOperation)literal;
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsKeyInQuery, reported.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, parameter));
                }

                return;
            }

            if (!IsKeyParameterName(text) || !(literal.Parent is IArgumentOperation argument))
            {
                return;
            }

            switch (argument.Parent)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when IsQueryCollection(indexer.Instance?.Type):
                    Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsKeyFromQuery, literal.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, text));
                    break;

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if ((method.Name == "TryGetValue" || method.Name == "ContainsKey") && IsQueryCollection(invocation.Instance?.Type))
                    {
                        Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.ReadsKeyFromQuery, literal.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, text));
                    }
                    else if (IsQueryBuilderCall(method))
                    {
                        Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsKeyInQuery, literal.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, text));
                    }

                    break;
            }
        }

        /// <summary>The key parameter a query-string text sets (<c>api_key</c> in <c>"/v1/items?api_key="</c>); null when none.</summary>
        private string? QueryKeyParameter(string text)
        {
            var start = 0;
            while (start < text.Length)
            {
                var separator = text.IndexOfAny(QuerySeparators, start);
                if (separator < 0)
                {
                    return null;
                }

                var equals = text.IndexOf('=', separator + 1);
                if (equals < 0)
                {
                    return null;
                }

                var name = text.Substring(separator + 1, equals - separator - 1);
                if (name.Length > 0 && name.IndexOfAny(NotInAParameterName) < 0 && IsKeyParameterName(name))
                {
                    return name;
                }

                start = separator + 1;
            }

            return null;
        }

        private bool IsKeyParameterName(string name)
        {
            if (name.Length > 32)
            {
                return false;
            }

            var normalized = Normalize(name);
            if (normalized.Length == 0)
            {
                return false;
            }

            foreach (var candidate in KeyParameterNames)
            {
                if (normalized == candidate)
                {
                    return true;
                }
            }

            return normalized == Normalize(header);
        }

        private static string Normalize(string name)
        {
            var chars = new char[name.Length];
            var length = 0;
            foreach (var c in name)
            {
                if (c == '_' || c == '-' || c == '.')
                {
                    continue;
                }

                chars[length++] = char.ToLowerInvariant(c);
            }

            return new string(chars, 0, length);
        }

        /// <summary>ASP.NET Core's <c>IQueryCollection</c> (<c>Request.Query</c>) or a type that implements it.</summary>
        private static bool IsQueryCollection(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (IsQueryCollectionInterface(type))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (IsQueryCollectionInterface(implemented))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsQueryCollectionInterface(ITypeSymbol type)
        {
            return type.Name == "IQueryCollection" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http";
        }

        /// <summary><c>QueryHelpers.AddQueryString(uri, name, value)</c>, <c>QueryString.Create(name, value)</c>, <c>QueryBuilder.Add(name, value)</c>.</summary>
        private static bool IsQueryBuilderCall(IMethodSymbol method)
        {
            var type = method.ContainingType?.Name;
            return (method.Name == "AddQueryString" && type == "QueryHelpers")
                || (method.Name == "Create" && type == "QueryString")
                || (method.Name == "Add" && type == "QueryBuilder");
        }

        /// <summary>
        /// A constant sent as the key (<c>"Bearer sk_test_abc"</c>, <c>"sk_test_abc"</c>): the text after the documented scheme,
        /// reported when it is one word that does not start with the documented prefix.
        /// </summary>
        private void CheckKeyConstant(IOperation operand, string text, ref List<AuthorizationSite>? sites)
        {
            var key = text.Trim();
            var word = SchemeWord(key);
            if (word != null)
            {
                if (documentedScheme == null || !string.Equals(word, documentedScheme, StringComparison.OrdinalIgnoreCase))
                {
                    // Another scheme's credentials, judged by the scheme checks.
                    return;
                }

                key = key.Substring(word.Length).Trim();
            }

            if (key.Length == 0 || keyPrefix == null || key.StartsWith(keyPrefix, StringComparison.Ordinal))
            {
                return;
            }

            foreach (var c in key)
            {
                if (char.IsWhiteSpace(c))
                {
                    return;
                }
            }

            if (documentedScheme != null && string.Equals(key, documentedScheme, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.KeyConstant, operand.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, key));
        }
    }
}
