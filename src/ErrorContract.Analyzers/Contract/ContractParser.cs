using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>Reads the text of an <c>errorcontract.json</c> file. Never throws on bad input.</summary>
    public static partial class ContractParser
    {
        public const string FileName = "errorcontract.json";

        internal static readonly string[] RootKeys = { "$schema", "name", "successStatuses", "statuses", "replacements", "errorBody", "authorization", "codes", "apiRoutes" };
        internal static readonly string[] StatusKeys = { "description", "errorCode", "errorCodes", "message", "requiredFields", "headers" };
        internal static readonly string[] ErrorBodyKeys = { "fields", "codeField", "messageField", "validation", "additionalFields", "contentType", "format", "typeBase" };
        internal static readonly string[] FieldKeys = { "type", "required", "description", "fields", "additionalFields", "items", "enum", "const", "equalsStatus", "statuses" };
        internal static readonly string[] ValidationKeys = { "field", "statuses", "itemFields" };
        internal static readonly string[] AuthorizationKeys = { "header", "bearer", "keyPrefix", "scheme", "never" };
        internal static readonly string[] FieldTypes = { "string", "integer", "number", "boolean", "array", "object" };

        /// <summary>Parses a contract, collecting every problem with its position. Never throws.</summary>
        public static ContractParseResult Parse(string text)
        {
            try
            {
                return new Mapper(text).Map();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug in the reader must not take the compiler down with it; say so at the start of the file.
                return new ContractParseResult(
                    null,
                    new List<ContractError> { new ContractError("the contract could not be read (internal error: " + ex.GetType().Name + ": " + ex.Message + ")", 0, 0, 0, 0) });
            }
        }

        private sealed partial class Mapper
        {
            private readonly string text;
            private readonly List<ContractError> errors = new List<ContractError>();
            private TextPositions positions = new TextPositions(string.Empty);

            /// <summary>errorBody's <c>"format": "problemDetails"</c>, read once with the error body's fields.</summary>
            private bool problemDetails;

            public Mapper(string? text)
            {
                this.text = text ?? string.Empty;
            }

            public ContractParseResult Map()
            {
                var read = JsonReader.Read(text);
                positions = read.Positions;
                errors.AddRange(read.Errors);
                if (read.Root == null)
                {
                    return new ContractParseResult(null, errors);
                }

                if (read.Root is not JsonObject root)
                {
                    Error("the contract must be a JSON object ({ \"statuses\": ..., \"errorBody\": ... }), not " + Describe(read.Root), read.Root);
                    return new ContractParseResult(null, errors);
                }

                var contract = MapRoot(root);
                StableSort();
                return new ContractParseResult(errors.Count == 0 ? contract : null, errors);
            }

            private void StableSort()
            {
                // List.Sort is not stable; redo it as an insertion sort, which is, for errors at the same offset.
                for (var i = 1; i < errors.Count; i++)
                {
                    var current = errors[i];
                    var j = i - 1;
                    while (j >= 0 && errors[j].Start > current.Start)
                    {
                        errors[j + 1] = errors[j];
                        j--;
                    }

                    errors[j + 1] = current;
                }
            }

            private ErrorContractModel? MapRoot(JsonObject root)
            {
                CheckKeys(root, RootKeys, "the contract root");

                var schema = root.Find("$schema");
                if (schema != null && schema.Value is not JsonString)
                {
                    Error("'$schema' must be a string (the path or URL of errorcontract.schema.json), not " + Describe(schema.Value), schema.Value);
                }

                string? name = null;
                var nameProperty = root.Find("name");
                if (nameProperty != null)
                {
                    name = ExpectString(nameProperty, "'name' must be a string naming the API, such as \"Artworks API\"");
                }

                var restricted = true;
                var success = root.Find("successStatuses");
                if (success != null)
                {
                    if (success.Value is JsonString s && s.Value == "documented")
                    {
                        restricted = true;
                    }
                    else if (success.Value is JsonString a && a.Value == "any")
                    {
                        restricted = false;
                    }
                    else
                    {
                        Error(
                            "'successStatuses' must be \"documented\" (only the listed 1xx-3xx statuses are allowed) or \"any\" (success statuses are not restricted), not "
                                + Describe(success.Value),
                            success.Value);
                    }
                }

                if (root.Find("statuses") == null)
                {
                    Error("the contract root has no 'statuses'; add \"statuses\": { \"400\": { \"description\": \"...\" }, ... } listing every status the API documents", root.Start, 1);
                }

                // The error body comes first: status entries name its fields.
                ErrorBodyShape? body = null;
                var bodyProperty = root.Find("errorBody");
                if (bodyProperty == null)
                {
                    Error("the contract root has no 'errorBody'; add \"errorBody\": { \"fields\": { ... } } describing the JSON body of every error response", root.Start, 1);
                }
                else if (bodyProperty.Value is JsonObject bodyObject)
                {
                    body = MapErrorBodyFields(bodyProperty, bodyObject);
                }
                else
                {
                    Error("'errorBody' must be an object such as { \"fields\": { \"message\": { \"type\": \"string\" } } }, not " + Describe(bodyProperty.Value), bodyProperty.Value);
                }

                var bodyFieldsKnown = body != null;
                ImmutableSortedDictionary<int, StatusEntry>? statuses = null;
                var statusesComplete = false;
                var statusesProperty = root.Find("statuses");
                if (statusesProperty?.Value is JsonObject statusesObject)
                {
                    statuses = MapStatuses(statusesProperty, statusesObject, body, bodyFieldsKnown, out statusesComplete);
                }
                else if (statusesProperty != null)
                {
                    Error("'statuses' must be an object mapping status codes to entries, such as { \"404\": { \"description\": \"Not found\" } }, not " + Describe(statusesProperty.Value), statusesProperty.Value);
                }

                // Documented-status checks only make sense when every status key could be read.
                var known = statusesComplete ? statuses : null;

                if (body != null && bodyProperty?.Value is JsonObject bodyObj)
                {
                    body = MapErrorBodyRest(bodyObj, body, known, restricted);
                }

                statuses = MapBodyLanguage(root, body, statuses, known, out var codes);
                statuses = ResolveProblemTypes(statuses, body, ref codes);
                if (body != null && body.CodeField != null && statuses != null && statusesProperty?.Value is JsonObject so)
                {
                    foreach (var property in so.Properties)
                    {
                        if (TryParseStatus(property.Name, out var code) && code >= 400 && statuses.TryGetValue(code, out var entry) && entry.ErrorCode == null && !HasCatalogCode(codes, code))
                        {
                            Error(
                                "status \"" + property.Name + "\" has no 'errorCode', but errorBody.codeField is \"" + body.CodeField
                                    + "\", so every error status (400 and above) needs one; add \"errorCode\": \"...\" with the value of the '" + body.CodeField + "' field for this status",
                                property.Key);
                        }
                    }
                }

                var replacements = ImmutableSortedDictionary<int, int>.Empty;
                var replacementsProperty = root.Find("replacements");
                if (replacementsProperty != null)
                {
                    replacements = MapReplacements(replacementsProperty, known, restricted);
                }

                AuthorizationContract? authorization = null;
                var authorizationProperty = root.Find("authorization");
                if (authorizationProperty != null)
                {
                    authorization = MapAuthorization(authorizationProperty);
                }

                var headers = statusesProperty?.Value is JsonObject headerStatuses ? MapHeaders(headerStatuses) : null;
                var contentType = bodyProperty?.Value is JsonObject contentTypeOwner ? MapContentType(contentTypeOwner) : null;

                var apiRoutesProperty = root.Find("apiRoutes");
                var apiRoutes = apiRoutesProperty != null ? MapApiRoutes(apiRoutesProperty) : ImmutableArray<string>.Empty;

                if (statuses == null || body == null || errors.Count > 0)
                {
                    return null;
                }

                return new ErrorContractModel(name, statuses, restricted, replacements, body, authorization, codes, headers, contentType)
                {
                    ApiRoutes = apiRoutes,
                };
            }

            private ImmutableSortedDictionary<int, StatusEntry>? MapStatuses(JsonProperty owner, JsonObject statusesObject, ErrorBodyShape? body, bool bodyFieldsKnown, out bool complete)
            {
                complete = true;
                if (statusesObject.Properties.Count == 0)
                {
                    Error("'statuses' is empty; list at least one documented status, such as \"400\": { \"description\": \"Bad request\" }", statusesObject);
                    complete = false;
                    return null;
                }

                var builder = ImmutableSortedDictionary.CreateBuilder<int, StatusEntry>();
                foreach (var property in statusesObject.Properties)
                {
                    if (!TryParseStatus(property.Name, out var code))
                    {
                        Error(ImpossibleStatus(property.Name, "a key of 'statuses'"), property.Key);
                        complete = false;
                        continue;
                    }

                    if (builder.ContainsKey(code))
                    {
                        // Only reachable through distinct spellings, which TryParseStatus does not allow; kept for safety.
                        continue;
                    }

                    var where = "status \"" + property.Name + "\"";
                    if (property.Value is not JsonObject entry)
                    {
                        Error(where + " must be an object such as { \"description\": \"...\" }, not " + Describe(property.Value), property.Value);
                        builder.Add(code, new StatusEntry(code, null, null, null, ImmutableArray<string>.Empty));
                        continue;
                    }

                    CheckKeys(entry, StatusKeys, where);
                    var description = OptionalString(entry, "description", where, "the meaning of the status as the API's documentation states it");
                    var errorCodes = ReadStatusCodes(entry, where);

                    var message = OptionalString(entry, "message", where, "the default message a fix writes into the body");
                    var required = ImmutableArray<string>.Empty;
                    var requiredProperty = entry.Find("requiredFields");
                    if (requiredProperty != null)
                    {
                        required = ReadStringArray(requiredProperty, "'requiredFields' of " + where, allowEmpty: true);
                        if (bodyFieldsKnown && body != null && requiredProperty.Value is JsonArray array)
                        {
                            foreach (var item in array.Items)
                            {
                                if (item is JsonString s && s.Value.Length > 0)
                                {
                                    CheckRequiredPath(body, s, where);
                                }
                            }
                        }
                    }

                    builder.Add(code, new StatusEntry(code, description, errorCodes, message, required));
                }

                return builder.ToImmutable();
            }

            private ErrorBodyShape? MapErrorBodyFields(JsonProperty owner, JsonObject bodyObject)
            {
                CheckKeys(bodyObject, ErrorBodyKeys, "'errorBody'");
                problemDetails = ReadProblemDetailsFormat(bodyObject);
                var fieldsProperty = bodyObject.Find("fields");
                if (fieldsProperty == null && problemDetails)
                {
                    return new ErrorBodyShape(ProblemDetailsMembers.Declared, null, null, null);
                }

                if (fieldsProperty == null)
                {
                    Error("'errorBody' has no 'fields'; add \"fields\": { \"message\": { \"type\": \"string\", \"required\": true } } listing every field of an error body", owner.Key);
                    return null;
                }

                if (fieldsProperty.Value is not JsonObject fieldsObject)
                {
                    Error("'errorBody.fields' must be an object mapping field names to { \"type\": ... }, not " + Describe(fieldsProperty.Value), fieldsProperty.Value);
                    return null;
                }

                if (fieldsObject.Properties.Count == 0)
                {
                    Error("'errorBody.fields' is empty; declare at least one field, such as \"message\": { \"type\": \"string\", \"required\": true }", fieldsObject);
                    return null;
                }

                var fields = ImmutableArray.CreateBuilder<BodyField>();
                foreach (var property in fieldsObject.Properties)
                {
                    var where = "field '" + property.Name + "' of errorBody.fields";
                    if (property.Name.Length == 0)
                    {
                        Error("errorBody.fields has a field with an empty name; give it the name it has in the JSON body", property.Key);
                        continue;
                    }

                    if (property.Value is not JsonObject fieldObject)
                    {
                        Error(where + " must be an object such as { \"type\": \"string\", \"required\": true }, not " + Describe(property.Value), property.Value);
                        fields.Add(new BodyField(property.Name, BodyFieldType.Object, false));
                        continue;
                    }

                    fields.Add(MapField(property.Name, property.Name, property.Key, fieldObject, isItem: false));
                }

                return new ErrorBodyShape(problemDetails ? WithProblemDetailsMembers(fields.ToImmutable()) : fields.ToImmutable(), null, null, null);
            }

            private ErrorBodyShape MapErrorBodyRest(JsonObject bodyObject, ErrorBodyShape shape, ImmutableSortedDictionary<int, StatusEntry>? statuses, bool restricted)
            {
                var codeField = FieldPath(bodyObject, "codeField", shape, CodeTypes, "the field that holds the per-status error code");
                var messageField = FieldPath(bodyObject, "messageField", shape, MessageTypes, "the field that holds the human-readable message");
                ValidationVariant? validation = null;
                var validationProperty = bodyObject.Find("validation");
                if (validationProperty != null)
                {
                    validation = MapValidation(validationProperty, shape, statuses, restricted);
                }

                // Problem details: the per-status code is the problem 'type', the per-status message its 'title', and extension
                // members are allowed, unless the contract says otherwise.
                var additionalFields = ReadAdditionalFields(bodyObject);
                if (problemDetails)
                {
                    codeField ??= bodyObject.Find("codeField") == null && DocumentsCodes(statuses) ? ProblemDetailsMembers.Type : null;
                    messageField ??= bodyObject.Find("messageField") == null ? ProblemDetailsMembers.Title : null;
                    additionalFields |= bodyObject.Find("additionalFields") == null;
                }

                return new ErrorBodyShape(shape.Fields, codeField, messageField, validation, additionalFields, problemDetails, ReadTypeBase(bodyObject, problemDetails));
            }

            private string? FieldReference(JsonObject owner, string key, ErrorBodyShape shape, BodyFieldType expected, string purpose, string where = "errorBody")
            {
                var property = owner.Find(key);
                if (property == null)
                {
                    return null;
                }

                var expectedName = FieldTypes[(int)expected];
                if (property.Value is not JsonString s)
                {
                    Error("'" + key + "' of " + where + " must be a string naming a declared " + expectedName + " field (" + purpose + "), not " + Describe(property.Value), property.Value);
                    return null;
                }

                var field = shape.Find(s.Value);
                if (field == null)
                {
                    Error(
                        "'" + key + "' of " + where + " names '" + s.Value + "', which is not declared in errorBody.fields; declared fields: " + FieldList(shape)
                            + Suggest(s.Value, FieldNames(shape)),
                        s);
                    return null;
                }

                if (field.Type != expected)
                {
                    Error(
                        "'" + key + "' of " + where + " names '" + s.Value + "', which is declared with type \"" + FieldTypes[(int)field.Type] + "\"; it must name a field of type \"" + expectedName + "\"",
                        s);
                    return null;
                }

                return s.Value;
            }

            private ValidationVariant? MapValidation(JsonProperty property, ErrorBodyShape shape, ImmutableSortedDictionary<int, StatusEntry>? statuses, bool restricted)
            {
                if (property.Value is not JsonObject validation)
                {
                    Error(
                        "'validation' of errorBody must be an object such as { \"field\": \"errors\", \"statuses\": [400], \"itemFields\": [\"field\", \"message\"] }, not " + Describe(property.Value),
                        property.Value);
                    return null;
                }

                CheckKeys(validation, ValidationKeys, "errorBody.validation");
                var ok = true;
                var field = FieldReference(validation, "field", shape, BodyFieldType.Array, "the body field that holds the list of problems", "errorBody.validation");
                if (validation.Find("field") == null)
                {
                    Error("errorBody.validation has no 'field'; add \"field\": the name of the array field that holds the list, such as \"errors\"", property.Key);
                }

                ok &= field != null;

                var codes = ImmutableArray.CreateBuilder<int>();
                var statusesProperty = validation.Find("statuses");
                if (statusesProperty == null)
                {
                    Error("errorBody.validation has no 'statuses'; add \"statuses\": the documented statuses whose bodies may carry the list, such as [400]", property.Key);
                    ok = false;
                }
                else if (statusesProperty.Value is not JsonArray array)
                {
                    Error("'statuses' of errorBody.validation must be an array of documented status codes, such as [400], not " + Describe(statusesProperty.Value), statusesProperty.Value);
                    ok = false;
                }
                else if (array.Items.Count == 0)
                {
                    Error("'statuses' of errorBody.validation is empty; list the documented statuses whose bodies may carry the list, such as [400]", array);
                    ok = false;
                }
                else
                {
                    foreach (var item in array.Items)
                    {
                        if (item is not JsonNumber number || !number.TryGetInt32(out var code))
                        {
                            Error("each item of 'statuses' in errorBody.validation must be a status code integer such as 400, not " + Describe(item), item);
                            ok = false;
                            continue;
                        }

                        if (code < 100 || code > 599)
                        {
                            Error(ImpossibleStatus(number.Text, "an item of errorBody.validation.statuses"), item);
                            ok = false;
                            continue;
                        }

                        if (statuses != null && !IsDocumented(statuses, restricted, code))
                        {
                            Error(
                                "errorBody.validation.statuses lists " + number.Text + ", which is not a documented status; the contract documents " + string.Join(", ", statuses.Keys),
                                item);
                            ok = false;
                            continue;
                        }

                        if (codes.Contains(code))
                        {
                            Error("errorBody.validation.statuses lists " + number.Text + " twice; list each status once", item);
                            ok = false;
                            continue;
                        }

                        codes.Add(code);
                    }
                }

                var itemFields = ImmutableArray<string>.Empty;
                var itemFieldsProperty = validation.Find("itemFields");
                if (itemFieldsProperty == null)
                {
                    Error("errorBody.validation has no 'itemFields'; add \"itemFields\": the fields of every item of the list, such as [\"field\", \"message\", \"code\"]", property.Key);
                    ok = false;
                }
                else
                {
                    itemFields = ReadStringArray(itemFieldsProperty, "'itemFields' of errorBody.validation", allowEmpty: false);
                    ok &= !itemFields.IsDefaultOrEmpty;
                }

                return ok && field != null ? new ValidationVariant(field, codes.ToImmutable(), itemFields) : null;
            }

            private ImmutableSortedDictionary<int, int> MapReplacements(JsonProperty property, ImmutableSortedDictionary<int, StatusEntry>? statuses, bool restricted)
            {
                var builder = ImmutableSortedDictionary.CreateBuilder<int, int>();
                if (property.Value is not JsonObject replacements)
                {
                    Error("'replacements' must be an object mapping undocumented statuses to documented ones, such as { \"422\": 400 }, not " + Describe(property.Value), property.Value);
                    return builder.ToImmutable();
                }

                foreach (var entry in replacements.Properties)
                {
                    if (!TryParseStatus(entry.Name, out var from))
                    {
                        Error(ImpossibleStatus(entry.Name, "a key of 'replacements'"), entry.Key);
                        continue;
                    }

                    if (statuses != null && IsDocumented(statuses, restricted, from))
                    {
                        Error(
                            "replacement \"" + entry.Name + "\" replaces a status the contract documents"
                                + (statuses.ContainsKey(from) ? string.Empty : " (success statuses are not restricted, because 'successStatuses' is \"any\")")
                                + "; only undocumented statuses can be replaced, so remove this entry",
                            entry.Key);
                        continue;
                    }

                    if (entry.Value is not JsonNumber number || !number.IsInteger)
                    {
                        Error(
                            "the replacement for \"" + entry.Name + "\" must be a documented status code written as an integer, such as 400, not " + Describe(entry.Value),
                            entry.Value);
                        continue;
                    }

                    if (!number.TryGetInt32(out var to) || to < 100 || to > 599)
                    {
                        Error(ImpossibleStatus(number.Text, "the replacement for \"" + entry.Name + "\""), entry.Value);
                        continue;
                    }

                    if (statuses != null && !IsDocumented(statuses, restricted, to))
                    {
                        Error(
                            "replacement \"" + entry.Name + "\" -> " + number.Text + " targets a status the contract does not document; a replacement must be one of the documented statuses: "
                                + string.Join(", ", statuses.Keys),
                            entry.Value);
                        continue;
                    }

                    builder[from] = to;
                }

                return builder.ToImmutable();
            }

            private ImmutableArray<string> ReadStringArray(JsonProperty property, string what, bool allowEmpty)
            {
                if (property.Value is not JsonArray array)
                {
                    Error(what + " must be an array of strings, such as [\"retry_after\"], not " + Describe(property.Value), property.Value);
                    return ImmutableArray<string>.Empty;
                }

                if (array.Items.Count == 0 && !allowEmpty)
                {
                    Error(what + " is empty; list at least one field name", array);
                    return ImmutableArray<string>.Empty;
                }

                var builder = ImmutableArray.CreateBuilder<string>();
                foreach (var item in array.Items)
                {
                    if (item is not JsonString s)
                    {
                        Error("each item of " + what + " must be a string (a field name), not " + Describe(item), item);
                        continue;
                    }

                    if (s.Value.Length == 0)
                    {
                        Error(what + " holds an empty field name; write the field's name as it appears in the JSON body", item);
                        continue;
                    }

                    if (builder.Contains(s.Value))
                    {
                        Error(what + " lists '" + s.Value + "' twice; list each field once", item);
                        continue;
                    }

                    builder.Add(s.Value);
                }

                return builder.ToImmutable();
            }

            private string? OptionalString(JsonObject owner, string key, string where, string purpose)
            {
                var property = owner.Find(key);
                if (property == null)
                {
                    return null;
                }

                return ExpectString(property, "'" + key + "' of " + where + " must be a string (" + purpose + ")");
            }

            private string? ExpectString(JsonProperty property, string requirement)
            {
                if (property.Value is JsonString s)
                {
                    return s.Value;
                }

                Error(requirement + ", not " + Describe(property.Value), property.Value);
                return null;
            }

            private void CheckKeys(JsonObject node, string[] allowed, string where)
            {
                foreach (var property in node.Properties)
                {
                    if (Array.IndexOf(allowed, property.Name) < 0)
                    {
                        Error(
                            "unknown property '" + property.Name + "' in " + where + Suggest(property.Name, allowed) + "; expected one of: " + string.Join(", ", allowed),
                            property.Key);
                    }
                }
            }

            private void Error(string message, JsonNode node) => Error(message, node.Start, node.Length);

            private void Error(string message, int start, int length) => errors.Add(positions.Error(message, start, length));

            private static bool IsDocumented(ImmutableSortedDictionary<int, StatusEntry> statuses, bool restricted, int status)
                => statuses.ContainsKey(status) || (status < 400 && !restricted);

            /// <summary>A status key: digits only, no sign or leading zero, from 100 to 599.</summary>
            private static bool TryParseStatus(string key, out int code)
            {
                code = 0;
                if (key.Length != 3)
                {
                    return false;
                }

                foreach (var c in key)
                {
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }

                    code = (code * 10) + (c - '0');
                }

                return code >= 100 && code <= 599;
            }

            private static string ImpossibleStatus(string written, string where)
                => "\"" + Shorten(written) + "\" (" + where + ") is an impossible status; a status must be an HTTP status code from 100 to 599, such as 404";

            private static string FieldList(ErrorBodyShape body) => string.Join(", ", FieldNames(body));

            private static string[] FieldNames(ErrorBodyShape body)
            {
                var names = new string[body.Fields.Length];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = body.Fields[i].Name;
                }

                return names;
            }

            private static string QuotedList(string[] values)
            {
                var builder = new StringBuilder();
                for (var i = 0; i < values.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(i == values.Length - 1 ? " or " : ", ");
                    }

                    builder.Append('"').Append(values[i]).Append('"');
                }

                return builder.ToString();
            }

            /// <summary>" (did you mean 'statuses'?)" when a known name is one or two edits away.</summary>
            private static string Suggest(string written, string[] known)
            {
                string? best = null;
                var bestDistance = int.MaxValue;
                foreach (var candidate in known)
                {
                    var distance = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = candidate;
                    }
                }

                return best != null && bestDistance <= 2 && bestDistance < written.Length ? " (did you mean '" + best + "'?)" : string.Empty;
            }

            private static int Distance(string a, string b)
            {
                if (a.Length > 64 || b.Length > 64)
                {
                    return int.MaxValue;
                }

                var previous = new int[b.Length + 1];
                var current = new int[b.Length + 1];
                for (var j = 0; j <= b.Length; j++)
                {
                    previous[j] = j;
                }

                for (var i = 1; i <= a.Length; i++)
                {
                    current[0] = i;
                    for (var j = 1; j <= b.Length; j++)
                    {
                        var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                        current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                    }

                    var swap = previous;
                    previous = current;
                    current = swap;
                }

                return previous[b.Length];
            }

            private static string Describe(JsonNode node) => JsonDescription.Describe(node, 40);

            private static string Shorten(string value) => JsonDescription.Shorten(value, 40);
        }
    }
}
