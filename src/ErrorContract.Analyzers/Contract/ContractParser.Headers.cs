using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>The response headers of each status (<c>"headers"</c>) and the error content type (<c>errorBody.contentType</c>).</summary>
    public static partial class ContractParser
    {
        internal static readonly string[] HeaderKeys = { "type", "description", "required" };
        internal static readonly string[] HeaderTypes = { "string", "integer", "date" };

        private sealed partial class Mapper
        {
            /// <summary>The <c>"headers"</c> of every status entry; null when no status has any.</summary>
            private ResponseHeadersContract? MapHeaders(JsonObject statusesObject)
            {
                ImmutableSortedDictionary<int, ImmutableArray<DocumentedHeader>>.Builder? byStatus = null;
                foreach (var status in statusesObject.Properties)
                {
                    var headersProperty = (status.Value as JsonObject)?.Find("headers");
                    if (headersProperty == null)
                    {
                        continue;
                    }

                    var where = "'headers' of status \"" + status.Name + "\"";
                    if (headersProperty.Value is not JsonObject headersObject)
                    {
                        Error(
                            where + " must be an object mapping header names to entries, such as { \"Retry-After\": { \"type\": \"integer\" } }, not " + Describe(headersProperty.Value),
                            headersProperty.Value);
                        continue;
                    }

                    var headers = ImmutableArray.CreateBuilder<DocumentedHeader>();
                    var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in headersObject.Properties)
                    {
                        var header = MapHeader(property, where, seen);
                        if (header != null)
                        {
                            headers.Add(header);
                        }
                    }

                    if (TryParseStatus(status.Name, out var code) && headers.Count > 0)
                    {
                        byStatus ??= ImmutableSortedDictionary.CreateBuilder<int, ImmutableArray<DocumentedHeader>>();
                        byStatus[code] = headers.ToImmutable();
                    }
                }

                return byStatus == null ? null : new ResponseHeadersContract(byStatus.ToImmutable());
            }

            private DocumentedHeader? MapHeader(JsonProperty property, string where, Dictionary<string, string> seen)
            {
                var name = property.Name;
                if (!ResponseHeadersContract.IsToken(name))
                {
                    Error(
                        "\"" + Shorten(name) + "\" in " + where + " is not a header name; a header name is letters, digits and !#$%&'*+-.^_`|~ only (no spaces, ':' or quotes), such as \"X-RateLimit-Reset\"",
                        property.Key);
                    return null;
                }

                if (seen.TryGetValue(name, out var first))
                {
                    Error(
                        where + " documents \"" + name + "\" twice (as \"" + first + "\" too; header names are case-insensitive); document each header once",
                        property.Key);
                    return null;
                }

                seen.Add(name, name);
                var entryWhere = "header \"" + name + "\" of " + where;
                if (property.Value is not JsonObject entry)
                {
                    Error(
                        entryWhere + " must be an object such as { \"type\": \"integer\", \"description\": \"Unix time when the limit resets\" }, not " + Describe(property.Value),
                        property.Value);
                    return null;
                }

                CheckKeys(entry, HeaderKeys, entryWhere);
                var ok = true;
                var type = HeaderValueType.String;
                var typeProperty = entry.Find("type");
                if (typeProperty != null)
                {
                    var index = typeProperty.Value is JsonString typeString ? Array.IndexOf(HeaderTypes, typeString.Value) : -1;
                    if (index >= 0)
                    {
                        type = (HeaderValueType)index;
                    }
                    else
                    {
                        var suggestion = typeProperty.Value is JsonString written ? Suggest(written.Value, HeaderTypes) : string.Empty;
                        Error("'type' of " + entryWhere + " must be one of " + QuotedList(HeaderTypes) + ", not " + Describe(typeProperty.Value) + suggestion, typeProperty.Value);
                        ok = false;
                    }
                }

                var description = OptionalString(entry, "description", entryWhere, "what the header's value is, as the documentation says it");
                var required = true;
                var requiredProperty = entry.Find("required");
                if (requiredProperty != null)
                {
                    if (requiredProperty.Value is JsonBoolean b)
                    {
                        required = b.Value;
                    }
                    else
                    {
                        Error("'required' of " + entryWhere + " must be true (the default: every response of the status carries it) or false, not " + Describe(requiredProperty.Value), requiredProperty.Value);
                        ok = false;
                    }
                }

                return ok ? new DocumentedHeader(name, type, description, required) : null;
            }

            /// <summary><c>errorBody.contentType</c>: a media type <c>type/subtype</c>; null when absent or invalid.</summary>
            private string? MapContentType(JsonObject bodyObject)
            {
                var property = bodyObject.Find("contentType");
                if (property == null)
                {
                    return null;
                }

                const string requirement = "'contentType' of errorBody must be a media type written type/subtype without parameters, such as \"application/problem+json\"";
                if (property.Value is not JsonString s)
                {
                    Error(requirement + ", not " + Describe(property.Value), property.Value);
                    return null;
                }

                var slash = s.Value.IndexOf('/');
                if (slash <= 0
                    || !ResponseHeadersContract.IsToken(s.Value.Substring(0, slash))
                    || !ResponseHeadersContract.IsToken(s.Value.Substring(slash + 1)))
                {
                    Error(requirement + ", not " + Describe(property.Value), property.Value);
                    return null;
                }

                return s.Value;
            }
        }
    }
}
