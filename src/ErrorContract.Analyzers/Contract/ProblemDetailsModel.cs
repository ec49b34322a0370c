using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>
    /// Problem details (RFC 9457, ASP.NET Core's <c>ProblemDetails</c>) as the error body: <c>"format": "problemDetails"</c>.
    /// </summary>
    public sealed partial class ErrorBodyShape
    {
        public ErrorBodyShape(
            ImmutableArray<BodyField> fields,
            string? codeField,
            string? messageField,
            ValidationVariant? validation,
            bool additionalFields,
            bool problemDetails,
            string? typeBase)
            : this(fields, codeField, messageField, validation, additionalFields)
        {
            IsProblemDetails = problemDetails;
            TypeBase = typeBase;
        }

        /// <summary>
        /// True when every error body is a problem-details object (<c>"format": "problemDetails"</c>): the members
        /// <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, <c>instance</c> are declared for the contract, and bodies made by
        /// <c>Problem(…)</c> or <c>new ProblemDetails { … }</c> are checked member by member.
        /// </summary>
        public bool IsProblemDetails { get; }

        /// <summary>The URI every relative problem <c>type</c> of the contract is resolved against (<c>typeBase</c>), if any.</summary>
        public string? TypeBase { get; }
    }

    /// <summary>The members of a problem-details body (RFC 9457 section 3.1), as ASP.NET Core's <c>ProblemDetails</c> writes them.</summary>
    public static class ProblemDetailsMembers
    {
        public const string Type = "type";
        public const string Title = "title";
        public const string Status = "status";
        public const string Detail = "detail";
        public const string Instance = "instance";

        /// <summary>
        /// What <c>"format": "problemDetails"</c> declares: <c>type</c> (the per-status code), <c>title</c> (the per-status
        /// message) and <c>status</c> (equal to the HTTP status) required, <c>detail</c> and <c>instance</c> optional.
        /// </summary>
        public static ImmutableArray<BodyField> Declared { get; } = ImmutableArray.Create(
            Field(Type, BodyFieldType.String, true, false, "A URI reference that identifies the problem type."),
            Field(Title, BodyFieldType.String, true, false, "A short, human-readable summary of the problem type."),
            Field(Status, BodyFieldType.Integer, true, true, "The HTTP status code of the response."),
            Field(Detail, BodyFieldType.String, false, false, "A human-readable explanation specific to this occurrence of the problem."),
            Field(Instance, BodyFieldType.String, false, false, "A URI reference that identifies the specific occurrence of the problem."));

        private static BodyField Field(string name, BodyFieldType type, bool required, bool equalsStatus, string description)
            => new BodyField(
                name,
                type,
                required,
                ImmutableArray<BodyField>.Empty,
                false,
                null,
                ImmutableArray<ContractValue>.Empty,
                null,
                equalsStatus,
                ImmutableArray<int>.Empty,
                description);
    }
    /// <summary>The problem types a problem-details contract documents per status.</summary>
    public sealed partial class ErrorContractModel
    {
        /// <summary>
        /// The problem <c>type</c> the contract documents for <paramref name="status"/> (the first of its codes when the body's code
        /// field is <c>type</c>, as in problem details); null when it documents none.
        /// </summary>
        public string? DocumentedProblemType(int status) =>
            ErrorBody.CodeField == ProblemDetailsMembers.Type && Statuses.TryGetValue(status, out var entry) && !entry.ErrorCodes.IsDefaultOrEmpty
                ? entry.ErrorCodes[0]
                : null;

        /// <summary>
        /// A status and its documented problem type, for messages: <paramref name="preferred"/> when it has one, else the first
        /// documented error status in <paramref name="from"/>..<paramref name="to"/> that has one; null when none has.
        /// </summary>
        public (int Status, string Type)? ExampleProblemType(int preferred, int from, int to)
        {
            if (DocumentedProblemType(preferred) is string type)
            {
                return (preferred, type);
            }

            foreach (var status in Statuses.Keys)
            {
                if (status >= from && status <= to && DocumentedProblemType(status) is string other)
                {
                    return (status, other);
                }
            }

            return null;
        }
    }
}
