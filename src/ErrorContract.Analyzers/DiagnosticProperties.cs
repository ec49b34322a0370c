using ErrorContract.Analyzers.Rules;

namespace ErrorContract.Analyzers
{
    /// <summary>
    /// The keys and values of the properties a rule puts on its diagnostics for the code fix, in one place: the rules
    /// write them and the fixes read them through these constants only.
    /// </summary>
    public static class DiagnosticProperties
    {
        /// <summary>EC0001, EC0002: the status the code answers with ("418"); EC0007: the status the fix writes.</summary>
        public const string Status = "Status";

        /// <summary>EC0010: the documented header the response does not set ("X-RateLimit-Reset").</summary>
        public const string Header = "Header";

        /// <summary>EC0011: the documented content type the fix writes ("application/problem+json").</summary>
        public const string ContentType = "ContentType";

        /// <summary>EC0011: the rewrite the fix makes, one of <see cref="ContentTypeFixes"/> (absent when there is no fix).</summary>
        public const string ContentTypeFix = "ContentTypeFix";

        /// <summary>EC0001: the documented status the fix writes instead (absent when the contract names none).</summary>
        public const string Replacement = "Replacement";

        /// <summary>EC0003: the rewrite the fix makes, one of <see cref="AuthorizationFixes"/> (absent when there is no fix).</summary>
        public const string AuthorizationFix = "AuthorizationFix";

        /// <summary>EC0003: the scheme word the fix writes (absent for Bearer).</summary>
        public const string AuthorizationScheme = "AuthorizationScheme";

        /// <summary>EC0003: the header name the fix writes (<see cref="AuthorizationFixes.RenameHeader"/>).</summary>
        public const string AuthorizationHeader = "AuthorizationHeader";

        /// <summary>EC0007: which part of the rate limiter's configuration is wrong, one of <see cref="RateLimiterProblems"/>.</summary>
        public const string RateLimiterProblem = "Problem";

        /// <summary>The values of <see cref="AuthorizationFix"/>: the names of <see cref="AuthorizationFixKind"/>.</summary>
        public static class AuthorizationFixes
        {
            public const string RemoveSchemeArgument = nameof(AuthorizationFixKind.RemoveSchemeArgument);
            public const string RemovePrefix = nameof(AuthorizationFixKind.RemovePrefix);
            public const string RemoveParsing = nameof(AuthorizationFixKind.RemoveParsing);
            public const string AddSchemeArgument = nameof(AuthorizationFixKind.AddSchemeArgument);
            public const string AddPrefix = nameof(AuthorizationFixKind.AddPrefix);
            public const string ReplaceScheme = nameof(AuthorizationFixKind.ReplaceScheme);
            public const string RenameHeader = nameof(AuthorizationFixKind.RenameHeader);
        }

        /// <summary>The values of <see cref="ContentTypeFix"/>.</summary>
        public static class ContentTypeFixes
        {
            /// <summary>The diagnostic marks the constant content type: it is replaced.</summary>
            public const string Replace = "Replace";

            /// <summary>The call leaves its contentType parameter to its default: <c>contentType: "…"</c> is passed.</summary>
            public const string AddArgument = "AddArgument";
        }

        /// <summary>The values of <see cref="RateLimiterProblem"/>.</summary>
        public static class RateLimiterProblems
        {
            /// <summary>No RejectionStatusCode: the middleware answers 503.</summary>
            public const string MissingStatus = "MissingStatus";

            /// <summary>A RejectionStatusCode other than the contract's rate-limit status.</summary>
            public const string WrongStatus = "WrongStatus";

            /// <summary>No OnRejected callback: the rejection has an empty body.</summary>
            public const string MissingOnRejected = "MissingOnRejected";

            /// <summary>An OnRejected callback that writes a body of another shape.</summary>
            public const string WrongBody = "WrongBody";
        }
    }
}
