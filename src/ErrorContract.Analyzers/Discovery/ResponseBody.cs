using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>What kind of body a response site sends.</summary>
    public enum ResponseBodyKind
    {
        /// <summary>No body at all: <c>NotFound()</c>, <c>StatusCode(403)</c>, a bare <c>Response.StatusCode = 401</c>.</summary>
        None,

        /// <summary>A value that is not a JSON object: a plain string, a number, a list.</summary>
        NotAnObject,

        /// <summary>A ProblemDetails body, or a <c>ModelState</c> / <c>SerializableError</c> dictionary.</summary>
        ProblemDetails,

        /// <summary>A JSON object whose property names (and constant values) are known.</summary>
        Object,

        /// <summary>A body whose JSON shape cannot be known statically (<c>object</c>, a dictionary, an interface).</summary>
        Unknown,
    }

    /// <summary>The body of a response as System.Text.Json would write it, as far as it can be known from source.</summary>
    public sealed class ResponseBody
    {
        public static readonly ResponseBody Unknown = new ResponseBody(ResponseBodyKind.Unknown, null, null, ImmutableArray<BodyMember>.Empty, null, null);

        public ResponseBody(
            ResponseBodyKind kind,
            IOperation? value,
            string? what,
            ImmutableArray<BodyMember> members,
            IOperation? message,
            IInvocationOperation? writer,
            IOperation? validationErrors = null,
            string? serializedBy = null,
            bool declaredNames = false,
            bool jsonText = false,
            ProblemValues? problem = null,
            bool validationDictionary = false)
        {
            Problem = problem;
            ValidationDictionary = validationDictionary;
            JsonText = jsonText;
            SerializedBy = serializedBy;
            DeclaredNames = declaredNames;
            ValidationErrors = validationErrors;
            Kind = kind;
            Value = value;
            What = what;
            Members = members;
            Message = message;
            Writer = writer;
        }

        public ResponseBodyKind Kind { get; }

        /// <summary>
        /// The body is the ModelState dictionary or a SerializableError: field names mapped to messages, the framework's
        /// validation body before problem details (<c>BadRequest(ModelState)</c>), not a problem.
        /// </summary>
        public bool ValidationDictionary { get; }

        /// <summary>The body operand as written (conversions to <c>object</c> removed); null when the site passes none.</summary>
        public IOperation? Value { get; }

        /// <summary>For messages: "a plain string", "ProblemDetails", "the ModelState dictionary", …</summary>
        public string? What { get; }

        /// <summary>The JSON properties of an <see cref="ResponseBodyKind.Object"/> body, in source order.</summary>
        public ImmutableArray<BodyMember> Members { get; }

        /// <summary>The text the code meant as the error message (a string body, a ProblemDetails detail), if any.</summary>
        public IOperation? Message { get; }

        /// <summary>The <c>Response.WriteAsync</c> / <c>WriteAsJsonAsync</c> call that writes the body after a status assignment.</summary>
        public IInvocationOperation? Writer { get; }

        /// <summary>
        /// The framework's validation errors the body is made from: a ModelStateDictionary sent as the body or given to
        /// <c>ValidationProblem</c>, or the dictionary given to <c>Results.ValidationProblem</c>; null otherwise.
        /// </summary>
        public IOperation? ValidationErrors { get; }

        /// <summary>
        /// The call that turns the value into the JSON text the response sends (<c>JsonSerializer.Serialize</c>,
        /// <c>JsonConvert.SerializeObject</c>), for messages; null when the framework serializes the body itself.
        /// <see cref="Value"/> is then the serialized value, inside the call.
        /// </summary>
        public string? SerializedBy { get; }

        /// <summary>True when the names are written as declared in C# (no naming policy), not in camelCase.</summary>
        public bool DeclaredNames { get; }

        /// <summary>
        /// True when the body is JSON text written in the source (a string literal <c>"{\"message\": …}"</c>), read as JSON:
        /// <see cref="Value"/> is the literal, and the members carry no operation.
        /// </summary>
        public bool JsonText { get; }

        /// <summary>
        /// For a <see cref="ResponseBodyKind.ProblemDetails"/> body made in the source (<c>Problem(…)</c>, <c>new ProblemDetails { … }</c>):
        /// the member values it is given; null when they cannot be known.
        /// </summary>
        public ProblemValues? Problem { get; }

        public BodyMember? Find(string jsonName)
        {
            foreach (var member in Members)
            {
                if (member.JsonName == jsonName)
                {
                    return member;
                }
            }

            return null;
        }
    }

    /// <summary>One JSON property of a body.</summary>
    public sealed partial class BodyMember
    {
        private readonly string? constantText;

        public BodyMember(string jsonName, string clrName, IOperation? value, ImmutableArray<ResponseBody>? items, BodyFieldType? jsonType, string? constantText = null)
        {
            this.constantText = constantText;
            JsonType = jsonType;
            JsonName = jsonName;
            ClrName = clrName;
            Value = value;
            Items = items;
        }

        /// <summary>The name System.Text.Json writes (camelCase, or <c>[JsonPropertyName]</c>).</summary>
        public string JsonName { get; }

        /// <summary>The C# property name.</summary>
        public string ClrName { get; }

        /// <summary>The expression that gives the value, when the source shows it (initializer, constructor argument).</summary>
        public IOperation? Value { get; }

        /// <summary>For a list-valued property: the shapes of its items, when known; null when not a list or unknown.</summary>
        public ImmutableArray<ResponseBody>? Items { get; }

        /// <summary>The JSON type System.Text.Json writes for the member's declared type; null when it cannot be known.</summary>
        public BodyFieldType? JsonType { get; }

        /// <summary>The constant string value, when the source shows one (in C#, or in JSON text written in the source).</summary>
        /// <remarks>
        /// A string literal's text is read from its token: the compiler's constant value materialises the string on every
        /// read, and this is read for every error body that carries a code.
        /// </remarks>
        public string? ConstantString
        {
            get
            {
                if (constantText != null)
                {
                    return constantText;
                }

                if (Value?.Type?.SpecialType == SpecialType.System_String
                    && Value.Syntax is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return literal.Token.ValueText;
                }

                var constant = Value?.ConstantValue;
                return constant?.HasValue == true ? constant.Value.Value as string : null;
            }
        }
    }
}
