using System;
using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>The <c>authorization</c> section: the header, the scheme (or the legacy <c>bearer</c>), <c>keyPrefix</c> and <c>never</c>.</summary>
    public static partial class ContractParser
    {
        /// <summary>The value of <c>scheme</c> that means the bare key, with no word before it.</summary>
        internal const string NoScheme = "none";

        /// <summary>The entry of <c>never</c> that means the query string.</summary>
        internal const string QueryPlacement = "query";

        /// <summary>
        /// A token as HTTP defines it (RFC 9110 section 5.6.2): a header name or a scheme word is one or more of these
        /// characters, nothing else (no space, no ':').
        /// </summary>
        internal static bool IsToken(string value)
        {
            if (value.Length == 0)
            {
                return false;
            }

            foreach (var c in value)
            {
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private sealed partial class Mapper
        {
            private AuthorizationContract? MapAuthorization(JsonProperty property)
            {
                if (property.Value is not JsonObject authorization)
                {
                    Error("'authorization' must be an object such as { \"bearer\": \"required\" }, not " + Describe(property.Value), property.Value);
                    return null;
                }

                CheckKeys(authorization, AuthorizationKeys, "'authorization'");
                var valid = true;
                var header = AuthorizationContract.DefaultHeader;
                var headerProperty = authorization.Find("header");
                if (headerProperty != null)
                {
                    var value = ExpectString(headerProperty, "'header' of 'authorization' must be a string naming the HTTP header the key travels in, such as \"Authorization\" or \"X-API-Key\"");
                    if (value == null)
                    {
                        valid = false;
                    }
                    else if (!IsToken(value))
                    {
                        Error("'header' of 'authorization' must be a header name such as \"Authorization\" or \"X-API-Key\" (letters, digits and - _ . only: not empty, no spaces or ':'), not " + Describe(headerProperty.Value), headerProperty.Value);
                        valid = false;
                    }
                    else
                    {
                        header = value;
                    }
                }

                var headerIsAuthorization = string.Equals(header, AuthorizationContract.DefaultHeader, StringComparison.OrdinalIgnoreCase);
                var bearer = MapBearer(authorization.Find("bearer"), ref valid);
                var schemeProperty = authorization.Find("scheme");
                string? scheme = null;
                var schemeKnown = false;
                if (schemeProperty != null)
                {
                    schemeKnown = MapScheme(schemeProperty, out scheme);
                    valid &= schemeKnown;
                }

                if (schemeProperty != null && bearer != null && schemeKnown)
                {
                    // Both given: they must say the same ("bearer": "required" is the scheme Bearer, "forbidden" the bare key).
                    var agrees = bearer == BearerPolicy.Required
                        ? string.Equals(scheme, AuthorizationContract.BearerScheme, StringComparison.OrdinalIgnoreCase)
                        : scheme == null;
                    if (!agrees)
                    {
                        Error(
                            "'scheme' " + Describe(schemeProperty.Value) + " contradicts 'bearer': \"" + (bearer == BearerPolicy.Required ? "required" : "forbidden") + "\", which means "
                                + (bearer == BearerPolicy.Required ? "\"scheme\": \"Bearer\"" : "\"scheme\": \"none\" (the bare key)") + "; keep only 'scheme' (\"bearer\" is the older way to write it)",
                            schemeProperty.Value);
                        valid = false;
                    }
                }
                else if (schemeProperty == null && bearer != null)
                {
                    scheme = bearer == BearerPolicy.Required ? AuthorizationContract.BearerScheme : null;
                }
                else if (schemeProperty == null && bearer == null && authorization.Find("bearer") == null && headerIsAuthorization)
                {
                    Error(
                        "'authorization' has no 'bearer'; add \"bearer\": \"required\" (the header is 'Authorization: Bearer <key>') or \"bearer\": \"forbidden\" (the header is 'Authorization: <key>'), or name the scheme word itself: \"scheme\": \"Bearer\", \"Basic\", \"Token\" or \"none\"",
                        property.Key);
                    valid = false;
                }

                // A header of its own (X-API-Key) without a scheme carries the bare key.
                string? keyPrefix = null;
                var prefixProperty = authorization.Find("keyPrefix");
                if (prefixProperty != null)
                {
                    keyPrefix = ExpectString(prefixProperty, "'keyPrefix' of 'authorization' must be a string, the prefix every API key starts with, such as \"ak_live_\"");
                    if (keyPrefix == null)
                    {
                        valid = false;
                    }
                    else if (keyPrefix.Length == 0 || keyPrefix.Trim().Length != keyPrefix.Length || keyPrefix.IndexOf(' ') >= 0)
                    {
                        Error("'keyPrefix' of 'authorization' must be the text every API key starts with, such as \"ak_live_\" (not empty, no spaces), not " + Describe(prefixProperty.Value), prefixProperty.Value);
                        valid = false;
                    }
                }

                var queryForbidden = false;
                var forbiddenHeaders = ImmutableArray<string>.Empty;
                var neverProperty = authorization.Find("never");
                if (neverProperty != null)
                {
                    valid &= MapNever(neverProperty, header, out queryForbidden, out forbiddenHeaders);
                }

                return valid ? new AuthorizationContract(header, scheme, keyPrefix, queryForbidden, forbiddenHeaders) : null;
            }

            private BearerPolicy? MapBearer(JsonProperty? bearerProperty, ref bool valid)
            {
                if (bearerProperty == null)
                {
                    return null;
                }

                if (bearerProperty.Value is JsonString b && b.Value == "required")
                {
                    return BearerPolicy.Required;
                }

                if (bearerProperty.Value is JsonString f && f.Value == "forbidden")
                {
                    return BearerPolicy.Forbidden;
                }

                Error("'bearer' must be \"required\" or \"forbidden\", not " + Describe(bearerProperty.Value), bearerProperty.Value);
                valid = false;
                return null;
            }

            /// <summary>The scheme word, or null for <c>"none"</c>; false when the value is not one.</summary>
            private bool MapScheme(JsonProperty schemeProperty, out string? scheme)
            {
                scheme = null;
                var value = ExpectString(schemeProperty, "'scheme' of 'authorization' must be a string: the word before the key in the header (\"Bearer\", \"Basic\", \"Token\"), or \"none\" for the bare key");
                if (value == null)
                {
                    return false;
                }

                if (string.Equals(value, NoScheme, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (!IsToken(value))
                {
                    var trimmed = value.Trim();
                    var hint = trimmed.Length > 0 && trimmed != value && IsToken(trimmed) ? " (did you mean \"" + trimmed + "\"? the space after the word is not part of it)" : string.Empty;
                    Error(
                        "'scheme' of 'authorization' must be one word, such as \"Bearer\", \"Basic\" or \"Token\" (letters, digits and - _ . only, no spaces), or \"none\" for the bare key, not " + Describe(schemeProperty.Value) + hint,
                        schemeProperty.Value);
                    return false;
                }

                scheme = value;
                return true;
            }

            /// <summary><c>"never": ["query", "Authorization"]</c>: the query string, and headers other than the documented one.</summary>
            private bool MapNever(JsonProperty neverProperty, string header, out bool queryForbidden, out ImmutableArray<string> forbiddenHeaders)
            {
                queryForbidden = false;
                forbiddenHeaders = ImmutableArray<string>.Empty;
                if (neverProperty.Value is not JsonArray array)
                {
                    Error("'never' of 'authorization' must be an array of the places the key must never go, such as [\"query\", \"Authorization\"], not " + Describe(neverProperty.Value), neverProperty.Value);
                    return false;
                }

                var valid = true;
                var headers = ImmutableArray.CreateBuilder<string>();
                foreach (var item in array.Items)
                {
                    if (item is not JsonString s)
                    {
                        Error("each item of 'never' must be a string: \"query\" (the query string) or a header name such as \"Authorization\", not " + Describe(item), item);
                        valid = false;
                        continue;
                    }

                    var value = s.Value;
                    if (value == QueryPlacement)
                    {
                        if (queryForbidden)
                        {
                            Error("'never' lists \"query\" twice; list each place once", item);
                            valid = false;
                        }

                        queryForbidden = true;
                        continue;
                    }

                    if (!IsToken(value) || IsQueryLike(value))
                    {
                        var hint = IsQueryLike(value) ? " (did you mean \"query\"?)" : string.Empty;
                        Error("each item of 'never' must be \"query\" (the query string) or a header name such as \"Authorization\" (letters, digits and - _ . only), not " + Describe(item) + hint, item);
                        valid = false;
                        continue;
                    }

                    if (string.Equals(value, header, StringComparison.OrdinalIgnoreCase))
                    {
                        Error(
                            "'never' lists \"" + value + "\", the header the key travels in ('header' is \"" + header + "\"): two placements that contradict each other; list only the places the key must never go",
                            item);
                        valid = false;
                        continue;
                    }

                    var duplicate = false;
                    foreach (var existing in headers)
                    {
                        duplicate |= string.Equals(existing, value, StringComparison.OrdinalIgnoreCase);
                    }

                    if (duplicate)
                    {
                        Error("'never' lists the header \"" + value + "\" twice (header names are compared in any case); list each place once", item);
                        valid = false;
                        continue;
                    }

                    headers.Add(value);
                }

                forbiddenHeaders = headers.ToImmutable();
                return valid;
            }

            private static bool IsQueryLike(string value)
            {
                var lower = value.Trim().ToLowerInvariant().Replace(" ", string.Empty).Replace("-", string.Empty).Replace("_", string.Empty);
                return lower == QueryPlacement || lower == "querystring" || lower == "url" || lower == "queries" || lower == "querys";
            }
        }
    }
}
