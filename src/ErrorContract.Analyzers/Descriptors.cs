using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers
{
    /// <summary>Every diagnostic the package reports, in one place.</summary>
    public static class Descriptors
    {
        public const string Category = "ErrorContract";

        public const string HelpLinkBase = "https://github.com/errorcontract/ErrorContract.Analyzers/blob/main/docs/rules/";

        /// <summary>
        /// The one way a descriptor is made: every rule is in the <see cref="Category"/> category, enabled by default, a
        /// warning unless it says otherwise (severities are set per rule in .editorconfig), with its help page at
        /// docs/rules/&lt;id&gt;.md. A rule whose diagnostics are reported when the compilation ends says so
        /// (<paramref name="compilationEnd"/>), so that the IDE knows they need the whole project.
        /// </summary>
        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string description,
            DiagnosticSeverity severity = DiagnosticSeverity.Warning,
            bool compilationEnd = false)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                Category,
                severity,
                isEnabledByDefault: true,
                description,
                HelpLinkBase + id + ".md",
                compilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());
        }

        // EC0003 has one descriptor per wording, with this title and description (and the same id and help link).
        private const string AuthorizationSchemeTitle = "Authorization header scheme contradicts the error contract";

        private const string AuthorizationSchemeDescription = "The API's contract documents how the API key is sent in the Authorization header: with the Bearer scheme, or as the bare key. This code sends, expects or announces the other form.";

        public static readonly DiagnosticDescriptor EC0000_InvalidContract = Create(
            RuleIds.InvalidContract,
            title: "The error contract file is invalid",
            messageFormat: "errorcontract.json: {0}; the error contract rules are off until the file is fixed",
            description: "The project's errorcontract.json could not be read as an error contract. Until it is valid, no other ErrorContract rule runs.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor EC0001_UndocumentedStatusCode = Create(
            RuleIds.UndocumentedStatusCode,
            title: "Status code not documented by the error contract",
            messageFormat: "Status {0} is not documented by the {1}; it documents {2}",
            description: "The API's error contract lists the HTTP status codes clients can receive. This code sets a status that is not in that list.");

        public static readonly DiagnosticDescriptor EC0002_ErrorBodyShape = Create(
            RuleIds.ErrorBodyShape,
            title: "Error body does not have the shape the error contract documents",
            messageFormat: "The body of this {0} response does not match the {1}: {2}",
            description: "The API's error contract documents one JSON shape for every error (4xx/5xx) body: its fields, which are required, and the error code for each status. This response sends no body, a plain-text body, a ProblemDetails body, or an object whose JSON shape differs from the contract.");

        // EC0003: one descriptor per wording, each message complete; the arguments are values only: {0} the header's
        // name, {1} the contract's display name. Where Bearer is forbidden:
        public static readonly DiagnosticDescriptor EC0003_BearerSent = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This request sends the API key with the Bearer scheme; the {1} documents '{0}: <key>'",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_BearerExpected = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This code expects the Bearer scheme in the incoming {0} header; the {1} documents '{0}: <key>'",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_BearerAnnounced = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This challenge announces the Bearer scheme; the {1} documents '{0}: <key>'",
            description: AuthorizationSchemeDescription);

        // Where Bearer is required:
        public static readonly DiagnosticDescriptor EC0003_BareKeySent = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This request sends the API key without the Bearer scheme; the {1} documents '{0}: Bearer <key>'",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_WholeHeaderRead = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This code reads the whole {0} header as the API key, without checking for the Bearer scheme; the {1} documents '{0}: Bearer <key>'",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0004_ApiControllerAutomaticResponses = Create(
            RuleIds.ApiControllerAutomaticResponses,
            title: "[ApiController] writes ProblemDetails bodies the error contract does not document",
            messageFormat: "{0}, which is not the {1}'s error body; {2}",
            description: "Controllers marked [ApiController] answer invalid model state with a 400 ValidationProblemDetails body, and turn bodyless 4xx results such as NotFound() into ProblemDetails bodies. When the contract's error body is not ProblemDetails, configure ApiBehaviorOptions so that these responses follow the contract.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor EC0005_FrameworkErrorResponses = Create(
            RuleIds.FrameworkErrorResponses,
            title: "Framework error handling writes bodies the error contract does not document",
            messageFormat: "{0}, which is not the {1}'s error body; {2}",
            description: "AddProblemDetails(), UseStatusCodePages() and UseExceptionHandler() without a handler, and UseDeveloperExceptionPage() outside a development check make ASP.NET Core write error bodies of its own (ProblemDetails, text/plain, an HTML page) instead of the contract's.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor EC0006_RequestTimeoutStatus = Create(
            RuleIds.RequestTimeoutStatus,
            title: "Request timeouts answer with a status the error contract does not document",
            messageFormat: "{0}; the {1} does not document {2}: set TimeoutStatusCode to a documented status, such as {3}",
            description: "The request timeouts middleware answers a timed-out request with 504 Gateway Timeout unless a policy sets TimeoutStatusCode. When the contract does not document that status, clients receive a status they do not handle.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor EC0007_RateLimiterRejection = Create(
            RuleIds.RateLimiterRejection,
            title: "Rate limiter rejections do not follow the error contract",
            messageFormat: "{0}; the {1} documents rate limiting as {2}",
            description: "The rate limiting middleware rejects requests with 503 Service Unavailable and an empty body unless RateLimiterOptions.RejectionStatusCode and OnRejected say otherwise. The contract documents its own rate-limit status and error body.");

        public static readonly DiagnosticDescriptor EC0008_BearerAuthenticationHandler = Create(
            RuleIds.BearerAuthenticationHandler,
            title: "Bearer authentication handler registered where the contract forbids Bearer",
            messageFormat: "{0} reads only 'Authorization: Bearer <key>' and challenges with 'WWW-Authenticate: Bearer' and an empty 401 body, but the {1} documents '{2}'",
            description: "A JWT Bearer or bearer-token authentication handler expects the Bearer scheme. Where the contract sends the API key without it, clients that follow the contract are always rejected.");

        public static readonly DiagnosticDescriptor EC0009_ContractWithoutAspNetCore = Create(
            RuleIds.ContractWithoutAspNetCore,
            title: "Error contract in a project that does not reference ASP.NET Core",
            messageFormat: "errorcontract.json is given to a project that does not reference ASP.NET Core: only the Authorization header rule (EC0003) applies here, to client code; the response rules (EC0001, EC0002, EC0004-EC0008) have no endpoints to check",
            description: "The error contract describes an ASP.NET Core API. In a project without ASP.NET Core (a client library, a test project) only the rule about the Authorization header runs. This is expected for an API client; otherwise the contract may have been added to the wrong project.",
            severity: DiagnosticSeverity.Info,
            compilationEnd: true);
    }
}
