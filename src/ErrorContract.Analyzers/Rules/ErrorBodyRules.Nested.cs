using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0002 for a contract whose body uses the nested language: nested objects, typed items, enums and constants,
    /// equals-the-status fields, per-status fields, open bodies, a code at a path, several codes per status.
    /// </summary>
    internal sealed partial class ErrorBodyRules
    {
        /// <summary>The findings of one body, gathered over every level before they are worded.</summary>
        private sealed class NestedFindings
        {
            public List<string>? Missing;
            public List<string>? Disallowed;
            public List<string>? Other;

            public static void Add(ref List<string>? list, string value)
            {
                list ??= new List<string>();
                if (!list.Contains(value))
                {
                    list.Add(value);
                }
            }
        }

        private static string? CheckNested(ResponseBody body, ErrorBodyExpectation expected, ObjectExpectation root)
        {
            var findings = new NestedFindings();
            var codePath = expected.Shape.CodePath;
            Walk(body, root, expected, findings, codePath.IsEmpty ? null : codePath[0], 0);

            var issues = new List<string>(0);
            if (findings.Missing != null)
            {
                issues.Add((findings.Missing.Count == 1 ? "missing field " : "missing fields ") + Quote(findings.Missing));
            }

            if (findings.Disallowed != null)
            {
                issues.Add(Quote(findings.Disallowed) + (findings.Disallowed.Count == 1 ? " is" : " are") + " not allowed");
            }

            if (findings.Other != null)
            {
                issues.AddRange(findings.Other);
            }

            CheckCode(body, expected, issues);
            CheckValidationItems(body, expected, issues);
            return issues.Count == 0 ? null : string.Join("; ", issues);
        }

        /// <summary>One object against its expectation, and its nested objects and items against theirs.</summary>
        private static void Walk(ResponseBody body, ObjectExpectation expected, ErrorBodyExpectation whole, NestedFindings findings, string? codeName, int depth)
        {
            foreach (var required in expected.Required)
            {
                if (body.Find(required) == null)
                {
                    NestedFindings.Add(ref findings.Missing, expected.Path + required);
                }
            }

            foreach (var member in body.Members)
            {
                var path = expected.Path + member.JsonName;
                var field = expected.Field(member.JsonName);
                if (field == null)
                {
                    var restricted = expected.RestrictedField(member.JsonName);
                    if (restricted != null)
                    {
                        NestedFindings.Add(ref findings.Other, "'" + path + "' is allowed only on " + StatusList(restricted.Statuses));
                    }
                    else if (!expected.Open)
                    {
                        NestedFindings.Add(ref findings.Disallowed, path);
                    }

                    continue;
                }

                if (member.JsonType is BodyFieldType actual && !IsCompatible(actual, field.Type))
                {
                    NestedFindings.Add(ref findings.Other, "'" + path + "' is " + Article(actual) + " but the contract documents " + Article(field.Type));
                    continue;
                }

                // The code is checked against the status's codes (CheckCode), not against the field's enum.
                if (!(depth == whole.Shape.CodePath.Length - 1 && member.JsonName == codeName))
                {
                    CheckValue(member, field, path, whole.Status, findings);
                }

                var child = expected.Child(member.JsonName);
                if (child != null && member.Nested is ResponseBody nested && depth < 8)
                {
                    var nextCode = codeName != null && member.JsonName == codeName && whole.Shape.CodePath.Length > depth + 1 ? whole.Shape.CodePath[depth + 1] : null;
                    Walk(nested, child, whole, findings, nextCode, depth + 1);
                }

                if (field.Items != null && member.Items is ImmutableArray<ResponseBody> items)
                {
                    CheckItems(items, field.Items, expected.Items(member.JsonName), path, whole, findings, depth);
                }
            }
        }

        private static void CheckItems(ImmutableArray<ResponseBody> items, BodyField declared, ObjectExpectation? itemExpectation, string path, ErrorBodyExpectation whole, NestedFindings findings, int depth)
        {
            foreach (var item in items)
            {
                if (declared.Type == BodyFieldType.Object)
                {
                    if (item.Kind == ResponseBodyKind.NotAnObject)
                    {
                        NestedFindings.Add(ref findings.Other, "items of '" + path + "' must be objects");
                    }
                    else if (item.Kind == ResponseBodyKind.Object && itemExpectation != null && depth < 8)
                    {
                        Walk(item, itemExpectation, whole, findings, null, depth + 1);
                    }
                }
                else if (item.Kind == ResponseBodyKind.Object)
                {
                    NestedFindings.Add(ref findings.Other, "items of '" + path + "' must be " + Plural(declared.Type) + ", not objects");
                }
            }
        }

        /// <summary>A constant value against the field's <c>const</c>, <c>enum</c> and <c>equalsStatus</c>.</summary>
        private static void CheckValue(BodyMember member, BodyField field, string path, int status, NestedFindings findings)
        {
            if (field.Const == null && field.Enum.IsEmpty && !field.EqualsStatus)
            {
                return;
            }

            if (!member.TryGetConstant(out var type, out var text))
            {
                return;
            }

            var written = type == BodyFieldType.String ? ContractValue.Quote(text) : text;
            if (field.Const != null && !field.Const.Matches(type, text))
            {
                NestedFindings.Add(ref findings.Other, "'" + path + "' is " + written + " but the contract requires " + field.Const.Json);
            }

            if (!field.Enum.IsEmpty && !Contains(field.Enum, type, text))
            {
                NestedFindings.Add(ref findings.Other, "'" + path + "' is " + written + " but the contract allows only " + Values(field.Enum));
            }

            var statusText = status.ToString(CultureInfo.InvariantCulture);
            if (field.EqualsStatus && !(type == BodyFieldType.Integer && text == statusText))
            {
                NestedFindings.Add(ref findings.Other, "'" + path + "' is " + written + " but it must equal the response's status, " + statusText);
            }
        }

        /// <summary>The code at the code path (through nested objects) against the codes of the status.</summary>
        private static void CheckCode(ResponseBody body, ErrorBodyExpectation expected, List<string> issues)
        {
            var codes = expected.ErrorCodes;
            var path = expected.Shape.CodePath;
            if (codes.IsEmpty || path.IsEmpty)
            {
                return;
            }

            BodyMember? member = null;
            var current = body;
            for (var i = 0; i < path.Length; i++)
            {
                member = current.Find(path[i]);
                if (member == null)
                {
                    return;
                }

                if (i < path.Length - 1)
                {
                    var nested = member.Nested;
                    if (nested == null)
                    {
                        return;
                    }

                    current = nested;
                }
            }

            if (member == null || !member.TryGetConstant(out var type, out var text))
            {
                return;
            }

            var codeType = expected.Shape.CodeType;
            if (type != codeType)
            {
                // A code of another JSON type is reported as such.
                return;
            }

            foreach (var code in codes)
            {
                if (code == text || (codeType == BodyFieldType.Integer && long.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var documented)
                    && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var actual) && documented == actual))
                {
                    return;
                }
            }

            var written = type == BodyFieldType.String ? ContractValue.Quote(text) : text;
            issues.Add("'" + expected.Shape.CodeField + "' is " + written + " but " + expected.Status.ToString(CultureInfo.InvariantCulture) + " requires " + AllowedCodes(expected));
        }

        /// <summary>The codes of a status, for messages: <c>"not_found"</c>, or <c>one of "a", "b"</c>.</summary>
        internal static string AllowedCodes(ErrorBodyExpectation expected)
        {
            var codes = expected.ErrorCodes;
            var integer = expected.Shape.CodeType == BodyFieldType.Integer;
            var builder = new StringBuilder(codes.Length == 1 ? string.Empty : "one of ");
            for (var i = 0; i < codes.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(integer ? codes[i] : ContractValue.Quote(codes[i]));
            }

            return builder.ToString();
        }

        private static bool Contains(ImmutableArray<ContractValue> values, BodyFieldType type, string text)
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

        private static string Values(ImmutableArray<ContractValue> values)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < values.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(values[i].Json);
            }

            return builder.ToString();
        }

        private static string StatusList(ImmutableArray<int> statuses)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < statuses.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(statuses[i].ToString(CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        private static string Plural(BodyFieldType type)
        {
            switch (type)
            {
                case BodyFieldType.Integer:
                    return "integers";
                case BodyFieldType.Number:
                    return "numbers";
                case BodyFieldType.Boolean:
                    return "booleans";
                case BodyFieldType.Array:
                    return "arrays";
                default:
                    return "strings";
            }
        }
    }
}
