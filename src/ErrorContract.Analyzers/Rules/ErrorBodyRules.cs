using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>EC0002: compares the body of every error (4xx/5xx) response site with the contract's error body.</summary>
    internal sealed partial class ErrorBodyRules
    {
        /// <summary>The fields a ProblemDetails body can carry.</summary>
        private static readonly string[] ProblemDetailsFields = { "type", "title", "status", "detail", "instance", "errors" };

        private readonly ErrorContractModel contract;
        private readonly string contractName;
        private readonly PerStatus<StatusReport> reports;

        public ErrorBodyRules(ErrorContractModel contract)
        {
            this.contract = contract;
            contractName = contract.DisplayName;
            reports = new PerStatus<StatusReport>(CreateReport);
        }

        /// <summary>EC0002 for an error site whose body is not the contract's error body; null when it is (or cannot be known).</summary>
        public Diagnostic? Check(ResponseSite site)
        {
            // The status first: a success's body (an Ok(item), a Created(uri, value)) is not described at all.
            if (contract.ErrorBody.Fields.IsEmpty || !contract.IsError(site.Status))
            {
                return null;
            }

            var body = site.BodyDescription;
            if (body == null)
            {
                return null;
            }

            var report = reports.Get(site.Status);
            var problem = Check(body, report.Expectation);
            if (problem == null)
            {
                return null;
            }

            // The status named is one branch of a conditional or switch: where another branch cannot be read, the message says
            // that the body is sent with that status too, rather than let the one status stand for all.
            if (ResponseDiscovery.UnreadableStatusBranch(site.StatusValue) is IOperation unreadable)
            {
                problem += "; the same body is also sent with the status '" + Shorten(unreadable.Syntax.ToString()) + "', which is not known before run time";
            }

            // The fix finds the site again from the squiggle (on the body operand, or on the site when it passes none).
            return Diagnostic.Create(
                Descriptors.EC0002_ErrorBodyShape,
                site.BodyLocation,
                report.Properties,
                report.Status,
                contractName,
                problem);
        }

        /// <summary>What every EC0002 about one status shares (its expected body, its properties): made once per status.</summary>
        private StatusReport CreateReport(int status)
        {
            var text = status.ToString(CultureInfo.InvariantCulture);
            return new StatusReport(text, ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Status, text), ErrorBodyExpectation.For(contract, status));
        }

        private sealed class StatusReport
        {
            public StatusReport(string status, ImmutableDictionary<string, string?> properties, ErrorBodyExpectation expectation)
            {
                Status = status;
                Properties = properties;
                Expectation = expectation;
            }

            public string Status { get; }

            public ImmutableDictionary<string, string?> Properties { get; }

            public ErrorBodyExpectation Expectation { get; }
        }

        /// <summary>What is wrong with the body, or null when it matches (or cannot be known).</summary>
        internal static string? Check(ResponseBody body, ErrorBodyExpectation expected)
        {
            switch (body.Kind)
            {
                case ResponseBodyKind.None:
                    return "it has no body; expected " + expected.Display;
                case ResponseBodyKind.NotAnObject:
                    return "it sends " + body.What + " instead of the JSON object " + expected.Display;
                case ResponseBodyKind.ProblemDetails:
                    if (expected.Shape.IsProblemDetails)
                    {
                        return ProblemDetailsBodyRules.Check(body, expected);
                    }

                    foreach (var required in expected.RequiredFields)
                    {
                        if (Array.IndexOf(ProblemDetailsFields, required) < 0)
                        {
                            return "it sends " + body.What + " instead of " + expected.Display;
                        }
                    }

                    return null;
                case ResponseBodyKind.Object:
                    var problem = CheckObject(body, expected);
                    return problem == null ? null
                        : body.SerializedBy != null ? "it sends an object serialized with " + body.SerializedBy + ": " + problem + NamingHint(body, expected)
                        : body.JsonText ? "it sends JSON text written in the code: " + problem
                        : problem;
                default:
                    return null;
            }
        }

        /// <summary>
        /// For an object serialized without a naming policy whose C# names the contract allows only in camelCase
        /// (<c>Message</c> for <c>message</c>): says where the names come from.
        /// </summary>
        private static string NamingHint(ResponseBody body, ErrorBodyExpectation expected)
        {
            if (!body.DeclaredNames || body.SerializedBy != "JsonSerializer.Serialize")
            {
                return string.Empty;
            }

            foreach (var member in body.Members)
            {
                var camel = JsonShape.CamelCase(member.JsonName);
                if (!expected.IsAllowed(member.JsonName) && camel != member.JsonName && expected.IsAllowed(camel))
                {
                    return " (without options, JsonSerializer writes the C# names as they are; JsonSerializerOptions.Web writes them in camelCase)";
                }
            }

            return string.Empty;
        }

        private static string? CheckObject(ResponseBody body, ErrorBodyExpectation expected)
        {
            if (expected.Nested != null)
            {
                return CheckNested(body, expected, expected.Nested);
            }

            // The lists are made when there is something to put in them: most bodies comply.
            var issues = new List<string>(0);
            List<string>? missing = null;
            foreach (var required in expected.RequiredFields)
            {
                if (body.Find(required) == null)
                {
                    (missing ??= new List<string>()).Add(required);
                }
            }

            if (missing != null)
            {
                issues.Add((missing.Count == 1 ? "missing field " : "missing fields ") + Quote(missing));
            }

            List<string>? disallowed = null;
            foreach (var member in body.Members)
            {
                if (!expected.IsAllowed(member.JsonName))
                {
                    (disallowed ??= new List<string>()).Add(member.JsonName);
                }
            }

            if (disallowed != null)
            {
                issues.Add(Quote(disallowed) + (disallowed.Count == 1 ? " is" : " are") + " not allowed");
            }

            foreach (var member in body.Members)
            {
                var field = expected.IsAllowed(member.JsonName) ? expected.Field(member.JsonName) : null;
                if (field != null && member.JsonType is BodyFieldType actual && !IsCompatible(actual, field.Type))
                {
                    issues.Add("'" + member.JsonName + "' is " + Article(actual) + " but the contract documents " + Article(field.Type));
                }
            }

            var codeField = expected.Shape.CodeField;
            if (codeField != null && expected.ErrorCode != null)
            {
                var code = body.Find(codeField)?.ConstantString;
                if (code != null && expected.ErrorCodes.IndexOf(code) < 0)
                {
                    issues.Add("'" + codeField + "' is \"" + code + "\" but " + expected.Status.ToString(CultureInfo.InvariantCulture) + " requires " + AllowedCodes(expected));
                }
            }

            CheckValidationItems(body, expected, issues);
            return issues.Count == 0 ? null : string.Join("; ", issues);
        }

        /// <summary>The items of the validation list against <c>errorBody.validation.itemFields</c>.</summary>
        private static void CheckValidationItems(ResponseBody body, ErrorBodyExpectation expected, List<string> issues)
        {
            var validation = expected.Shape.Validation;
            if (validation != null && expected.AllowsValidation)
            {
                var items = body.Find(validation.Field)?.Items;
                if (items != null)
                {
                    var lacking = new List<string>();
                    var extra = new List<string>();
                    var notObjects = false;
                    foreach (var item in items.Value)
                    {
                        if (item.Kind == ResponseBodyKind.NotAnObject || item.Kind == ResponseBodyKind.None)
                        {
                            notObjects = true;
                        }
                        else if (item.Kind == ResponseBodyKind.Object)
                        {
                            foreach (var field in expected.ValidationItemFields)
                            {
                                if (item.Find(field) == null && !lacking.Contains(field))
                                {
                                    lacking.Add(field);
                                }
                            }

                            // As for the body itself, a field the contract does not list is not allowed in an item.
                            foreach (var member in item.Members)
                            {
                                if (expected.ValidationItemFields.IndexOf(member.JsonName) < 0 && !extra.Contains(member.JsonName))
                                {
                                    extra.Add(member.JsonName);
                                }
                            }
                        }
                    }

                    if (notObjects)
                    {
                        issues.Add("items of '" + validation.Field + "' must be objects with " + Quote(expected.ValidationItemFields));
                    }
                    else
                    {
                        if (lacking.Count > 0)
                        {
                            issues.Add("items of '" + validation.Field + "' lack " + Quote(lacking));
                        }

                        if (extra.Count > 0)
                        {
                            issues.Add(Quote(extra) + (extra.Count == 1 ? " is" : " are") + " not allowed in items of '" + validation.Field + "'");
                        }
                    }
                }
            }
        }

        /// <summary>True when a value of JSON type <paramref name="actual"/> is a valid <paramref name="documented"/> (an integer is a number).</summary>
        internal static bool IsCompatible(BodyFieldType actual, BodyFieldType documented)
        {
            return actual == documented || (documented == BodyFieldType.Number && actual == BodyFieldType.Integer);
        }

        private static string Article(BodyFieldType type)
        {
            switch (type)
            {
                case BodyFieldType.Integer:
                    return "an integer";
                case BodyFieldType.Array:
                    return "an array";
                case BodyFieldType.Object:
                    return "an object";
                case BodyFieldType.Boolean:
                    return "a boolean";
                case BodyFieldType.Number:
                    return "a number";
                default:
                    return "a string";
            }
        }

        private static string Shorten(string expression) => expression.Length <= 40 ? expression : expression.Substring(0, 39) + "…";

        internal static string Quote(IEnumerable<string> names)
        {
            var builder = new StringBuilder();
            foreach (var name in names)
            {
                builder.Append(builder.Length == 0 ? "'" : ", '").Append(name).Append('\'');
            }

            return builder.ToString();
        }
    }
}
