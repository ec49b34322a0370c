using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>
    /// The error body language: field declarations with nested fields, items, value constraints and per-status fields, dotted
    /// code and message paths, several codes per status and the root <c>codes</c> catalog.
    /// </summary>
    public static partial class ContractParser
    {
        /// <summary>The keys of an <c>items</c> declaration: a field without a name, a requirement or statuses of its own.</summary>
        internal static readonly string[] ItemKeys = { "type", "description", "fields", "additionalFields", "items", "enum", "const" };

        /// <summary>The keys of one entry of the root <c>codes</c> catalog.</summary>
        internal static readonly string[] CatalogKeys = { "status", "message", "description" };

        private static readonly BodyFieldType[] CodeTypes = { BodyFieldType.String, BodyFieldType.Integer };

        private static readonly BodyFieldType[] MessageTypes = { BodyFieldType.String };

        private sealed partial class Mapper
        {
            /// <summary><c>additionalFields</c> of errorBody: true when fields not listed are allowed.</summary>
            private bool ReadAdditionalFields(JsonObject bodyObject)
            {
                var property = bodyObject.Find("additionalFields");
                if (property == null)
                {
                    return false;
                }

                if (property.Value is JsonBoolean open)
                {
                    return open.Value;
                }

                Error("'additionalFields' of errorBody must be true (fields not listed are allowed, such as problem-details extension members) or false (they are not), not " + Describe(property.Value), property.Value);
                return false;
            }

            /// <summary>The codes a status lists (<c>errorCode</c>, <c>errorCodes</c>), checked against the code field's type once it is known.</summary>
            private readonly List<KeyValuePair<JsonNode, string>> statusCodeNodes = new List<KeyValuePair<JsonNode, string>>();

            /// <summary>The <c>statuses</c> of field declarations, checked once the documented statuses are known.</summary>
            private readonly List<KeyValuePair<JsonArray, string>> fieldStatusLists = new List<KeyValuePair<JsonArray, string>>();

            /// <summary>One field declaration of errorBody.fields (or, recursively, of an object field's fields or an array's items).</summary>
            private BodyField MapField(string name, string path, JsonNode key, JsonObject fieldObject, bool isItem)
            {
                var where = isItem ? "the 'items' of field '" + path + "' of errorBody.fields" : "field '" + path + "' of errorBody.fields";
                var childPath = isItem ? path + "[]" : path;
                CheckKeys(fieldObject, isItem ? ItemKeys : FieldKeys, where);
                var type = BodyFieldType.Object;
                var typeKnown = false;
                var typeProperty = fieldObject.Find("type");
                if (typeProperty == null)
                {
                    Error(where + " has no 'type'; add \"type\": one of " + QuotedList(FieldTypes), key);
                }
                else if (typeProperty.Value is JsonString typeString && Array.IndexOf(FieldTypes, typeString.Value) >= 0)
                {
                    type = (BodyFieldType)Array.IndexOf(FieldTypes, typeString.Value);
                    typeKnown = true;
                }
                else
                {
                    Error("'type' of " + where + " must be one of " + QuotedList(FieldTypes) + ", not " + Describe(typeProperty.Value), typeProperty.Value);
                }

                var required = false;
                var requiredProperty = isItem ? null : fieldObject.Find("required");
                if (requiredProperty != null)
                {
                    if (requiredProperty.Value is JsonBoolean b)
                    {
                        required = b.Value;
                    }
                    else
                    {
                        Error("'required' of " + where + " must be true or false, not " + Describe(requiredProperty.Value), requiredProperty.Value);
                    }
                }

                var description = OptionalString(fieldObject, "description", where, "what the field holds, from the API's documentation");
                var fields = ImmutableArray<BodyField>.Empty;
                var fieldsProperty = fieldObject.Find("fields");
                if (fieldsProperty != null)
                {
                    if (typeKnown && type != BodyFieldType.Object)
                    {
                        Error("'fields' of " + where + " is only allowed with \"type\": \"object\"; the field is declared with type \"" + FieldTypes[(int)type] + "\"", fieldsProperty.Key);
                    }
                    else
                    {
                        fields = MapNestedFields(fieldsProperty, childPath, where);
                    }
                }

                var additional = false;
                var additionalProperty = fieldObject.Find("additionalFields");
                if (additionalProperty != null)
                {
                    if (additionalProperty.Value is not JsonBoolean open)
                    {
                        Error("'additionalFields' of " + where + " must be true (fields not listed are allowed) or false (they are not), not " + Describe(additionalProperty.Value), additionalProperty.Value);
                    }
                    else if (typeKnown && type != BodyFieldType.Object)
                    {
                        Error("'additionalFields' of " + where + " is only allowed with \"type\": \"object\"; the field is declared with type \"" + FieldTypes[(int)type] + "\"", additionalProperty.Key);
                    }
                    else
                    {
                        additional = open.Value;
                    }
                }

                BodyField? items = null;
                var itemsProperty = fieldObject.Find("items");
                if (itemsProperty != null)
                {
                    if (typeKnown && type != BodyFieldType.Array)
                    {
                        Error("'items' of " + where + " is only allowed with \"type\": \"array\"; the field is declared with type \"" + FieldTypes[(int)type] + "\"", itemsProperty.Key);
                    }
                    else if (itemsProperty.Value is JsonObject itemObject)
                    {
                        items = MapField(string.Empty, childPath, itemsProperty.Key, itemObject, isItem: true);
                    }
                    else
                    {
                        Error("'items' of " + where + " must be an object declaring every item, such as { \"type\": \"string\" }, not " + Describe(itemsProperty.Value), itemsProperty.Value);
                    }
                }

                var enumValues = ImmutableArray<ContractValue>.Empty;
                var enumProperty = fieldObject.Find("enum");
                if (enumProperty != null)
                {
                    enumValues = MapEnum(enumProperty, type, typeKnown, where);
                }

                ContractValue? constant = null;
                var constProperty = fieldObject.Find("const");
                if (constProperty != null)
                {
                    if (enumProperty != null)
                    {
                        Error("'const' of " + where + " cannot be used together with 'enum'; a field with one value needs 'const' only", constProperty.Key);
                    }
                    else if (CanHoldValues(type, typeKnown, "const", where, constProperty))
                    {
                        constant = ReadValue(constProperty.Value, type, "'const' of " + where);
                    }
                }

                var equalsStatus = false;
                var equalsProperty = isItem ? null : fieldObject.Find("equalsStatus");
                if (equalsProperty != null)
                {
                    if (equalsProperty.Value is not JsonBoolean equals)
                    {
                        Error("'equalsStatus' of " + where + " must be true (the field holds the response's HTTP status) or false, not " + Describe(equalsProperty.Value), equalsProperty.Value);
                    }
                    else if (equals.Value && typeKnown && type != BodyFieldType.Integer)
                    {
                        Error("'equalsStatus' of " + where + " is only allowed with \"type\": \"integer\" (an HTTP status is an integer); the field is declared with type \"" + FieldTypes[(int)type] + "\"", equalsProperty.Key);
                    }
                    else
                    {
                        equalsStatus = equals.Value;
                    }
                }

                var statuses = ImmutableArray<int>.Empty;
                var statusesProperty = isItem ? null : fieldObject.Find("statuses");
                if (statusesProperty != null)
                {
                    statuses = ReadFieldStatuses(statusesProperty, where);
                }

                return new BodyField(name, type, required, fields, additional, items, enumValues, constant, equalsStatus, statuses, description);
            }

            private ImmutableArray<BodyField> MapNestedFields(JsonProperty fieldsProperty, string path, string where)
            {
                if (fieldsProperty.Value is not JsonObject fieldsObject)
                {
                    Error("'fields' of " + where + " must be an object mapping field names to { \"type\": ... }, not " + Describe(fieldsProperty.Value), fieldsProperty.Value);
                    return ImmutableArray<BodyField>.Empty;
                }

                if (fieldsObject.Properties.Count == 0)
                {
                    Error("'fields' of " + where + " is empty; declare at least one field, or leave 'fields' out to allow any object", fieldsObject);
                    return ImmutableArray<BodyField>.Empty;
                }

                var fields = ImmutableArray.CreateBuilder<BodyField>(fieldsObject.Properties.Count);
                foreach (var property in fieldsObject.Properties)
                {
                    var childPath = path + "." + property.Name;
                    if (property.Name.Length == 0)
                    {
                        Error("'fields' of " + where + " has a field with an empty name; give it the name it has in the JSON body", property.Key);
                        continue;
                    }

                    if (property.Value is not JsonObject child)
                    {
                        Error("field '" + childPath + "' of errorBody.fields must be an object such as { \"type\": \"string\", \"required\": true }, not " + Describe(property.Value), property.Value);
                        continue;
                    }

                    fields.Add(MapField(property.Name, childPath, property.Key, child, isItem: false));
                }

                return fields.ToImmutable();
            }

            private bool CanHoldValues(BodyFieldType type, bool typeKnown, string key, string where, JsonProperty property)
            {
                if (typeKnown && (type == BodyFieldType.Object || type == BodyFieldType.Array))
                {
                    Error("'" + key + "' of " + where + " is only allowed on a string, integer, number or boolean field; the field is declared with type \"" + FieldTypes[(int)type] + "\"", property.Key);
                    return false;
                }

                return typeKnown;
            }

            private ImmutableArray<ContractValue> MapEnum(JsonProperty property, BodyFieldType type, bool typeKnown, string where)
            {
                if (property.Value is not JsonArray array)
                {
                    Error("'enum' of " + where + " must be an array of the values the field may hold, such as [\"api_error\", \"card_error\"], not " + Describe(property.Value), property.Value);
                    return ImmutableArray<ContractValue>.Empty;
                }

                if (array.Items.Count == 0)
                {
                    Error("'enum' of " + where + " is empty; list every value the field may hold, or leave 'enum' out", array);
                    return ImmutableArray<ContractValue>.Empty;
                }

                if (!CanHoldValues(type, typeKnown, "enum", where, property))
                {
                    return ImmutableArray<ContractValue>.Empty;
                }

                var values = ImmutableArray.CreateBuilder<ContractValue>(array.Items.Count);
                foreach (var item in array.Items)
                {
                    var value = ReadValue(item, type, "each value of 'enum' of " + where);
                    if (value == null)
                    {
                        continue;
                    }

                    if (values.Contains(value))
                    {
                        Error("'enum' of " + where + " lists " + value.Json + " twice; list each value once", item);
                        continue;
                    }

                    values.Add(value);
                }

                return values.ToImmutable();
            }

            /// <summary>A value of the field's JSON type (an integer for an integer field), else an error and null.</summary>
            private ContractValue? ReadValue(JsonNode node, BodyFieldType type, string what)
            {
                switch (node)
                {
                    case JsonString s when type == BodyFieldType.String:
                        return new ContractValue(BodyFieldType.String, s.Value);
                    case JsonNumber n when type == BodyFieldType.Number || (type == BodyFieldType.Integer && n.IsInteger):
                        return new ContractValue(type, n.Text);
                    case JsonBoolean b when type == BodyFieldType.Boolean:
                        return new ContractValue(BodyFieldType.Boolean, b.Value ? "true" : "false");
                    default:
                        Error(what + " must be " + TypeArticle(type) + ", the field's type, not " + Describe(node), node);
                        return null;
                }
            }

            private static string TypeArticle(BodyFieldType type)
            {
                switch (type)
                {
                    case BodyFieldType.Integer:
                        return "an integer";
                    case BodyFieldType.Number:
                        return "a number";
                    case BodyFieldType.Boolean:
                        return "a boolean (true or false)";
                    default:
                        return "a string";
                }
            }

            private ImmutableArray<int> ReadFieldStatuses(JsonProperty property, string where)
            {
                if (property.Value is not JsonArray array)
                {
                    Error("'statuses' of " + where + " must be an array of the documented error statuses whose bodies may carry the field, such as [422], not " + Describe(property.Value), property.Value);
                    return ImmutableArray<int>.Empty;
                }

                if (array.Items.Count == 0)
                {
                    Error("'statuses' of " + where + " is empty; list the documented error statuses whose bodies may carry the field, or leave 'statuses' out", array);
                    return ImmutableArray<int>.Empty;
                }

                var codes = ImmutableArray.CreateBuilder<int>(array.Items.Count);
                foreach (var item in array.Items)
                {
                    if (item is not JsonNumber number || !number.IsInteger || !number.TryGetInt32(out var code))
                    {
                        Error("each item of 'statuses' of " + where + " must be a status code integer such as 422, not " + Describe(item), item);
                        continue;
                    }

                    if (code < 100 || code > 599)
                    {
                        Error(ImpossibleStatus(number.Text, "an item of 'statuses' of " + where), item);
                        continue;
                    }

                    if (codes.Contains(code))
                    {
                        Error("'statuses' of " + where + " lists " + number.Text + " twice; list each status once", item);
                        continue;
                    }

                    codes.Add(code);
                }

                fieldStatusLists.Add(new KeyValuePair<JsonArray, string>(array, where));
                return codes.ToImmutable();
            }

            /// <summary>
            /// <c>codeField</c>/<c>messageField</c>: a declared field, by name or by a dotted path into nested objects
            /// (<c>"error.type"</c>), of one of the allowed types.
            /// </summary>
            private string? FieldPath(JsonObject owner, string key, ErrorBodyShape shape, BodyFieldType[] allowed, string purpose)
            {
                var property = owner.Find(key);
                if (property == null)
                {
                    return null;
                }

                var allowedNames = AllowedTypeNames(allowed);
                if (property.Value is not JsonString s)
                {
                    Error("'" + key + "' of errorBody must be a string naming a declared " + string.Join(" or ", AllowedTypeWords(allowed)) + " field, or a dotted path to one such as \"error.code\" (" + purpose + "), not " + Describe(property.Value), property.Value);
                    return null;
                }

                var field = ResolvePath(shape, s.Value, "'" + key + "' of errorBody", s);
                if (field == null)
                {
                    return null;
                }

                if (Array.IndexOf(allowed, field.Type) < 0)
                {
                    Error(
                        "'" + key + "' of errorBody names '" + s.Value + "', which is declared with type \"" + FieldTypes[(int)field.Type] + "\"; it must name a field of type " + allowedNames,
                        s);
                    return null;
                }

                return s.Value;
            }

            private static string AllowedTypeNames(BodyFieldType[] allowed) => QuotedList(AllowedTypeWords(allowed));

            private static string[] AllowedTypeWords(BodyFieldType[] allowed)
            {
                var names = new string[allowed.Length];
                for (var i = 0; i < allowed.Length; i++)
                {
                    names[i] = FieldTypes[(int)allowed[i]];
                }

                return names;
            }

            /// <summary>The field a name or dotted path names, else an error at <paramref name="node"/> (with the nearest name) and null.</summary>
            private BodyField? ResolvePath(ErrorBodyShape shape, string path, string what, JsonNode node)
            {
                var exact = shape.Find(path);
                if (exact != null)
                {
                    return exact;
                }

                if (path.IndexOf('.') < 0)
                {
                    Error(what + " names '" + path + "', which is not declared in errorBody.fields; declared fields: " + FieldList(shape) + Suggest(path, FieldNames(shape)), node);
                    return null;
                }

                var segments = path.Split('.');
                var fields = shape.Fields;
                var walked = string.Empty;
                BodyField? field = null;
                foreach (var segment in segments)
                {
                    if (field != null && (field.Type != BodyFieldType.Object || field.Fields.IsEmpty))
                    {
                        Error(
                            what + " names '" + path + "', but '" + walked + "' is " + (field.Type == BodyFieldType.Object ? "an object declared without 'fields'" : "declared with type \"" + FieldTypes[(int)field.Type] + "\"")
                                + "; a path can only go through object fields declared with their 'fields'",
                            node);
                        return null;
                    }

                    var next = BodyField.FindIn(fields, segment);
                    if (next == null)
                    {
                        var names = Names(fields);
                        Error(
                            what + " names '" + path + "', but " + (walked.Length == 0 ? "errorBody.fields" : "'" + walked + "'") + " declares no field '" + segment + "'; its fields: "
                                + string.Join(", ", names) + Suggest(segment, names),
                            node);
                        return null;
                    }

                    walked = walked.Length == 0 ? segment : walked + "." + segment;
                    field = next;
                    fields = next.Fields;
                }

                return field;
            }

            private static string[] Names(ImmutableArray<BodyField> fields)
            {
                var names = new string[fields.Length];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = fields[i].Name;
                }

                return names;
            }

            /// <summary>A status's <c>errorCode</c> and <c>errorCodes</c>: strings or integers, whose type is checked once the code field is known.</summary>
            private ImmutableArray<string> ReadStatusCodes(JsonObject entry, string where)
            {
                var single = entry.Find("errorCode");
                var several = entry.Find("errorCodes");
                if (single != null && several != null)
                {
                    Error(where + " has both 'errorCode' and 'errorCodes'; list every code in 'errorCodes' (the first is the one fixes write) and remove 'errorCode'", several.Key);
                    return ImmutableArray<string>.Empty;
                }

                if (single != null)
                {
                    var code = ReadCode(single.Value, "'errorCode' of " + where);
                    return code == null ? ImmutableArray<string>.Empty : ImmutableArray.Create(code);
                }

                if (several == null)
                {
                    return ImmutableArray<string>.Empty;
                }

                if (several.Value is not JsonArray array)
                {
                    Error("'errorCodes' of " + where + " must be an array of the codes the body's code field may hold for this status, such as [\"invalid_request_error\", \"idempotency_error\"], not " + Describe(several.Value), several.Value);
                    return ImmutableArray<string>.Empty;
                }

                if (array.Items.Count == 0)
                {
                    Error("'errorCodes' of " + where + " is empty; list at least one code, or leave 'errorCodes' out", array);
                    return ImmutableArray<string>.Empty;
                }

                var codes = ImmutableArray.CreateBuilder<string>(array.Items.Count);
                foreach (var item in array.Items)
                {
                    var code = ReadCode(item, "each item of 'errorCodes' of " + where);
                    if (code == null)
                    {
                        continue;
                    }

                    if (codes.Contains(code))
                    {
                        Error("'errorCodes' of " + where + " lists " + Describe(item) + " twice; list each code once", item);
                        continue;
                    }

                    codes.Add(code);
                }

                return codes.ToImmutable();
            }

            private string? ReadCode(JsonNode node, string what)
            {
                switch (node)
                {
                    case JsonString s when s.Value.Length == 0:
                        Error(what + " is empty; write the code the body carries for this status, such as \"not_found\", or leave it out", node);
                        return null;
                    case JsonString s:
                        statusCodeNodes.Add(new KeyValuePair<JsonNode, string>(node, what));
                        return s.Value;
                    case JsonNumber n when n.IsInteger:
                        statusCodeNodes.Add(new KeyValuePair<JsonNode, string>(node, what));
                        return n.Text;
                    default:
                        Error(what + " must be a string (the value of the body's code field for this status, such as \"not_found\"), or an integer for an integer code field, not " + Describe(node), node);
                        return null;
                }
            }

            /// <summary>
            /// What needs both the body and the statuses: the codes against the code field's type, the <c>codes</c> catalog
            /// (merged into the statuses' codes), and the per-status fields against the documented error statuses.
            /// </summary>
            private ImmutableSortedDictionary<int, StatusEntry>? MapBodyLanguage(
                JsonObject root,
                ErrorBodyShape? body,
                ImmutableSortedDictionary<int, StatusEntry>? statuses,
                ImmutableSortedDictionary<int, StatusEntry>? known,
                out ImmutableArray<CatalogCode> catalog)
            {
                catalog = ImmutableArray<CatalogCode>.Empty;
                if (body != null)
                {
                    CheckStatusCodes(body, root);
                }

                if (known != null)
                {
                    foreach (var list in fieldStatusLists)
                    {
                        foreach (var item in list.Key.Items)
                        {
                            if (item is JsonNumber number && number.IsInteger && number.TryGetInt32(out var code) && code >= 100 && code <= 599 && (code < 400 || !known.ContainsKey(code)))
                            {
                                Error(
                                    "'statuses' of " + list.Value + " lists " + number.Text + ", which is not a documented error status; the contract documents the error statuses " + ErrorStatusList(known),
                                    item);
                            }
                        }
                    }
                }

                var codesProperty = root.Find("codes");
                if (codesProperty == null)
                {
                    return statuses;
                }

                catalog = MapCatalog(codesProperty, body, known);
                if (statuses == null || catalog.IsEmpty)
                {
                    return statuses;
                }

                var builder = statuses.ToBuilder();
                foreach (var pair in statuses)
                {
                    var entry = pair.Value;
                    var codes = entry.ErrorCodes.ToBuilder();
                    var message = entry.Message;
                    var added = false;
                    foreach (var code in catalog)
                    {
                        if (code.Status == pair.Key && !codes.Contains(code.Code))
                        {
                            codes.Add(code.Code);
                            message ??= code.Message;
                            added = true;
                        }
                    }

                    if (added)
                    {
                        builder[pair.Key] = new StatusEntry(entry.Code, entry.Description, codes.ToImmutable(), message, entry.RequiredFields);
                    }
                }

                return builder.ToImmutable();
            }

            private static string ErrorStatusList(ImmutableSortedDictionary<int, StatusEntry> statuses)
            {
                var list = new List<string>();
                foreach (var code in statuses.Keys)
                {
                    if (code >= 400)
                    {
                        list.Add(code.ToString(CultureInfo.InvariantCulture));
                    }
                }

                return list.Count == 0 ? "(none)" : string.Join(", ", list);
            }

            private void CheckStatusCodes(ErrorBodyShape body, JsonObject root)
            {
                if (body.CodeField == null)
                {
                    // A bare 'errorCode' without a code field is allowed (it documents the code); the newer forms need one.
                    foreach (var node in statusCodeNodes)
                    {
                        if (node.Value.Contains("'errorCodes'"))
                        {
                            Error(node.Value.Replace("each item of ", string.Empty) + " lists codes, but errorBody has no 'codeField'; add \"codeField\": the field (or path, such as \"error.code\") that holds the code", node.Key);
                            break;
                        }
                    }

                    return;
                }

                var type = body.CodeType;
                foreach (var node in statusCodeNodes)
                {
                    if (type == BodyFieldType.Integer && node.Key is not JsonNumber)
                    {
                        Error(node.Value + " must be an integer, because the code field '" + body.CodeField + "' is declared with type \"integer\", not " + Describe(node.Key), node.Key);
                    }
                    else if (type == BodyFieldType.String && node.Key is not JsonString)
                    {
                        Error(node.Value + " must be a string, because the code field '" + body.CodeField + "' is declared with type \"string\", not " + Describe(node.Key), node.Key);
                    }
                }

                var codeField = body.FindPath(body.CodeField);
                if (codeField != null && !codeField.Enum.IsEmpty)
                {
                    foreach (var node in statusCodeNodes)
                    {
                        var text = node.Key is JsonString s ? s.Value : (node.Key as JsonNumber)?.Text;
                        if (text != null && !ContainsValue(codeField.Enum, type, text))
                        {
                            Error(node.Value + " is " + Describe(node.Key) + ", which the 'enum' of the code field '" + body.CodeField + "' does not list; it lists " + ValueList(codeField.Enum), node.Key);
                        }
                    }
                }
            }

            private static bool ContainsValue(ImmutableArray<ContractValue> values, BodyFieldType type, string text)
            {
                foreach (var value in values)
                {
                    if (value.Matches(type, text))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string ValueList(ImmutableArray<ContractValue> values)
            {
                var texts = new string[values.Length];
                for (var i = 0; i < texts.Length; i++)
                {
                    texts[i] = values[i].Json;
                }

                return string.Join(", ", texts);
            }

            /// <summary>The root <c>codes</c> catalog: <c>{ "rate_limit_exceeded": { "status": 429, "message": "…" } }</c>.</summary>
            private ImmutableArray<CatalogCode> MapCatalog(JsonProperty property, ErrorBodyShape? body, ImmutableSortedDictionary<int, StatusEntry>? known)
            {
                if (property.Value is not JsonObject catalog)
                {
                    Error("'codes' must be an object mapping each error code to its status, such as { \"rate_limit_exceeded\": { \"status\": 429 } }, not " + Describe(property.Value), property.Value);
                    return ImmutableArray<CatalogCode>.Empty;
                }

                if (body != null && body.CodeField == null && catalog.Properties.Count > 0)
                {
                    Error("'codes' lists error codes, but errorBody has no 'codeField'; add \"codeField\": the field (or path, such as \"error.code\") that holds the code", property.Key);
                    return ImmutableArray<CatalogCode>.Empty;
                }

                var integerCodes = body != null && body.CodeType == BodyFieldType.Integer;
                var codeField = body?.CodeField != null ? body.FindPath(body.CodeField) : null;
                var codes = ImmutableArray.CreateBuilder<CatalogCode>(catalog.Properties.Count);
                foreach (var entry in catalog.Properties)
                {
                    var where = "code \"" + Shorten(entry.Name) + "\" of 'codes'";
                    if (entry.Name.Length == 0)
                    {
                        Error("'codes' has an empty code; write the value the body's code field holds", entry.Key);
                        continue;
                    }

                    if (integerCodes && !long.TryParse(entry.Name, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    {
                        Error(where + " is not an integer, but the code field '" + body!.CodeField + "' is declared with type \"integer\"; write each code as its number, such as \"1001\"", entry.Key);
                        continue;
                    }

                    if (codeField != null && !codeField.Enum.IsEmpty && !ContainsValue(codeField.Enum, codeField.Type, entry.Name))
                    {
                        Error(where + " is not listed in the 'enum' of the code field '" + body!.CodeField + "', which lists " + ValueList(codeField.Enum), entry.Key);
                        continue;
                    }

                    if (entry.Value is not JsonObject value)
                    {
                        Error(where + " must be an object such as { \"status\": 429, \"message\": \"...\" }, not " + Describe(entry.Value), entry.Value);
                        continue;
                    }

                    CheckKeys(value, CatalogKeys, where);
                    var statusProperty = value.Find("status");
                    var status = 0;
                    if (statusProperty == null)
                    {
                        Error(where + " has no 'status'; add \"status\": the documented error status the code is sent with, such as 429", entry.Key);
                    }
                    else if (statusProperty.Value is not JsonNumber number || !number.IsInteger || !number.TryGetInt32(out status))
                    {
                        Error("'status' of " + where + " must be a status code integer such as 429, not " + Describe(statusProperty.Value), statusProperty.Value);
                    }
                    else if (status < 100 || status > 599)
                    {
                        Error(ImpossibleStatus(number.Text, "the 'status' of " + where), statusProperty.Value);
                        status = 0;
                    }
                    else if (known != null && (status < 400 || !known.ContainsKey(status)))
                    {
                        Error(
                            "'status' of " + where + " is " + number.Text + ", which is not a documented error status; a code belongs to one of the error statuses the contract documents: "
                                + ErrorStatusList(known),
                            statusProperty.Value);
                        status = 0;
                    }

                    var message = OptionalString(value, "message", where, "the default message a fix writes with this code");
                    var description = OptionalString(value, "description", where, "what the code means, from the API's documentation");
                    if (status != 0)
                    {
                        codes.Add(new CatalogCode(entry.Name, status, message, description));
                    }
                }

                return codes.ToImmutable();
            }

            private static bool HasCatalogCode(ImmutableArray<CatalogCode> codes, int status)
            {
                foreach (var code in codes)
                {
                    if (code.Status == status)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Whether a status-required name is declared (by name or path); reports it otherwise.</summary>
            private bool CheckRequiredPath(ErrorBodyShape body, JsonString name, string where)
            {
                return ResolvePath(body, name.Value, "'requiredFields' of " + where, name) != null;
            }
        }
    }
}
