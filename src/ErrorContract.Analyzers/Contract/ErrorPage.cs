using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>
    /// The API's "Error codes" page in Markdown, written from the contract alone: every status with its meaning and codes, the
    /// error body field by field, the codes catalog, an example body per error status and the documented headers, the
    /// validation variant, and how to send the API key. The same contract always gives the same text (line ends <c>\n</c>), so
    /// a committed page can be compared with it (EC0017) and rewritten by the <c>ErrorContractPage</c> build target.
    /// </summary>
    public static class ErrorPage
    {
        /// <summary>The command that rewrites the page, as the page and EC0017 name it.</summary>
        public const string Command = "dotnet build -t:ErrorContractPage";

        /// <summary>The first line of every generated page.</summary>
        public const string Marker = "<!-- Generated from the error contract by ErrorContract.Analyzers. Do not edit: change the contract and run `" + Command + "`. -->";

        private const string Placeholder = "\"…\"";

        /// <summary>
        /// A page's text as it is compared: <c>\n</c> line ends, and no white space at its end (an editor's final newline, or
        /// <c>\r\n</c> line ends from a checkout, do not make a page stale). EC0017 and the page writer compare the same way.
        /// </summary>
        public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd();

        /// <summary>The page for <paramref name="contract"/>, read from <paramref name="contractFile"/> (its name, for the text).</summary>
        public static string Render(ErrorContractModel contract, string contractFile)
        {
            var page = new StringBuilder();
            page.Append(Marker).Append('\n').Append('\n');
            page.Append("# ").Append(string.IsNullOrEmpty(contract.Name) ? "API" : contract.Name).Append(": errors\n\n");
            page.Append("This page describes every status the API answers with, the body of its error responses (4xx and 5xx)")
                .Append(" and how to authenticate. It is generated from `").Append(contractFile).Append("`.\n");

            WriteStatuses(page, contract);
            WriteBody(page, contract);
            WriteCatalog(page, contract);
            WriteExamples(page, contract);
            WriteAuthentication(page, contract);
            return page.ToString();
        }

        private static void WriteStatuses(StringBuilder page, ErrorContractModel contract)
        {
            page.Append("\n## Status codes\n\n");
            page.Append("| Status | Meaning | Error codes |\n|---:|---|---|\n");
            foreach (var entry in contract.Statuses.Values)
            {
                page.Append("| ").Append(Number(entry.Code)).Append(" | ").Append(Cell(entry.Description)).Append(" | ")
                    .Append(contract.ErrorBody.CodeField != null && entry.Code >= 400 ? CodeList(entry.ErrorCodes) : string.Empty).Append(" |\n");
            }

            page.Append('\n').Append(contract.SuccessStatusesRestricted
                ? "No other status is returned.\n"
                : "No other error status is returned; success statuses (1xx–3xx) are not restricted.\n");
        }

        private static void WriteBody(StringBuilder page, ErrorContractModel contract)
        {
            var body = contract.ErrorBody;
            page.Append("\n## The error body\n\n");
            page.Append("Every error response carries a JSON object");
            if (contract.ErrorContentType != null)
            {
                page.Append(", sent as `").Append(contract.ErrorContentType).Append('`');
            }

            page.Append(body.IsProblemDetails ? ": a problem details object (RFC 9457).\n\n" : ".\n\n");
            page.Append("| Field | Type | Required | Notes |\n|---|---|---|---|\n");
            WriteFields(page, contract, body.Fields, string.Empty, 0);
            page.Append('\n').Append(body.AdditionalFields ? "Other fields may be present.\n" : "No other field is sent.\n");
            if (body.CodeField != null)
            {
                page.Append("The error code is in `").Append(body.CodeField).Append('`');
                page.Append(body.MessageField != null ? "; the message, for people, in `" + body.MessageField + "`.\n" : ".\n");
            }

            if (body.IsProblemDetails && body.TypeBase != null)
            {
                page.Append("Each problem `type` is a URI under `").Append(body.TypeBase).Append("`.\n");
            }

            var validation = body.Validation;
            if (validation != null)
            {
                page.Append("\n### Validation errors\n\n");
                page.Append("On ").Append(StatusList(validation.Statuses)).Append(", the body may also carry `").Append(validation.Field)
                    .Append("`: a list of objects with ").Append(CodeList(validation.ItemFields)).Append(", one per invalid field.\n");
            }
        }

        private static void WriteFields(StringBuilder page, ErrorContractModel contract, ImmutableArray<BodyField> fields, string prefix, int depth)
        {
            foreach (var field in fields)
            {
                var path = prefix + field.Name;
                page.Append("| `").Append(path).Append("` | ").Append(TypeName(field)).Append(" | ").Append(field.Required ? "yes" : "no")
                    .Append(" | ").Append(Cell(Notes(contract, field, path))).Append(" |\n");
                if (depth < 8)
                {
                    WriteFields(page, contract, field.Fields, path + ".", depth + 1);
                    if (field.Items != null)
                    {
                        WriteFields(page, contract, field.Items.Fields, path + "[].", depth + 1);
                    }
                }
            }
        }

        private static string Notes(ErrorContractModel contract, BodyField field, string path)
        {
            var notes = new List<string>();
            if (path == contract.ErrorBody.CodeField)
            {
                notes.Add("the error code (see the statuses)");
            }

            var validation = contract.ErrorBody.Validation;
            if (validation != null && path == validation.Field)
            {
                notes.Add("the invalid fields, on " + StatusList(validation.Statuses) + " (see Validation errors)");
            }

            if (field.Const != null)
            {
                notes.Add("always `" + field.Const.Json + "`");
            }

            if (!field.Enum.IsDefaultOrEmpty)
            {
                var values = new List<string>();
                foreach (var value in field.Enum)
                {
                    values.Add("`" + value.Json + "`");
                }

                notes.Add("one of " + string.Join(", ", values));
            }

            if (field.EqualsStatus)
            {
                notes.Add("the HTTP status");
            }

            if (!field.Statuses.IsDefaultOrEmpty)
            {
                notes.Add("only on " + StatusList(field.Statuses));
            }

            if (!field.Required)
            {
                var requiredOn = ImmutableArray.CreateBuilder<int>();
                foreach (var entry in contract.Statuses.Values)
                {
                    if (!entry.RequiredFields.IsDefaultOrEmpty && entry.RequiredFields.Contains(path))
                    {
                        requiredOn.Add(entry.Code);
                    }
                }

                if (requiredOn.Count > 0)
                {
                    notes.Add("required on " + StatusList(requiredOn.ToImmutable()));
                }
            }

            var text = string.Join("; ", notes);
            if (!string.IsNullOrEmpty(field.Description))
            {
                text = text.Length == 0 ? field.Description! : text + ". " + field.Description;
            }

            return text;
        }

        private static void WriteCatalog(StringBuilder page, ErrorContractModel contract)
        {
            if (contract.Codes.IsDefaultOrEmpty)
            {
                return;
            }

            page.Append("\n## Error codes\n\n| Code | Status | Message | Meaning |\n|---|---:|---|---|\n");
            foreach (var code in contract.Codes)
            {
                page.Append("| `").Append(code.Code).Append("` | ").Append(Number(code.Status)).Append(" | ").Append(Cell(code.Message))
                    .Append(" | ").Append(Cell(code.Description)).Append(" |\n");
            }
        }

        private static void WriteExamples(StringBuilder page, ErrorContractModel contract)
        {
            page.Append("\n## Responses\n\nThe body of every error status, and the headers a status sends.\n");
            foreach (var entry in contract.Statuses.Values)
            {
                var hasHeaders = contract.Headers.ByStatus.TryGetValue(entry.Code, out var headers) && !headers.IsDefaultOrEmpty;
                if (entry.Code < 400 && !hasHeaders)
                {
                    continue;
                }

                page.Append("\n### ").Append(Number(entry.Code));
                if (!string.IsNullOrEmpty(entry.Description))
                {
                    page.Append(' ').Append(entry.Description);
                }

                page.Append("\n\n");
                if (hasHeaders)
                {
                    foreach (var header in headers)
                    {
                        page.Append("- `").Append(header.Name).Append("` header (").Append(header.Required ? "always sent" : "may be sent")
                            .Append("): ").Append(header.ValueDescription).Append('\n');
                    }

                    page.Append('\n');
                }

                if (entry.Code >= 400)
                {
                    page.Append("```json\n").Append(ExampleBody(contract, entry)).Append("\n```\n");
                }
            }
        }

        /// <summary>An example body of the status: its required fields, the documented code and message, constants and the status.</summary>
        private static string ExampleBody(ErrorContractModel contract, StatusEntry entry)
        {
            var expectation = ErrorBodyExpectation.For(contract, entry.Code);
            var builder = new StringBuilder();
            if (expectation.Nested != null)
            {
                AppendObject(builder, contract, expectation, expectation.Nested, string.Empty, 0);
                return builder.ToString();
            }

            var body = contract.ErrorBody;
            var values = new List<KeyValuePair<string, string>>();
            foreach (var name in expectation.RequiredFields)
            {
                values.Add(new KeyValuePair<string, string>(name, FlatValue(contract, expectation, entry, name)));
            }

            if (expectation.AllowsValidation && body.Validation != null && !expectation.RequiredFields.Contains(body.Validation.Field))
            {
                values.Add(new KeyValuePair<string, string>(body.Validation.Field, ValidationItems(body.Validation.ItemFields)));
            }

            builder.Append('{');
            for (var i = 0; i < values.Count; i++)
            {
                builder.Append(i == 0 ? "\n  \"" : ",\n  \"").Append(values[i].Key).Append("\": ").Append(values[i].Value);
            }

            return builder.Append(values.Count > 0 ? "\n}" : "}").ToString();
        }

        private static string FlatValue(ErrorContractModel contract, ErrorBodyExpectation expectation, StatusEntry entry, string name)
        {
            var body = contract.ErrorBody;
            if (name == body.CodeField && expectation.ErrorCode != null)
            {
                return body.CodeType == BodyFieldType.Integer ? expectation.ErrorCode : ContractValue.Quote(expectation.ErrorCode);
            }

            if (name == body.MessageField && entry.Message != null)
            {
                return ContractValue.Quote(entry.Message);
            }

            if (body.Validation != null && name == body.Validation.Field)
            {
                return ValidationItems(body.Validation.ItemFields);
            }

            var field = body.Find(name);
            return field == null ? Placeholder : Value(field, entry.Code);
        }

        private static void AppendObject(StringBuilder builder, ErrorContractModel contract, ErrorBodyExpectation expectation, ObjectExpectation shape, string path, int depth)
        {
            var indent = new string(' ', (depth + 1) * 2);
            builder.Append('{');
            var first = true;
            foreach (var name in shape.Required)
            {
                var field = shape.Field(name);
                if (field == null)
                {
                    continue;
                }

                builder.Append(first ? "\n" : ",\n").Append(indent).Append('"').Append(name).Append("\": ");
                first = false;
                var fieldPath = path + name;
                var child = shape.Child(name);
                if (fieldPath == contract.ErrorBody.CodeField && expectation.ErrorCode != null)
                {
                    builder.Append(contract.ErrorBody.CodeType == BodyFieldType.Integer ? expectation.ErrorCode : ContractValue.Quote(expectation.ErrorCode));
                }
                else if (fieldPath == contract.ErrorBody.MessageField && expectation.Entry?.Message != null)
                {
                    builder.Append(ContractValue.Quote(expectation.Entry.Message));
                }
                else if (field.Const == null && !field.EqualsStatus && child != null && depth < 8)
                {
                    AppendObject(builder, contract, expectation, child, fieldPath + ".", depth + 1);
                }
                else
                {
                    builder.Append(Value(field, expectation.Status));
                }
            }

            builder.Append(first ? "}" : "\n" + new string(' ', depth * 2) + "}");
        }

        /// <summary>A field's example value: its constant, the status, its first allowed value, or a placeholder of its type.</summary>
        private static string Value(BodyField field, int status)
        {
            if (field.Const != null)
            {
                return field.Const.Json;
            }

            if (field.EqualsStatus)
            {
                return Number(status);
            }

            if (!field.Enum.IsDefaultOrEmpty)
            {
                return field.Enum[0].Json;
            }

            switch (field.Type)
            {
                case BodyFieldType.Integer:
                case BodyFieldType.Number:
                    return "0";
                case BodyFieldType.Boolean:
                    return "false";
                case BodyFieldType.Array:
                    return "[]";
                case BodyFieldType.Object:
                    return "{}";
                default:
                    return Placeholder;
            }
        }

        private static string ValidationItems(ImmutableArray<string> itemFields)
        {
            var item = new StringBuilder("[{");
            for (var i = 0; i < itemFields.Length; i++)
            {
                item.Append(i == 0 ? "\"" : ", \"").Append(itemFields[i]).Append("\": ").Append(Placeholder);
            }

            return item.Append("}]").ToString();
        }

        private static void WriteAuthentication(StringBuilder page, ErrorContractModel contract)
        {
            var authorization = contract.Authorization;
            if (authorization == null)
            {
                return;
            }

            page.Append("\n## Authentication\n\n");
            page.Append("Send the API key in the `").Append(authorization.Header).Append("` header");
            page.Append(authorization.Scheme != null ? ", after the word `" + authorization.Scheme + "`" : ", as the key alone (no scheme word)");
            page.Append(":\n\n```http\n").Append(authorization.Example).Append("\n```\n");
            if (authorization.KeyPrefix != null)
            {
                page.Append("\nEvery key starts with `").Append(authorization.KeyPrefix).Append("`.\n");
            }

            var never = new List<string>();
            if (authorization.QueryForbidden)
            {
                never.Add("in the query string");
            }

            foreach (var header in authorization.ForbiddenHeaders)
            {
                never.Add("in the `" + header + "` header");
            }

            if (never.Count > 0)
            {
                page.Append("\nNever send the key ").Append(string.Join(", nor ", never)).Append(".\n");
            }
        }

        private static string TypeName(BodyField field)
        {
            var type = field.Type.ToString().ToLowerInvariant();
            return field.Type == BodyFieldType.Array && field.Items != null ? "array of " + field.Items.Type.ToString().ToLowerInvariant() : type;
        }

        private static string CodeList(ImmutableArray<string> codes)
        {
            var list = new List<string>();
            foreach (var code in codes)
            {
                list.Add("`" + code + "`");
            }

            return string.Join(", ", list);
        }

        private static string StatusList(ImmutableArray<int> statuses)
        {
            var list = new List<string>();
            foreach (var status in statuses)
            {
                list.Add(Number(status));
            }

            return string.Join(", ", list);
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Text for a table cell: on one line, with its pipes escaped.</summary>
        private static string Cell(string? text) =>
            string.IsNullOrEmpty(text) ? string.Empty : text!.Replace("\r\n", " ").Replace('\n', ' ').Replace("|", "\\|");
    }
}
