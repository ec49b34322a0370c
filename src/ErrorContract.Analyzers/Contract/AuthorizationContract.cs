using System;
using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>The legacy <c>"bearer"</c> key's two values, and what every scheme comes down to for the Bearer handler rule (EC0008).</summary>
    public enum BearerPolicy
    {
        /// <summary><c>Authorization: Bearer &lt;key&gt;</c>.</summary>
        Required,

        /// <summary>Anything but Bearer: the bare key (<c>Authorization: &lt;key&gt;</c>) or another scheme word.</summary>
        Forbidden,
    }

    /// <summary>
    /// Where and how the API key travels: the header, the word before the key in it (the scheme: <c>Bearer</c>,
    /// <c>Basic</c>, <c>Token</c>, or none for the bare key), the prefix every key starts with, and the places the key
    /// must never go (the query string, other headers).
    /// </summary>
    public sealed class AuthorizationContract
    {
        /// <summary>The scheme word of <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
        public const string BearerScheme = "Bearer";

        /// <summary>The header the key travels in when the contract names none.</summary>
        public const string DefaultHeader = "Authorization";

        public AuthorizationContract(string header, string? scheme, string? keyPrefix, bool queryForbidden, ImmutableArray<string> forbiddenHeaders)
        {
            Header = header;
            Scheme = scheme;
            KeyPrefix = string.IsNullOrEmpty(keyPrefix) ? null : keyPrefix;
            QueryForbidden = queryForbidden;
            ForbiddenHeaders = forbiddenHeaders.IsDefault ? ImmutableArray<string>.Empty : forbiddenHeaders;
            UsesBearer = IsScheme(BearerScheme);
            Example = header + ": " + (scheme == null ? string.Empty : scheme + " ") + "<" + (KeyPrefix ?? string.Empty) + "key>";
        }

        /// <summary>The header the key travels in (<c>Authorization</c>, <c>X-API-Key</c>).</summary>
        public string Header { get; }

        /// <summary>The word before the key in the header (<c>Bearer</c>, <c>Basic</c>, <c>Token</c>), as written; null for the bare key.</summary>
        public string? Scheme { get; }

        /// <summary>The prefix every key starts with (<c>ak_live_</c>), if documented.</summary>
        public string? KeyPrefix { get; }

        /// <summary>The key never travels in the query string (<c>"never": ["query"]</c>).</summary>
        public bool QueryForbidden { get; }

        /// <summary>Headers the key never travels in (<c>"never": ["Authorization"]</c>), as written; never the documented header.</summary>
        public ImmutableArray<string> ForbiddenHeaders { get; }

        /// <summary>True when the documented scheme is Bearer.</summary>
        public bool UsesBearer { get; }

        /// <summary>Bearer required (the scheme is Bearer) or not (any other scheme, or the bare key).</summary>
        public BearerPolicy Bearer => UsesBearer ? BearerPolicy.Required : BearerPolicy.Forbidden;

        /// <summary>True when some place is listed under <c>never</c>.</summary>
        public bool HasForbiddenPlacements => QueryForbidden || !ForbiddenHeaders.IsEmpty;

        /// <summary>What the header looks like, for messages: <c>Authorization: Bearer &lt;ak_live_key&gt;</c>, <c>X-API-Key: &lt;key&gt;</c>.</summary>
        public string Example { get; }

        /// <summary>True when <paramref name="word"/> is the documented scheme (scheme words are compared in any case, as HTTP does).</summary>
        public bool IsScheme(string? word)
        {
            return word != null && Scheme != null && string.Equals(word, Scheme, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>True when <paramref name="name"/> is a header listed under <c>never</c> (header names in any case).</summary>
        public bool ForbidsHeader(string name)
        {
            foreach (var forbidden in ForbiddenHeaders)
            {
                if (string.Equals(forbidden, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
