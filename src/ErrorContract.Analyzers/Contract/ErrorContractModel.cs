using System.Collections.Generic;
using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>
    /// A project's documented HTTP error contract, read from <c>errorcontract.json</c>.
    /// Plain data: nothing in this folder depends on Roslyn.
    /// </summary>
    public sealed partial class ErrorContractModel
    {
        public ErrorContractModel(
            string? name,
            ImmutableSortedDictionary<int, StatusEntry> statuses,
            bool successStatusesRestricted,
            ImmutableSortedDictionary<int, int> replacements,
            ErrorBodyShape errorBody,
            AuthorizationContract? authorization,
            ResponseHeadersContract? headers = null,
            string? errorContentType = null)
        {
            Name = name;
            Statuses = statuses;
            SuccessStatusesRestricted = successStatusesRestricted;
            Replacements = replacements;
            ErrorBody = errorBody;
            Authorization = authorization;
            Headers = headers ?? ResponseHeadersContract.None;
            ErrorContentType = errorContentType;
            DocumentedList = string.Join(", ", statuses.Keys);
            DisplayName = string.IsNullOrEmpty(name) ? "error contract" : name + " error contract";
            documented = new bool[StatusLimit];
            foreach (var status in statuses.Keys)
            {
                if (status >= 0 && status < StatusLimit)
                {
                    documented[status] = true;
                }
            }
        }

        /// <summary>Statuses below this are looked up in <see cref="documented"/>; the rules ask for every response site.</summary>
        private const int StatusLimit = 1000;

        private readonly bool[] documented;

        /// <summary>The API's name, used in messages ("the Artworks API contract").</summary>
        public string? Name { get; }

        /// <summary>The contract as messages name it: "Artworks API error contract", or "error contract" when it has no name.</summary>
        public string DisplayName { get; }

        /// <summary>Every status the contract documents, by code.</summary>
        public ImmutableSortedDictionary<int, StatusEntry> Statuses { get; }

        /// <summary>
        /// True when only the listed 1xx–3xx statuses are allowed ("successStatuses": "documented");
        /// false when the contract lists error statuses only and leaves success statuses open ("any").
        /// </summary>
        public bool SuccessStatusesRestricted { get; }

        /// <summary>For an undocumented status, the documented status a fix replaces it with.</summary>
        public ImmutableSortedDictionary<int, int> Replacements { get; }

        /// <summary>The shape of every error (4xx/5xx) body.</summary>
        public ErrorBodyShape ErrorBody { get; }

        /// <summary>How the API key travels in the <c>Authorization</c> header; null when the contract says nothing.</summary>
        public AuthorizationContract? Authorization { get; }

        /// <summary>The response headers each status documents (<c>"headers"</c> of a status entry); empty when none.</summary>
        public ResponseHeadersContract Headers { get; }

        /// <summary>The media type of every error body (<c>errorBody.contentType</c>), such as <c>application/problem+json</c>; null when not documented.</summary>
        public string? ErrorContentType { get; }

        /// <summary>The documented statuses as a comma-separated list, for messages.</summary>
        public string DocumentedList { get; }

        public bool IsDocumented(int status)
        {
            if (status >= 0 && status < StatusLimit ? documented[status] : Statuses.ContainsKey(status))
            {
                return true;
            }

            return status < 400 && !SuccessStatusesRestricted;
        }

        public bool IsError(int status) => status >= 400;

        /// <summary>
        /// The documented status that replaces an undocumented one: the contract's own mapping, else the
        /// first documented status of the same class (400 for 4xx, 500 for 5xx, 200 for 2xx) when documented.
        /// Null when there is no sensible replacement (the fix is then not offered).
        /// </summary>
        public int? GetReplacement(int status)
        {
            if (Replacements.TryGetValue(status, out var mapped))
            {
                return mapped;
            }

            var classDefault = (status / 100) * 100;
            if (classDefault == 400 || classDefault == 500 || classDefault == 200)
            {
                if (Statuses.ContainsKey(classDefault))
                {
                    return classDefault;
                }
            }

            return null;
        }
    }

    /// <summary>One documented status.</summary>
    public sealed partial class StatusEntry
    {
        public StatusEntry(int code, string? description, string? errorCode, string? message, ImmutableArray<string> requiredFields)
        {
            Code = code;
            Description = description;
            ErrorCode = errorCode;
            Message = message;
            RequiredFields = requiredFields;
        }

        public int Code { get; }

        /// <summary>What the docs page says the status means.</summary>
        public string? Description { get; }

        /// <summary>The value of the body's code field for this status (<c>not_found</c> for 404 in contract A).</summary>
        public string? ErrorCode { get; }

        /// <summary>The default message a fix writes into a body for this status.</summary>
        public string? Message { get; }

        /// <summary>Body fields that are required for this status in addition to the body's own required fields.</summary>
        public ImmutableArray<string> RequiredFields { get; }
    }

    /// <summary>The JSON object every error response carries.</summary>
    public sealed partial class ErrorBodyShape
    {
        public ErrorBodyShape(ImmutableArray<BodyField> fields, string? codeField, string? messageField, ValidationVariant? validation)
        {
            Fields = fields;
            CodeField = codeField;
            MessageField = messageField;
            Validation = validation;
        }

        /// <summary>Every field an error body may carry, in documented order.</summary>
        public ImmutableArray<BodyField> Fields { get; }

        /// <summary>The field that holds the per-status error code (<c>error</c> in contract A), if any.</summary>
        public string? CodeField { get; }

        /// <summary>The field that holds the human-readable message.</summary>
        public string? MessageField { get; }

        /// <summary>The validation variant (contract B's <c>errors: [{field, message, code}]</c>), if any.</summary>
        public ValidationVariant? Validation { get; }

        public BodyField? Find(string name)
        {
            foreach (var field in Fields)
            {
                if (field.Name == name)
                {
                    return field;
                }
            }

            return null;
        }
    }

    public enum BodyFieldType
    {
        String,
        Integer,
        Number,
        Boolean,
        Array,
        Object,
    }

    public sealed partial class BodyField
    {
        public BodyField(string name, BodyFieldType type, bool required)
        {
            Name = name;
            Type = type;
            Required = required;
        }

        public string Name { get; }

        public BodyFieldType Type { get; }

        /// <summary>Required in every error body (not only for some statuses).</summary>
        public bool Required { get; }
    }

    /// <summary>An error body variant that adds a list of per-field problems.</summary>
    public sealed class ValidationVariant
    {
        public ValidationVariant(string field, ImmutableArray<int> statuses, ImmutableArray<string> itemFields)
        {
            Field = field;
            Statuses = statuses;
            ItemFields = itemFields;
        }

        /// <summary>The body field holding the list (<c>errors</c>).</summary>
        public string Field { get; }

        /// <summary>The statuses whose bodies may carry the list (400).</summary>
        public ImmutableArray<int> Statuses { get; }

        /// <summary>The fields every item of the list has (<c>field</c>, <c>message</c>, <c>code</c>).</summary>
        public ImmutableArray<string> ItemFields { get; }
    }

    /// <summary>A problem found in a contract file, at a position in it.</summary>
    public readonly struct ContractError
    {
        public ContractError(string message, int start, int length, int line, int column)
        {
            Message = message;
            Start = start;
            Length = length;
            Line = line;
            Column = column;
        }

        public string Message { get; }

        /// <summary>Character offset of the offending text.</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>Zero-based line.</summary>
        public int Line { get; }

        /// <summary>Zero-based column.</summary>
        public int Column { get; }
    }

    /// <summary>The outcome of reading a contract file: a contract, or the errors that stop it being one.</summary>
    public sealed class ContractParseResult
    {
        public ContractParseResult(ErrorContractModel? contract, IReadOnlyList<ContractError> errors)
        {
            Contract = contract;
            Errors = errors;
        }

        /// <summary>Null when <see cref="Errors"/> is not empty.</summary>
        public ErrorContractModel? Contract { get; }

        public IReadOnlyList<ContractError> Errors { get; }
    }
}
