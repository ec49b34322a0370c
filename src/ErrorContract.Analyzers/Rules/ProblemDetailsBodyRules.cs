using System.Collections.Generic;
using System.Globalization;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0002 under a problem-details contract (<c>"format": "problemDetails"</c>): a body made by <c>Problem(…)</c>,
    /// <c>ValidationProblem(…)</c> or <c>new ProblemDetails { … }</c> is checked member by member, with what ASP.NET Core fills in
    /// itself taken into account.
    /// </summary>
    internal static class ProblemDetailsBodyRules
    {
        /// <summary>What is wrong with the problem-details body, or null when it matches (or its members cannot be known).</summary>
        public static string? Check(ResponseBody body, ErrorBodyExpectation expected)
        {
            var problem = body.Problem;
            if (problem == null)
            {
                // A problem from elsewhere (a variable, a factory) cannot be read; the validation dictionaries are not problems.
                return body.ValidationDictionary ? "it sends " + body.What + " (field names mapped to messages) instead of the problem " + expected.Display : null;
            }

            var issues = new List<string>(0);
            var status = expected.Status.ToString(CultureInfo.InvariantCulture);
            var shape = expected.Shape;
            var codes = shape.CodeField == ProblemDetailsMembers.Type ? expected.ErrorCodes : default;
            var required = codes.IsDefaultOrEmpty ? null : ErrorBodyRules.AllowedCodes(expected);
            if (problem.Type == null)
            {
                if (required != null)
                {
                    issues.Add(problem.FrameworkFillsDefaults
                        ? "no 'type' is given, so ASP.NET Core writes its own default (a link to the HTTP specification), but " + status + " requires the type " + required
                        : "missing field 'type' (" + status + " requires " + required + ")");
                }
                else if (IsRequired(shape, ProblemDetailsMembers.Type) && !problem.FrameworkFillsDefaults)
                {
                    issues.Add("missing field 'type'");
                }
            }
            else if (required != null && problem.ConstantType is string type && codes.IndexOf(type) < 0)
            {
                issues.Add("'type' is \"" + type + "\" but " + status + " requires " + required);
            }

            if (problem.Title == null && !problem.FrameworkFillsDefaults && IsRequired(shape, ProblemDetailsMembers.Title))
            {
                issues.Add("missing field 'title'");
            }

            if (problem.Status?.ConstantValue.Value is int given && given != expected.Status && shape.Find(ProblemDetailsMembers.Status)?.EqualsStatus == true)
            {
                issues.Add("'status' is " + given.ToString(CultureInfo.InvariantCulture) + " but the response's status is " + status);
            }
            else if (problem.Status == null && !problem.FrameworkFillsDefaults && body.Writer != null && IsRequired(shape, ProblemDetailsMembers.Status))
            {
                // Written to the response directly: nothing sets the status member.
                issues.Add("missing field 'status'");
            }

            CheckExtensions(problem, expected, issues);

            return issues.Count == 0 ? null : string.Join("; ", issues);
        }

        /// <summary>True when the extension members are wrong (missing or not allowed): what no fix can write for the developer.</summary>
        public static bool HasExtensionIssues(ProblemValues problem, ErrorBodyExpectation expected)
        {
            var issues = new List<string>(0);
            CheckExtensions(problem, expected, issues);
            return issues.Count > 0;
        }

        private static void CheckExtensions(ProblemValues problem, ErrorBodyExpectation expected, List<string> issues)
        {
            var status = expected.Status.ToString(CultureInfo.InvariantCulture);
            var shape = expected.Shape;
            if (problem.Extensions is { } extensions)
            {
                List<string>? missing = null;
                foreach (var name in expected.RequiredFields)
                {
                    if (!IsMember(name) && extensions.IndexOf(name) < 0)
                    {
                        (missing ??= new List<string>()).Add(name);
                    }
                }

                if (missing != null)
                {
                    issues.Add((missing.Count == 1 ? "missing field " : "missing fields ") + ErrorBodyRules.Quote(missing));
                }

                foreach (var name in extensions)
                {
                    var field = shape.Find(name);
                    if (field != null && !field.AllowedOn(expected.Status))
                    {
                        issues.Add("'" + name + "' is not allowed on " + status + " (the contract allows it on " + string.Join(", ", field.Statuses) + ")");
                    }
                    else if (field == null && !shape.AdditionalFields)
                    {
                        issues.Add("'" + name + "' is not allowed");
                    }
                }
            }
        }

        private static bool IsRequired(ErrorBodyShape shape, string member) => shape.Find(member)?.Required == true;

        private static bool IsMember(string name)
        {
            foreach (var member in ProblemDetailsMembers.Declared)
            {
                if (member.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
