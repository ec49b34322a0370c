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
                if (isValidationField && !AllowsValidation)
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
                    allowed.Add(name);
                    if (!required.Contains(name))
                    {
                        required.Add(name);
                    }
                }
            }

            RequiredFields = required.ToImmutable();
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

        /// <summary>True when the status may carry the validation list.</summary>
        public bool AllowsValidation { get; }

        /// <summary>The fields each validation item must carry (empty when the status has no validation variant).</summary>
        public ImmutableArray<string> ValidationItemFields { get; }

        /// <summary>The expected body for messages: <c>{"error": "not_found", "message": …}</c>.</summary>
        public string Display { get; }

        public static ErrorBodyExpectation For(ErrorContractModel contract, int status) => new ErrorBodyExpectation(contract, status);

        public bool IsAllowed(string field) => allowed.Contains(field);

        public BodyField? Field(string name) => Shape.Find(name);

        private string BuildDisplay()
        {
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
    }
}
