using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>
    /// What the contract requires of the error body of one status: its required fields (in documented order),
    /// the fields it allows, the error code, the default message and the validation items. Plain data, shared by
    /// the rule (EC0002) and its fix.
    /// </summary>
    public sealed class ErrorBodyExpectation
    {
        private readonly HashSet<string> allowed;

        private ErrorBodyExpectation(ErrorContractModel contract, int status)
        {
            Status = status;
            Shape = contract.ErrorBody;
            contract.Statuses.TryGetValue(status, out var entry);
            Entry = entry;

            // The documented entry, else the one an undocumented status is replaced with (for the fix's defaults).
            var fallback = entry;
            if (fallback == null && contract.GetReplacement(status) is int replacement)
            {
                contract.Statuses.TryGetValue(replacement, out fallback);
            }

            DefaultsEntry = fallback;

            var validation = contract.ErrorBody.Validation;
            AllowsValidation = validation != null && validation.Statuses.Contains(status);
            ValidationItemFields = AllowsValidation ? validation!.ItemFields : ImmutableArray<string>.Empty;

            var required = ImmutableArray.CreateBuilder<string>();
            allowed = new HashSet<string>();
            foreach (var field in contract.ErrorBody.Fields)
            {
                var isValidationField = validation != null && field.Name == validation.Field;
                if ((isValidationField && !AllowsValidation) || !field.AllowedOn(status))
                {
                    continue;
                }

                allowed.Add(field.Name);
                if (field.Required || (entry != null && entry.RequiredFields.Contains(field.Name)))
                {
                    required.Add(field.Name);
                }
            }

            if (entry != null)
            {
                foreach (var name in entry.RequiredFields)
                {
                    if (contract.ErrorBody.Find(name) == null)
                    {
                        // A dotted path into a nested object: required there (Nested), not at the top level.
                        continue;
                    }

                    allowed.Add(name);
                    if (!required.Contains(name))
                    {
                        required.Add(name);
                    }
                }
            }

            RequiredFields = required.ToImmutable();
            if (contract.ErrorBody.UsesNestedLanguage)
            {
                Nested = ObjectExpectation.ForBody(
                    contract.ErrorBody,
                    status,
                    entry?.RequiredFields ?? ImmutableArray<string>.Empty,
                    validation != null && !AllowsValidation ? validation.Field : null);
            }

            Display = BuildDisplay();
        }

        public int Status { get; }

        public ErrorBodyShape Shape { get; }

        /// <summary>The contract's entry for the status; null when the status is undocumented.</summary>
        public StatusEntry? Entry { get; }

        /// <summary>The entry whose error code and message a fix writes: the status's own, else its replacement's.</summary>
        public StatusEntry? DefaultsEntry { get; }

        /// <summary>The fields every body of this status must carry, in documented order.</summary>
        public ImmutableArray<string> RequiredFields { get; }

        /// <summary>The error code the code field must hold (null: not checked).</summary>
        public string? ErrorCode => Shape.CodeField != null ? Entry?.ErrorCode : null;

        /// <summary>Every code the code field may hold for this status (empty: not checked); <see cref="ErrorCode"/> is the first.</summary>
        public ImmutableArray<string> ErrorCodes => Shape.CodeField != null && Entry != null ? Entry.ErrorCodes : ImmutableArray<string>.Empty;

        /// <summary>
        /// The expectation of every object of the body, nested ones included; null for a contract whose body is flat, closed
        /// and string-coded (<see cref="ErrorBodyShape.UsesNestedLanguage"/> false), which the flat members above describe.
        /// </summary>
        public ObjectExpectation? Nested { get; }

        /// <summary>True when the status may carry the validation list.</summary>
        public bool AllowsValidation { get; }

        /// <summary>The fields each validation item must carry (empty when the status has no validation variant).</summary>
        public ImmutableArray<string> ValidationItemFields { get; }

        /// <summary>The expected body for messages: <c>{"error": "not_found", "message": …}</c>.</summary>
        public string Display { get; }

        public static ErrorBodyExpectation For(ErrorContractModel contract, int status) => new ErrorBodyExpectation(contract, status);

        public bool IsAllowed(string field) => allowed.Contains(field) || Shape.AdditionalFields;

        public BodyField? Field(string name) => Shape.Find(name);

        private string BuildDisplay()
        {
            if (Nested != null)
            {
                var nested = new StringBuilder();
                AppendDisplay(nested, Nested, Shape.Fields, 0);
                return nested.ToString();
            }

            var builder = new StringBuilder("{");
            for (var i = 0; i < RequiredFields.Length; i++)
            {
                var name = RequiredFields[i];
                builder.Append(i == 0 ? "\"" : ", \"").Append(name).Append("\": ");
                if (name == Shape.CodeField && ErrorCode != null)
                {
                    builder.Append('"').Append(ErrorCode).Append('"');
                }
                else
                {
                    builder.Append('…');
                }
            }

            return builder.Append('}').ToString();
        }

        /// <summary>A nested body for messages: <c>{"error": {"type": "card_error", "message": …}}</c>, with codes, constants and the status.</summary>
        private void AppendDisplay(StringBuilder builder, ObjectExpectation expectation, ImmutableArray<BodyField> fields, int depth)
        {
            builder.Append('{');
            var first = true;
            foreach (var name in expectation.Required)
            {
                var field = expectation.Field(name);
                if (field == null)
                {
                    continue;
                }

                builder.Append(first ? "\"" : ", \"").Append(name).Append("\": ");
                first = false;
                var child = expectation.Child(name);
                if (depth < Shape.CodePath.Length && Shape.CodePath.Length == depth + 1 && Shape.CodePath[depth] == name && ErrorCode != null && IsOnCodePath(expectation.Path))
                {
                    builder.Append(Shape.CodeType == BodyFieldType.Integer ? ErrorCode : ContractValue.Quote(ErrorCode));
                }
                else if (field.Const != null)
                {
                    builder.Append(field.Const.Json);
                }
                else if (field.EqualsStatus)
                {
                    builder.Append(Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                else if (child != null && depth < 8)
                {
                    AppendDisplay(builder, child, field.Fields, depth + 1);
                }
                else
                {
                    builder.Append('…');
                }
            }

            builder.Append('}');
        }

        /// <summary>Whether an object path (<c>error.</c>) is the code path's parent.</summary>
        private bool IsOnCodePath(string objectPath)
        {
            var path = Shape.CodePath;
            var parent = new StringBuilder();
            for (var i = 0; i < path.Length - 1; i++)
            {
                parent.Append(path[i]).Append('.');
            }

            return parent.ToString() == objectPath;
        }
    }
}
