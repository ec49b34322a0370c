using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorContract.Analyzers.Generation
{
    /// <summary>C# names and literals made from a contract's words (codes, field names, header names).</summary>
    internal static class Identifiers
    {
        private static readonly Dictionary<int, string> ReasonPhrases = new Dictionary<int, string>
        {
            [400] = "BadRequest",
            [401] = "Unauthorized",
            [402] = "PaymentRequired",
            [403] = "Forbidden",
            [404] = "NotFound",
            [405] = "MethodNotAllowed",
            [406] = "NotAcceptable",
            [407] = "ProxyAuthenticationRequired",
            [408] = "RequestTimeout",
            [409] = "Conflict",
            [410] = "Gone",
            [411] = "LengthRequired",
            [412] = "PreconditionFailed",
            [413] = "ContentTooLarge",
            [414] = "UriTooLong",
            [415] = "UnsupportedMediaType",
            [416] = "RangeNotSatisfiable",
            [417] = "ExpectationFailed",
            [418] = "ImATeapot",
            [421] = "MisdirectedRequest",
            [422] = "UnprocessableEntity",
            [423] = "Locked",
            [424] = "FailedDependency",
            [425] = "TooEarly",
            [426] = "UpgradeRequired",
            [428] = "PreconditionRequired",
            [429] = "TooManyRequests",
            [431] = "RequestHeaderFieldsTooLarge",
            [451] = "UnavailableForLegalReasons",
            [500] = "InternalServerError",
            [501] = "NotImplemented",
            [502] = "BadGateway",
            [503] = "ServiceUnavailable",
            [504] = "GatewayTimeout",
            [505] = "HttpVersionNotSupported",
            [506] = "VariantAlsoNegotiates",
            [507] = "InsufficientStorage",
            [508] = "LoopDetected",
            [510] = "NotExtended",
            [511] = "NetworkAuthenticationRequired",
        };

        /// <summary>The status's reason phrase as a name (<c>TooManyRequests</c>), or <c>Status</c> and the number.</summary>
        public static string ReasonPhrase(int status) =>
            ReasonPhrases.TryGetValue(status, out var phrase) ? phrase : "Status" + status.ToString(CultureInfo.InvariantCulture);

        /// <summary>The words of a name in PascalCase: <c>rate_limited</c>, <c>rate-limited</c>, <c>rateLimited</c> → <c>RateLimited</c>.</summary>
        public static string Pascal(string words)
        {
            var builder = new StringBuilder();
            var upper = true;
            foreach (var c in words)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else
                {
                    upper = true;
                }
            }

            return builder.ToString();
        }

        /// <summary>The words of a name in camelCase, escaped with <c>@</c> when it is a C# keyword (<c>params</c> → <c>@params</c>).</summary>
        public static string Camel(string words) => Escape(CamelWord(words));

        /// <summary>The words of a name in camelCase, not escaped.</summary>
        public static string CamelWord(string words)
        {
            var pascal = Pascal(words);
            if (pascal.Length == 0)
            {
                return pascal;
            }

            var end = 1;
            while (end < pascal.Length && char.IsUpper(pascal[end]) && (end + 1 == pascal.Length || char.IsUpper(pascal[end + 1])))
            {
                end++;
            }

            return pascal.Substring(0, end).ToLowerInvariant() + pascal.Substring(end);
        }

        /// <summary>A name, escaped with <c>@</c> when C# reserves it.</summary>
        public static string Escape(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>True when the text is a C# identifier that names a type or namespace part (no keyword, no <c>@</c>).</summary>
        public static bool IsValidName(string name) =>
            SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

        /// <summary>A C# string literal of the text.</summary>
        public static string StringLiteral(string text) =>
            SymbolDisplay.FormatLiteral(text, quote: true);

        /// <summary>Text for an XML doc comment.</summary>
        public static string Xml(string text) =>
            text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
    }
}
