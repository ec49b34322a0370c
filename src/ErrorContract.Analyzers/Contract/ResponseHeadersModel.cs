using System;
using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>The value a documented response header carries (<c>"type"</c> of a header entry).</summary>
    public enum HeaderValueType
    {
        /// <summary>Any text (the default).</summary>
        String,

        /// <summary>An integer, such as epoch seconds or a count.</summary>
        Integer,

        /// <summary>An HTTP-date (RFC 9110 section 5.6.7), such as <c>Wed, 21 Oct 2026 07:28:00 GMT</c>.</summary>
        Date,
    }

    /// <summary>One response header a status documents: <c>"X-RateLimit-Reset": { "type": "integer" }</c>.</summary>
    public sealed class DocumentedHeader
    {
        public DocumentedHeader(string name, HeaderValueType type, string? description, bool required)
        {
            Name = name;
            Type = type;
            Description = description;
            Required = required;
        }

        /// <summary>The header's name as the contract spells it (compared case-insensitively).</summary>
        public string Name { get; }

        public HeaderValueType Type { get; }

        /// <summary>What the documentation says the value is (<c>Unix time, in seconds, when the limit resets</c>).</summary>
        public string? Description { get; }

        /// <summary>True (the default) when every response of the status must carry it; false documents an optional header.</summary>
        public bool Required { get; }

        /// <summary>What the value is, in words, for messages and for the comment a fix writes beside its placeholder.</summary>
        public string ValueDescription
        {
            get
            {
                var type = Type switch
                {
                    HeaderValueType.Integer => "an integer",
                    HeaderValueType.Date => "an HTTP-date",
                    _ => "a string",
                };
                return string.IsNullOrEmpty(Description) ? type : type + ": " + Description;
            }
        }
    }

    /// <summary>The response headers the contract documents, per status; empty when it documents none.</summary>
    public sealed class ResponseHeadersContract
    {
        public static readonly ResponseHeadersContract None =
            new ResponseHeadersContract(ImmutableSortedDictionary<int, ImmutableArray<DocumentedHeader>>.Empty);

        public ResponseHeadersContract(ImmutableSortedDictionary<int, ImmutableArray<DocumentedHeader>> byStatus)
        {
            ByStatus = byStatus;
            var any = false;
            foreach (var headers in byStatus.Values)
            {
                foreach (var header in headers)
                {
                    any |= header.Required;
                }
            }

            AnyRequired = any;
        }

        /// <summary>The documented headers of each status that documents some, in documented order.</summary>
        public ImmutableSortedDictionary<int, ImmutableArray<DocumentedHeader>> ByStatus { get; }

        /// <summary>True when some status requires a header: the header rule does nothing otherwise.</summary>
        public bool AnyRequired { get; }

        /// <summary>The headers every response of <paramref name="status"/> must carry (empty for most statuses).</summary>
        public ImmutableArray<DocumentedHeader> RequiredFor(int status)
        {
            if (!AnyRequired || !ByStatus.TryGetValue(status, out var headers))
            {
                return ImmutableArray<DocumentedHeader>.Empty;
            }

            var all = true;
            foreach (var header in headers)
            {
                all &= header.Required;
            }

            if (all)
            {
                return headers;
            }

            var builder = ImmutableArray.CreateBuilder<DocumentedHeader>();
            foreach (var header in headers)
            {
                if (header.Required)
                {
                    builder.Add(header);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>True when <paramref name="name"/> is a header name (an RFC 9110 token: letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
        public static bool IsToken(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            foreach (var c in name)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The media type of a <c>Content-Type</c> value, without parameters, trimmed: <c>application/json</c> of <c>application/json; charset=utf-8</c>.</summary>
        public static string MediaTypeOf(string contentType)
        {
            var semicolon = contentType.IndexOf(';');
            return (semicolon >= 0 ? contentType.Substring(0, semicolon) : contentType).Trim();
        }

        /// <summary>True when two content types name the same media type (parameters and case aside).</summary>
        public static bool SameMediaType(string a, string b) =>
            string.Equals(MediaTypeOf(a), MediaTypeOf(b), StringComparison.OrdinalIgnoreCase);
    }
}
