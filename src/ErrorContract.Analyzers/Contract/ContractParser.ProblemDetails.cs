using System;
using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>
    /// <c>"format": "problemDetails"</c> on errorBody: every error body is RFC 9457 problem details, with the per-status
    /// <c>type</c> URIs as the error codes, optionally relative to <c>typeBase</c>.
    /// </summary>
    public static partial class ContractParser
    {
        /// <summary>The values of errorBody's <c>format</c>.</summary>
        internal static readonly string[] BodyFormats = { "object", "problemDetails" };

        private sealed partial class Mapper
        {
            /// <summary>True when errorBody says <c>"format": "problemDetails"</c>; a wrong value is reported.</summary>
            private bool ReadProblemDetailsFormat(JsonObject bodyObject)
            {
                var property = bodyObject.Find("format");
                if (property == null)
                {
                    return false;
                }

                if (property.Value is JsonString s && Array.IndexOf(BodyFormats, s.Value) >= 0)
                {
                    return s.Value == "problemDetails";
                }

                var written = property.Value is JsonString other ? other.Value : string.Empty;
                Error(
                    "'format' of errorBody must be \"problemDetails\" (every error body is RFC 9457 problem details, as ASP.NET Core's Problem() writes it) or \"object\" (the body is the object 'fields' describes, the default), not "
                        + Describe(property.Value) + Suggest(written, BodyFormats),
                    property.Value);
                return false;
            }

            /// <summary>
            /// The fields of a problem-details body: the RFC members, each replaced by a field of the same name the contract
            /// declares itself, then the contract's own extension members.
            /// </summary>
            private static ImmutableArray<BodyField> WithProblemDetailsMembers(ImmutableArray<BodyField> declared)
            {
                var builder = ImmutableArray.CreateBuilder<BodyField>();
                foreach (var member in ProblemDetailsMembers.Declared)
                {
                    builder.Add(BodyField.FindIn(declared, member.Name) ?? member);
                }

                foreach (var field in declared)
                {
                    if (BodyField.FindIn(ProblemDetailsMembers.Declared, field.Name) == null)
                    {
                        builder.Add(field);
                    }
                }

                return builder.ToImmutable();
            }

            /// <summary>
            /// errorBody's <c>typeBase</c>: an absolute URI that relative problem types are resolved against. Only with
            /// <c>"format": "problemDetails"</c>.
            /// </summary>
            private string? ReadTypeBase(JsonObject bodyObject, bool problemDetails)
            {
                var property = bodyObject.Find("typeBase");
                if (property == null)
                {
                    return null;
                }

                var value = ExpectString(property, "'typeBase' of errorBody must be a string, the absolute URI every problem type starts with, such as \"https://example.com/probs/\"");
                if (value == null)
                {
                    return null;
                }

                if (!problemDetails)
                {
                    Error("'typeBase' of errorBody is only used with \"format\": \"problemDetails\" (it is the URI the problem 'type' of each status is relative to); add the format or remove 'typeBase'", property.Key);
                    return null;
                }

                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https" && uri.Scheme != "urn" && uri.Scheme != "tag"))
                {
                    Error("'typeBase' of errorBody must be an absolute URI such as \"https://example.com/probs/\", not " + Describe(property.Value), property.Value);
                    return null;
                }

                return value;
            }

            /// <summary>
            /// Resolves every relative problem type (an <c>errorCode</c>, <c>errorCodes</c> or catalog code without a scheme,
            /// such as <c>not-found</c>) against <c>typeBase</c>: <c>https://example.com/probs/not-found</c>.
            /// </summary>
            private static ImmutableSortedDictionary<int, StatusEntry>? ResolveProblemTypes(ImmutableSortedDictionary<int, StatusEntry>? statuses, ErrorBodyShape? body, ref ImmutableArray<CatalogCode> catalog)
            {
                var typeBase = body?.TypeBase;
                if (statuses == null || typeBase == null)
                {
                    return statuses;
                }

                var builder = statuses.ToBuilder();
                foreach (var entry in statuses.Values)
                {
                    if (entry.ErrorCodes.IsEmpty)
                    {
                        continue;
                    }

                    var codes = ImmutableArray.CreateBuilder<string>(entry.ErrorCodes.Length);
                    foreach (var code in entry.ErrorCodes)
                    {
                        codes.Add(Resolve(typeBase, code));
                    }

                    builder[entry.Code] = new StatusEntry(entry.Code, entry.Description, codes.MoveToImmutable(), entry.Message, entry.RequiredFields);
                }

                if (!catalog.IsDefaultOrEmpty)
                {
                    var resolved = ImmutableArray.CreateBuilder<CatalogCode>(catalog.Length);
                    foreach (var code in catalog)
                    {
                        resolved.Add(new CatalogCode(Resolve(typeBase, code.Code), code.Status, code.Message, code.Description));
                    }

                    catalog = resolved.MoveToImmutable();
                }

                return builder.ToImmutable();
            }

            /// <summary>True when some status documents its problem type (then 'type' is the code field).</summary>
            private static bool DocumentsCodes(ImmutableSortedDictionary<int, StatusEntry>? statuses)
            {
                if (statuses != null)
                {
                    foreach (var entry in statuses.Values)
                    {
                        if (!entry.ErrorCodes.IsEmpty)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private static string Resolve(string typeBase, string type) => type.IndexOf(':') >= 0 ? type : typeBase + type;
        }
    }
}
