using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>The content type a response site writes, as far as the code states it.</summary>
    internal readonly struct WrittenContentType
    {
        public WrittenContentType(string? mediaType, IOperation? value, IArgumentOperation? defaulted, string api)
        {
            MediaType = mediaType;
            Value = value;
            Defaulted = defaulted;
            Api = api;
        }

        /// <summary>The content type written: the constant the code gives, or the API's default.</summary>
        public string? MediaType { get; }

        /// <summary>The constant the code gives (the literal a fix replaces); null when the API's default applies.</summary>
        public IOperation? Value { get; }

        /// <summary>The <c>contentType</c> parameter left to its default (a fix may pass it); null when it is given.</summary>
        public IArgumentOperation? Defaulted { get; }

        /// <summary>The method that writes it (<c>Results.Json</c>, <c>WriteAsJsonAsync</c>), for messages.</summary>
        public string Api { get; }
    }

    /// <summary>
    /// The content type of a response: a <c>contentType</c> argument (<c>Results.Json(…, contentType: "…")</c>,
    /// <c>Content(text, "text/plain")</c>, <c>WriteAsJsonAsync(…, contentType: …)</c>), the default of the API that writes it
    /// when none is given, and <c>Response.ContentType = "…"</c>. Facts only; EC0011 compares them with the contract.
    /// MVC results whose content type is negotiated (<c>StatusCode(…, body)</c>, <c>ObjectResult</c>, <c>Problem(…)</c>) state none.
    /// </summary>
    internal static class ContentTypeDiscovery
    {
        /// <summary>What <c>Results.Json</c>, <c>TypedResults.Json</c> and <c>WriteAsJsonAsync</c> write without a content type.</summary>
        public const string JsonDefault = "application/json; charset=utf-8";

        /// <summary>What <c>Results.Text</c>/<c>Content</c> and <c>ControllerBase.Content</c> write without a content type.</summary>
        public const string TextDefault = "text/plain; charset=utf-8";

        /// <summary>What <c>Results.Problem</c>/<c>ValidationProblem</c> and their <c>TypedResults</c> forms write.</summary>
        public const string ProblemDefault = "application/problem+json";

        /// <summary>The status the rate limiter's OnRejected answers with under a contract (EC0007 checks that it is 429).</summary>
        private const int RateLimitStatus = 429;

        /// <summary>The content type the site's call writes; default when it states none this discovery can read.</summary>
        public static WrittenContentType FromSite(ResponseSite site, WellKnownTypes types) =>
            site.Operation is IInvocationOperation invocation ? FromInvocation(invocation, types) : default;

        /// <summary>The content type <paramref name="invocation"/> writes; default when it states none this discovery can read.</summary>
        public static WrittenContentType FromInvocation(IInvocationOperation invocation, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            var owner = method.ContainingType?.OriginalDefinition;
            string? fallback = null;
            string api;
            if (SymbolEqualityComparer.Default.Equals(owner, types.Results) || SymbolEqualityComparer.Default.Equals(owner, types.TypedResults))
            {
                api = owner!.Name + "." + method.Name;
                fallback = method.Name switch
                {
                    "Json" => JsonDefault,
                    "Text" => TextDefault,
                    "Content" => TextDefault,
                    "Problem" => ProblemDefault,
                    "ValidationProblem" => ProblemDefault,
                    _ => null,
                };
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, types.ControllerBase) && method.Name == "Content")
            {
                api = method.Name;
                fallback = TextDefault;
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, types.HttpResponseJsonExtensions) && method.Name == "WriteAsJsonAsync")
            {
                api = method.Name;
                fallback = JsonDefault;
            }
            else
            {
                return default;
            }

            if (fallback == null)
            {
                return default;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name != "contentType")
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    return new WrittenContentType(fallback, null, argument, api);
                }

                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value.ConstantValue is { HasValue: true, Value: string written })
                {
                    return new WrittenContentType(written, value, null, api);
                }

                // A null constant, a variable: null means the default; anything else is not known.
                return value.ConstantValue is { HasValue: true, Value: null } ? new WrittenContentType(fallback, null, null, api) : default;
            }

            // An overload without a contentType parameter: Results.Json(data, options), Content(text), WriteAsJsonAsync(value),
            // Results.Problem(…) (always application/problem+json).
            return new WrittenContentType(fallback, null, null, api);
        }

        /// <summary><c>Response.ContentType = "text/plain"</c>: the constant assigned; null for any other assignment.</summary>
        public static IOperation? ResponseContentType(ISimpleAssignmentOperation assignment, WellKnownTypes types)
        {
            if (!(assignment.Target is IPropertyReferenceOperation property)
                || property.Property.Name != "ContentType"
                || !ResponseDiscovery.DerivesFrom(property.Property.ContainingType, types.HttpResponse))
            {
                return null;
            }

            var value = assignment.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value.ConstantValue is { HasValue: true, Value: string } ? value : null;
        }

        /// <summary>
        /// The error status (400 or above) the code around <paramref name="assignment"/> answers with: a constant
        /// <c>Response.StatusCode = …</c> statement of a block the assignment is in (before or after it, not in a branch of
        /// its own), else 429 in the rate limiter's <c>OnRejected</c>; null when neither says.
        /// </summary>
        public static int? ErrorStatusAround(IOperation assignment, WellKnownTypes types)
        {
            var function = HeaderDiscovery.EnclosingFunction(assignment);
            for (var current = assignment; current != function && current.Parent != null; current = current.Parent)
            {
                if (!(current.Parent is IBlockOperation block))
                {
                    continue;
                }

                foreach (var statement in block.Operations)
                {
                    if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation status }
                        && status.Target is IPropertyReferenceOperation property
                        && property.Property.Name == "StatusCode"
                        && ResponseDiscovery.DerivesFrom(property.Property.ContainingType, types.HttpResponse)
                        && status.Value.ConstantValue is { HasValue: true, Value: int code }
                        && code >= 400)
                    {
                        return code;
                    }
                }
            }

            return HeaderDiscovery.IsOnRejectedHandler(function, types) ? RateLimitStatus : (int?)null;
        }
    }
}
