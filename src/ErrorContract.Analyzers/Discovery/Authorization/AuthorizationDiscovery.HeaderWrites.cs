using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// Writes to a header collection: HttpClient's headers (<c>request.Headers.Add("Authorization", …)</c>,
    /// <c>TryAddWithoutValidation</c>) and ASP.NET Core's header dictionaries (<c>Headers["Authorization"] = …</c>,
    /// <c>Headers.Authorization = …</c>, <c>Append</c>); and what the written value sends.
    /// </summary>
    internal sealed partial class AuthorizationDiscovery
    {
        private static bool IsHeaderWriteName(string name)
        {
            switch (name)
            {
                case "Add":
                case "TryAdd":
                case "TryAddWithoutValidation":
                case "Append":
                case "Set":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary><c>headers.Add(name, value)</c> and the other calls of <see cref="IsHeaderWriteName"/>.</summary>
        private void FromHeaderWrite(IInvocationOperation invocation, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The caller has checked the method's name (IsHeaderWriteName).
            var method = invocation.TargetMethod;
            var offset = method.IsExtensionMethod ? 1 : 0;

            // A header write passes a name and a value: a list's Add (one argument) leaves before its receiver's type is read.
            if (invocation.Arguments.Length != offset + 2)
            {
                return;
            }

            var receiver = invocation.Instance ?? (offset == 1 ? invocation.Arguments[0].Value : null);
            if (receiver == null || !IsHeaderCollection(Unwrap(receiver).Type))
            {
                return;
            }

            var arguments = Ordered(invocation.Arguments);
            if (arguments.IsEmpty)
            {
                return;
            }

            CheckWrittenValue(arguments[offset].Value, arguments[offset + 1].Value, ref sites, cancellationToken);
        }

        /// <summary><c>headers[name] = value</c>, <c>headers.Authorization = value</c>, <c>headers.WWWAuthenticate = value</c>.</summary>
        private void FromHeaderPropertyWrite(IPropertyReferenceOperation property, IOperation value, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            // The caller has checked that the property is an indexer or named after a header, of a header collection.
            if (property.Property.IsIndexer)
            {
                if (property.Arguments.Length == 1)
                {
                    CheckWrittenValue(property.Arguments[0].Value, value, ref sites, cancellationToken);
                }
            }
            else if (findForbiddenHeaders && ForbiddenHeaderMember(property.Property.Name) is string forbidden)
            {
                // client.DefaultRequestHeaders.Authorization = …, Request.Headers.Authorization = … where the key never goes there.
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsKeyInHeader, property.Syntax.GetLocation(), AuthorizationSiteSyntax.Other, forbidden));
            }
            else if (IsHeaderDictionaryProperty(property.Property))
            {
                if (NameMatches(property.Property.Name, header))
                {
                    CheckSentValue(value, ref sites, cancellationToken);
                }
                else if (NameMatches(property.Property.Name, ChallengeHeader))
                {
                    CheckChallengeValue(value, ref sites, cancellationToken);
                }
            }
        }

        private void CheckWrittenValue(IOperation name, IOperation value, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            if (IsHeaderName(name, header))
            {
                CheckSentValue(value, ref sites, cancellationToken);
            }
            else if (IsHeaderName(name, ChallengeHeader))
            {
                CheckChallengeValue(value, ref sites, cancellationToken);
            }
            else if (findForbiddenHeaders && ForbiddenHeaderName(name) is string forbidden)
            {
                CheckForbiddenHeaderWrite(name, value, forbidden, ref sites, cancellationToken);
            }
        }

        /// <summary>A value written to the header: one that starts with Bearer sends it; one that looks like the key alone sends the bare key.</summary>
        private void CheckSentValue(IOperation value, ref List<AuthorizationSite>? sites, CancellationToken cancellationToken)
        {
            var operand = Unwrap(value);
            if (!IsStringLike(operand.Type))
            {
                return;
            }

            var text = LeadingText(operand, out var complete, 0, cancellationToken);
            if (findKeyConstants && complete)
            {
                CheckKeyConstant(operand, text, ref sites);
            }

            if (findBearerUses && IsBearer(text))
            {
                var syntax = CanRemovePrefix(operand) ? AuthorizationSiteSyntax.SchemePrefix : AuthorizationSiteSyntax.Other;
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBearer, operand.Syntax.GetLocation(), syntax));
                return;
            }

            if (findOtherSchemes && !IsBearer(text) && SchemeWord(text) is string word)
            {
                var syntax = CanRemovePrefix(operand) ? AuthorizationSiteSyntax.SchemePrefix : AuthorizationSiteSyntax.Other;
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsOtherScheme, operand.Syntax.GetLocation(), syntax, word));
                return;
            }

            if (findBareKeyUses && LooksLikeBareKey(operand, cancellationToken, allowSchemeNames: true))
            {
                var syntax = IsString(operand.Type) && operand.Syntax is ExpressionSyntax ? AuthorizationSiteSyntax.KeyExpression : AuthorizationSiteSyntax.Other;
                Add(ref sites, new AuthorizationSite(AuthorizationSiteKind.SendsBareKey, operand.Syntax.GetLocation(), syntax));
            }
        }

        /// <summary>
        /// A value that is the key alone: a non-constant value (<c>key</c>, <c>$"{key}"</c>), or one whose known start is a
        /// single token (<c>"ak_live_…"</c>). A value that starts with Bearer or another scheme (<c>"Basic " + …</c>), an
        /// empty constant, a variable that holds a whole header value (<c>authorization</c>, <c>authHeader</c>), or the incoming
        /// header forwarded as it came, is not a bare key; nor, unless <paramref name="allowSchemeNames"/>, a complete single-token constant (a scheme name).
        /// </summary>
        private bool LooksLikeBareKey(IOperation value, CancellationToken cancellationToken, bool allowSchemeNames)
        {
            var operand = Unwrap(value);
            var text = LeadingText(operand, out var complete, 0, cancellationToken);
            if (IsBearer(text))
            {
                return false;
            }

            if (text.Length == 0)
            {
                if (complete)
                {
                    return false;
                }

                var name = ReferencedName(operand);
                if (name != null
                    && (Contains(name, "authoriz") || Contains(name, "header") || Contains(name, "scheme") || Contains(name, "challenge")))
                {
                    return false;
                }

                // The incoming header forwarded as it came (outgoing.Headers.Add("Authorization", token)): not a key alone.
                return !IsWholeHeaderRead(operand, 0, cancellationToken);
            }

            if (complete && !allowSchemeNames)
            {
                // new AuthenticationHeaderValue("Negotiate"): a scheme name, not a key.
                return false;
            }

            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        // ---------------------------------------------------------------- header names and collections

        /// <summary>A header name: a constant (any case), or a field of <c>HeaderNames</c> named after the header.</summary>
        private bool IsHeaderName(IOperation operation, string name)
        {
            var op = Unwrap(operation);
            if (op.ConstantValue.Value is string s)
            {
                return string.Equals(s, name, StringComparison.OrdinalIgnoreCase);
            }

            return op is IFieldReferenceOperation field
                && types.HeaderNames != null
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, types.HeaderNames)
                && NameMatches(field.Field.Name, name);
        }

        /// <summary>
        /// A member named after a header, dashes left out: <c>WWWAuthenticate</c> for <c>WWW-Authenticate</c>
        /// (<c>HeaderNames.WWWAuthenticate</c>, <c>IHeaderDictionary.WWWAuthenticate</c>); any case.
        /// </summary>
        private static bool NameMatches(string memberName, string headerName)
        {
            var j = 0;
            foreach (var c in headerName)
            {
                if (c == '-')
                {
                    continue;
                }

                if (j >= memberName.Length || char.ToUpperInvariant(memberName[j]) != char.ToUpperInvariant(c))
                {
                    return false;
                }

                j++;
            }

            return j == memberName.Length;
        }

        private bool IsHeaderCollection(ITypeSymbol? type) => types.IsAnyHeaders(type);

        private bool IsHeaderDictionary(ITypeSymbol? type) => types.IsHeaderDictionary(type);

        private bool IsHeaderDictionaryProperty(IPropertySymbol property) => types.IsHeaderDictionary(property.ContainingType);
    }
}
