using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers
{
    /// <summary>Every diagnostic the package reports, in one place.</summary>
    public static class Descriptors
    {
        public const string Category = "ErrorContract";

        public const string HelpLinkBase = "https://github.com/errorcontract/ErrorContract.Analyzers/blob/main/docs/rules/";

        /// <summary>
        /// The one way a descriptor is made: every rule is in the <see cref="Category"/> category, enabled by default unless it
        /// says otherwise (EC0013, like API1002), a warning unless it says otherwise (severities are set per rule in .editorconfig), with its help page at
        /// docs/rules/&lt;id&gt;.md. A rule whose diagnostics are reported when the compilation ends says so
        /// (<paramref name="compilationEnd"/>), so that the IDE knows they need the whole project.
        /// </summary>
        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string description,
            DiagnosticSeverity severity = DiagnosticSeverity.Warning,
            bool compilationEnd = false,
            bool isEnabledByDefault = true)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                Category,
                severity,
                isEnabledByDefault,
                description,
                HelpLinkBase + id + ".md",
                compilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());
        }

        // EC0003 has one descriptor per wording, with this title and description (and the same id and help link).
        private const string AuthorizationSchemeTitle = "Authorization header scheme contradicts the error contract";

        private const string AuthorizationSchemeDescription = "The API's contract documents where and how the API key travels: the header (Authorization, X-API-Key), the word before the key (Bearer, Basic, another word, or none), the prefix of every key, and the places the key must never go (the query string, other headers). This code sends, expects, announces or reads the key in another form or another place.";

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

        // EC0003 under the other schemes and placements ("scheme": "Basic", "Token", …; "never"; "keyPrefix"): {0} the offending
        // value (the scheme word sent, the header or query parameter, the key constant), {1} the contract's display name, {2} what
        // the contract documents ("Authorization: Token <key>", "X-API-Key: <key>").
        public static readonly DiagnosticDescriptor EC0003_OtherSchemeSent = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This request sends the API key with the '{0}' scheme; the {1} documents '{2}'",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_SchemeMissing = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This request sends the API key without the '{0}' scheme; the {1} documents '{2}'",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_WholeHeaderReadWithoutScheme = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This code reads the whole header as the API key, without checking for the '{0}' scheme; the {1} documents '{2}'",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_WrongSchemeExpected = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This code expects the '{0}' scheme in the incoming header; the {1} documents '{2}'",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_WrongSchemeAnnounced = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This challenge announces the '{0}' scheme; the {1} documents '{2}'",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_KeySentInHeader = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This request sends the API key in the '{0}' header; the {1} documents '{2}' and no other header",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_KeyReadFromHeader = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This code reads the API key from the '{0}' header; the {1} documents '{2}' and no other header",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_KeySentInQuery = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This request puts the API key in the query string ('{0}'); the {1} documents '{2}' and never the query string",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_KeyReadFromQuery = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "This code reads the API key from the query string ('{0}'); the {1} documents '{2}' and never the query string",
            description: AuthorizationSchemeDescription);

        public static readonly DiagnosticDescriptor EC0003_KeyPrefix = Create(
            RuleIds.AuthorizationScheme,
            title: AuthorizationSchemeTitle,
            messageFormat: "The API key '{0}' does not start with the documented prefix; the {1} documents '{2}'",
            description: AuthorizationSchemeDescription);

        // EC0004-EC0008 word each finding of a rule in its own descriptor: the same id, title, description, severity and help
        // link, a complete message format whose arguments are values only (the contract's display name, a status, ...).

        private const string EC0004Title = "[ApiController] writes ProblemDetails bodies the error contract does not document";
        private const string EC0004Description = "Controllers marked [ApiController] answer invalid model state with a 400 ValidationProblemDetails body, and turn bodyless 4xx results such as NotFound() into ProblemDetails bodies. When the contract's error body is not ProblemDetails, configure ApiBehaviorOptions so that these responses follow the contract.";

        /// <summary>EC0004 for the automatic 400 on invalid model state. {0}: the contract's display name.</summary>
        public static readonly DiagnosticDescriptor EC0004_InvalidModelState = Create(
            RuleIds.ApiControllerAutomaticResponses,
            title: EC0004Title,
            messageFormat: "[ApiController] answers invalid model state with a 400 ValidationProblemDetails body, which is not the {0}'s error body; set ApiBehaviorOptions.InvalidModelStateResponseFactory to return the contract's body (in ConfigureApiBehaviorOptions), or set SuppressModelStateInvalidFilter = true and validate in the actions",
            description: EC0004Description,
            compilationEnd: true);

        /// <summary>EC0004 for the ProblemDetails given to bodyless 4xx results. {0}: the contract's display name.</summary>
        public static readonly DiagnosticDescriptor EC0004_ClientErrors = Create(
            RuleIds.ApiControllerAutomaticResponses,
            title: EC0004Title,
            messageFormat: "[ApiController] turns bodyless 4xx results such as NotFound() into ProblemDetails bodies, which is not the {0}'s error body; set ApiBehaviorOptions.SuppressMapClientErrors = true and return the contract's body from the actions",
            description: EC0004Description,
            compilationEnd: true);

        /// <summary>EC0004 under a problem-details contract: the automatic 400's type. {0}: the contract's display name; {1}: the type documented for 400.</summary>
        public static readonly DiagnosticDescriptor EC0004_InvalidModelStateType = Create(
            RuleIds.ApiControllerAutomaticResponses,
            title: EC0004Title,
            messageFormat: "[ApiController] answers invalid model state with a 400 problem whose 'type' is the framework's default (a link to the HTTP specification), but the {0} documents \"{1}\" for 400; set ApiBehaviorOptions.InvalidModelStateResponseFactory to return the documented problem (in ConfigureApiBehaviorOptions), set ProblemDetailsOptions.CustomizeProblemDetails, or set SuppressModelStateInvalidFilter = true and validate in the actions",
            description: EC0004Description,
            compilationEnd: true);

        /// <summary>EC0004 under a problem-details contract: the client errors' types. {0}: the contract's display name; {1}: a status; {2}: its documented type.</summary>
        public static readonly DiagnosticDescriptor EC0004_ClientErrorTypes = Create(
            RuleIds.ApiControllerAutomaticResponses,
            title: EC0004Title,
            messageFormat: "[ApiController] turns bodyless 4xx results such as NotFound() into problems whose 'type' is the framework's default (a link to the HTTP specification), not the type the {0} documents for each status (\"{2}\" for {1}); set ApiBehaviorOptions.ClientErrorMapping[{1}].Link (and the other statuses') to the documented types, or set SuppressMapClientErrors = true and return Problem(type: …) from the actions",
            description: EC0004Description,
            compilationEnd: true);

        private const string EC0005Title = "Framework error handling writes bodies the error contract does not document";
        private const string EC0005Description = "AddProblemDetails(), UseStatusCodePages() and UseExceptionHandler() without a handler, and UseDeveloperExceptionPage() outside a development check make ASP.NET Core write error bodies of its own (ProblemDetails, text/plain, an HTML page) instead of the contract's.";

        /// <summary>EC0005 for AddProblemDetails(). {0}: the contract's display name.</summary>
        public static readonly DiagnosticDescriptor EC0005_ProblemDetails = Create(
            RuleIds.FrameworkErrorResponses,
            title: EC0005Title,
            messageFormat: "AddProblemDetails() makes the framework write ProblemDetails bodies for exceptions and bodyless error responses, which is not the {0}'s error body; register an exception handler that writes the contract's body (builder.Services.AddExceptionHandler<T>()), or remove AddProblemDetails()",
            description: EC0005Description,
            compilationEnd: true);

        /// <summary>EC0005 for AddProblemDetails() under a problem-details contract. {0}: the contract's display name; {1}: a status; {2}: its documented type.</summary>
        public static readonly DiagnosticDescriptor EC0005_ProblemDetailsType = Create(
            RuleIds.FrameworkErrorResponses,
            title: EC0005Title,
            messageFormat: "AddProblemDetails() makes the framework write problems whose 'type' is its default (a link to the HTTP specification), not the type the {0} documents for each status (\"{2}\" for {1}); set the documented type in AddProblemDetails(options => options.CustomizeProblemDetails = context => …)",
            description: EC0005Description,
            compilationEnd: true);

        /// <summary>EC0005 for UseStatusCodePages() without a handler. {0}: the contract's display name.</summary>
        public static readonly DiagnosticDescriptor EC0005_StatusCodePages = Create(
            RuleIds.FrameworkErrorResponses,
            title: EC0005Title,
            messageFormat: "UseStatusCodePages() writes a text/plain body (ProblemDetails with AddProblemDetails) for every bodyless 4xx/5xx response, which is not the {0}'s error body; pass a handler that writes the contract's body: UseStatusCodePages(async context => ...)",
            description: EC0005Description,
            compilationEnd: true);

        /// <summary>EC0005 for UseExceptionHandler() without a handler. {0}: the contract's display name.</summary>
        public static readonly DiagnosticDescriptor EC0005_ExceptionHandler = Create(
            RuleIds.FrameworkErrorResponses,
            title: EC0005Title,
            messageFormat: "UseExceptionHandler() without a handler answers unhandled exceptions with 500 and the framework's body (empty, or ProblemDetails), which is not the {0}'s error body; pass an error path or a handler that writes the contract's 500 body, or register an IExceptionHandler with AddExceptionHandler<T>()",
            description: EC0005Description,
            compilationEnd: true);

        /// <summary>EC0005 for UseDeveloperExceptionPage() outside a development check. {0}: the contract's display name.</summary>
        public static readonly DiagnosticDescriptor EC0005_DeveloperExceptionPage = Create(
            RuleIds.FrameworkErrorResponses,
            title: EC0005Title,
            messageFormat: "UseDeveloperExceptionPage() outside an IsDevelopment() check sends clients an HTML page with stack traces for unhandled exceptions, which is not the {0}'s error body; call it only inside if (app.Environment.IsDevelopment())",
            description: EC0005Description,
            compilationEnd: true);

        private const string EC0006Title = "Request timeouts answer with a status the error contract does not document";
        private const string EC0006Description = "The request timeouts middleware answers a timed-out request with 504 Gateway Timeout unless a policy sets TimeoutStatusCode. When the contract does not document that status, clients receive a status they do not handle.";

        /// <summary>EC0006 for the middleware's default status. {0}: that status; {1}: the contract's display name; {2}: a documented status to use instead (or the documented list).</summary>
        public static readonly DiagnosticDescriptor EC0006_DefaultStatus = Create(
            RuleIds.RequestTimeoutStatus,
            title: EC0006Title,
            messageFormat: "AddRequestTimeouts() answers timed-out requests with {0} (the default, as no policy sets TimeoutStatusCode); the {1} does not document {0}: set TimeoutStatusCode to a documented status, such as {2}",
            description: EC0006Description,
            compilationEnd: true);

        /// <summary>EC0006 for a TimeoutStatusCode the contract does not document. {0}: the status; {1}: the contract's display name; {2}: a documented status to use instead (or the documented list).</summary>
        public static readonly DiagnosticDescriptor EC0006_TimeoutStatusCode = Create(
            RuleIds.RequestTimeoutStatus,
            title: EC0006Title,
            messageFormat: "TimeoutStatusCode is set to {0}; the {1} does not document {0}: set TimeoutStatusCode to a documented status, such as {2}",
            description: EC0006Description,
            compilationEnd: true);

        private const string EC0007Title = "Rate limiter rejections do not follow the error contract";
        private const string EC0007Description = "The rate limiting middleware rejects requests with 503 Service Unavailable and an empty body unless RateLimiterOptions.RejectionStatusCode and OnRejected say otherwise. The contract documents its own rate-limit status and error body.";

        /// <summary>EC0007 for an AddRateLimiter() whose project sets no RejectionStatusCode. {0}: the contract's display name; {1}: the 429 body's required fields.</summary>
        public static readonly DiagnosticDescriptor EC0007_MissingStatus = Create(
            RuleIds.RateLimiterRejection,
            title: EC0007Title,
            messageFormat: "AddRateLimiter() rejects requests with 503 (the default, as RejectionStatusCode is not set); the {0} documents rate limiting as 429 with the error body {{{1}}}: set RejectionStatusCode = StatusCodes.Status429TooManyRequests and an OnRejected that writes that body",
            description: EC0007Description,
            compilationEnd: true);

        /// <summary>EC0007 for an AddRateLimiter() whose project sets no OnRejected. {0}: the contract's display name; {1}: the 429 body's required fields.</summary>
        public static readonly DiagnosticDescriptor EC0007_MissingOnRejected = Create(
            RuleIds.RateLimiterRejection,
            title: EC0007Title,
            messageFormat: "AddRateLimiter() sets no OnRejected, so rejected requests get an empty body; the {0} documents rate limiting as 429 with the error body {{{1}}}: set RejectionStatusCode = StatusCodes.Status429TooManyRequests and an OnRejected that writes that body",
            description: EC0007Description,
            compilationEnd: true);

        /// <summary>EC0007 for a RejectionStatusCode other than 429. {0}: the status; {1}: the contract's display name; {2}: the 429 body's required fields.</summary>
        public static readonly DiagnosticDescriptor EC0007_WrongStatus = Create(
            RuleIds.RateLimiterRejection,
            title: EC0007Title,
            messageFormat: "RejectionStatusCode is set to {0}; the {1} documents rate limiting as 429 with the error body {{{2}}}: set RejectionStatusCode = StatusCodes.Status429TooManyRequests and an OnRejected that writes that body",
            description: EC0007Description);

        /// <summary>EC0007 for an OnRejected that writes another body. {0}: what the body lacks or gets wrong; {1}: the contract's display name; {2}: the 429 body's required fields.</summary>
        public static readonly DiagnosticDescriptor EC0007_WrongBody = Create(
            RuleIds.RateLimiterRejection,
            title: EC0007Title,
            messageFormat: "OnRejected writes a 429 body that does not match: {0}; the {1} documents rate limiting as 429 with the error body {{{2}}}: set RejectionStatusCode = StatusCodes.Status429TooManyRequests and an OnRejected that writes that body",
            description: EC0007Description);

        /// <summary>EC0008. {0}: the registration method (AddJwtBearer); {1}: the contract's display name; {2}: the documented header and scheme ("X-API-Key: &lt;key&gt;").</summary>
        public static readonly DiagnosticDescriptor EC0008_BearerAuthenticationHandler = Create(
            RuleIds.BearerAuthenticationHandler,
            title: "Bearer authentication handler registered where the contract's scheme is not Bearer",
            messageFormat: "{0}() reads only 'Authorization: Bearer <key>' and challenges with 'WWW-Authenticate: Bearer' and an empty 401 body, but the {1} documents '{2}'",
            description: "A JWT Bearer or bearer-token authentication handler expects the Bearer scheme in the Authorization header. Where the contract sends the API key without it (the bare key, another scheme word, another header), clients that follow the contract are always rejected.");

        public static readonly DiagnosticDescriptor EC0009_ContractWithoutAspNetCore = Create(
            RuleIds.ContractWithoutAspNetCore,
            title: "Error contract in a project that does not reference ASP.NET Core",
            messageFormat: "errorcontract.json is given to a project that does not reference ASP.NET Core: only the Authorization header rule (EC0003) applies here, to client code; the response rules (EC0001, EC0002, EC0004-EC0008) have no endpoints to check",
            description: "The error contract describes an ASP.NET Core API. In a project without ASP.NET Core (a client library, a test project) only the rule about the Authorization header runs. This is expected for an API client; otherwise the contract may have been added to the wrong project.",
            severity: DiagnosticSeverity.Info,
            compilationEnd: true);

        // EC0010 has one descriptor per wording, with this title and description.
        private const string EC0010Title = "Response does not set a header the error contract documents";
        private const string EC0010Description = "The API's contract documents response headers that every response of a status carries (X-RateLimit-Reset on 429, for example). This response of that status is made where none of the code around it sets the header: not the method that makes it, not a helper that method calls, not the rate limiter's OnRejected.";

        /// <summary>EC0010 at a response site. {0}: the status; {1}: the missing header; {2}: the contract's display name; {3}: what the value is.</summary>
        public static readonly DiagnosticDescriptor EC0010_MissingHeader = Create(
            RuleIds.DocumentedHeaderMissing,
            title: EC0010Title,
            messageFormat: "This {0} response does not set the header {1}, which the {2} documents on every {0} response ({3})",
            description: EC0010Description);

        /// <summary>EC0010 at RateLimiterOptions.OnRejected. {0}: the status; {1}: the missing header; {2}: the contract's display name; {3}: what the value is.</summary>
        public static readonly DiagnosticDescriptor EC0010_MissingHeaderOnRejected = Create(
            RuleIds.DocumentedHeaderMissing,
            title: EC0010Title,
            messageFormat: "OnRejected does not set the header {1} on the rate limiter's {0} responses, which the {2} documents on every {0} response ({3})",
            description: EC0010Description);

        // EC0011 has one descriptor per wording, with this title and description.
        private const string EC0011Title = "Error response content type contradicts the error contract";
        private const string EC0011Description = "The API's contract documents the media type of every error body (errorBody.contentType, such as application/problem+json). This error response is written with another one: a content type given in the code, or the default of the API that writes it.";

        /// <summary>EC0011 at a content type the code gives. {0}: the status; {1}: the media type written; {2}: the contract's display name; {3}: the documented media type.</summary>
        public static readonly DiagnosticDescriptor EC0011_ContentType = Create(
            RuleIds.ErrorContentType,
            title: EC0011Title,
            messageFormat: "This {0} response is sent as {1}, but the {2} documents {3} as the content type of every error body",
            description: EC0011Description);

        /// <summary>EC0011 at a site whose API writes its default. {0}: the status; {1}: the API; {2}: its default media type; {3}: the contract's display name; {4}: the documented media type.</summary>
        public static readonly DiagnosticDescriptor EC0011_DefaultContentType = Create(
            RuleIds.ErrorContentType,
            title: EC0011Title,
            messageFormat: "This {0} response is sent as {2}, what {1} writes when given no content type, but the {3} documents {4} as the content type of every error body",
            description: EC0011Description);

        // EC0012 and EC0013 have one descriptor for minimal APIs, judged where they are mapped, and one for controller actions,
        // judged when the compilation ends (global filters apply to every action).
        private const string EC0012Title = "Endpoint returns a status it does not declare";
        private const string EC0012Description = "What an endpoint declares ([ProducesResponseType] on the action, its controller and base classes, global filters, API conventions, a Results<...> return type, .Produces(...) on the endpoint and its route groups) is what its OpenAPI document and generated clients know. This endpoint returns a status the error contract allows, but the endpoint does not declare it: its clients have never heard of it.";
        private const string EC0013Title = "Endpoint declares a status it never returns";
        private const string EC0013Description = "An endpoint declares a status (an attribute, a .Produces(...) call, a Results<...> type argument) that none of its code returns, and that the framework does not answer for it by itself (400 under [ApiController] or with bound parameters, 401/403 under authorization, 415 under [Consumes], 429 under rate limiting, 500). The declaration promises clients a response that never comes. Off by default, like API1002.";

        /// <summary>EC0012 for a minimal API. {0}: the status; {1}: the endpoint; {2}: the statuses it declares; {3}: how to declare it.</summary>
        public static readonly DiagnosticDescriptor EC0012_UndeclaredStatusCode = Create(
            RuleIds.UndeclaredStatusCode,
            title: EC0012Title,
            messageFormat: "{1} returns {0}, which it does not declare (it declares {2}); declare it with {3}",
            description: EC0012Description);

        /// <summary>EC0012 for a controller action. {0}: the status; {1}: the endpoint; {2}: the statuses it declares; {3}: how to declare it.</summary>
        public static readonly DiagnosticDescriptor EC0012_UndeclaredStatusCodeInAction = Create(
            RuleIds.UndeclaredStatusCode,
            title: EC0012Title,
            messageFormat: "{1} returns {0}, which it does not declare (it declares {2}); declare it with {3}",
            description: EC0012Description,
            compilationEnd: true);

        /// <summary>
        /// EC0012 for a minimal API that declares nothing in code, judged against its operation in the OpenAPI document. {0}: the
        /// status; {1}: the endpoint; {2}: the operation; {3}: the statuses the operation documents.
        /// </summary>
        public static readonly DiagnosticDescriptor EC0012_UndocumentedInOpenApi = Create(
            RuleIds.UndeclaredStatusCode,
            title: EC0012Title,
            messageFormat: "{1} returns {0}, which its operation {2} in the OpenAPI document does not document (it documents {3}); add a {0} response to that operation, or return a status it documents",
            description: EC0012Description);

        /// <summary>EC0012 for a controller action that declares nothing in code, judged against its OpenAPI operation. Arguments as above.</summary>
        public static readonly DiagnosticDescriptor EC0012_UndocumentedInOpenApiInAction = Create(
            RuleIds.UndeclaredStatusCode,
            title: EC0012Title,
            messageFormat: "{1} returns {0}, which its operation {2} in the OpenAPI document does not document (it documents {3}); add a {0} response to that operation, or return a status it documents",
            description: EC0012Description,
            compilationEnd: true);

        /// <summary>EC0013 for a minimal API. {0}: the status; {1}: the endpoint.</summary>
        public static readonly DiagnosticDescriptor EC0013_DeclaredStatusNeverReturned = Create(
            RuleIds.DeclaredStatusNeverReturned,
            title: EC0013Title,
            messageFormat: "{1} declares {0} but never returns it; remove the declaration, or return {0} where it applies",
            description: EC0013Description,
            severity: DiagnosticSeverity.Info,
            isEnabledByDefault: false);

        /// <summary>EC0013 for a controller action. {0}: the status; {1}: the endpoint.</summary>
        public static readonly DiagnosticDescriptor EC0013_DeclaredStatusNeverReturnedInAction = Create(
            RuleIds.DeclaredStatusNeverReturned,
            title: EC0013Title,
            messageFormat: "{1} declares {0} but never returns it; remove the declaration, or return {0} where it applies",
            description: EC0013Description,
            severity: DiagnosticSeverity.Info,
            compilationEnd: true,
            isEnabledByDefault: false);

        private const string EC0014Title = "Endpoint declares a status its OpenAPI operation does not document";
        private const string EC0014Description = "The project's OpenAPI document (openapi.json, *.openapi.json or the file ErrorContractOpenApiFile names) is what clients and generated SDKs are built from. This endpoint declares, on itself ([ProducesResponseType] on the action, .Produces(...) on the Map call, a Results<...> type argument), a status that its operation in the document (matched by HTTP method and route template) does not document, not even through a range such as 4XX or default. The code and the document have drifted apart.";

        /// <summary>EC0014 for a minimal API. {0}: the status; {1}: the endpoint; {2}: the operation; {3}: the statuses it documents.</summary>
        public static readonly DiagnosticDescriptor EC0014_DeclarationNotDocumented = Create(
            RuleIds.DeclarationContradictsOpenApi,
            title: EC0014Title,
            messageFormat: "{1} declares {0}, which its operation {2} in the OpenAPI document does not document (it documents {3}); add a {0} response to that operation, or remove the declaration",
            description: EC0014Description);

        /// <summary>EC0014 for a controller action. Arguments as above.</summary>
        public static readonly DiagnosticDescriptor EC0014_DeclarationNotDocumentedInAction = Create(
            RuleIds.DeclarationContradictsOpenApi,
            title: EC0014Title,
            messageFormat: "{1} declares {0}, which its operation {2} in the OpenAPI document does not document (it documents {3}); add a {0} response to that operation, or remove the declaration",
            description: EC0014Description,
            compilationEnd: true);
        // EC0015 has one descriptor per direction, with this title and description.
        private const string EC0015Title = "Endpoint and OpenAPI operation without a counterpart";
        private const string EC0015Description = "The project's OpenAPI document (openapi.json) lists the API's operations by HTTP method and path. An endpoint of the project (a controller action with an attribute route, a minimal API Map call) that no operation matches is an endpoint its clients do not know about; an operation that no endpoint matches is documented but not served. Routes are compared without parameter names, constraints and defaults, and literals without case.";

        /// <summary>EC0015 at an endpoint. {0}: the endpoint's route ("GET /artworks/{id:int}"); {1}: the document's file name; {2}: the operation to add ("paths./artworks/{id}.get").</summary>
        public static readonly DiagnosticDescriptor EC0015_EndpointWithoutOperation = Create(
            RuleIds.OpenApiOperationWithoutEndpoint,
            title: EC0015Title,
            messageFormat: "The endpoint {0} has no operation in {1}: document it there ({2}), or correct the route if the document is right",
            description: EC0015Description,
            severity: DiagnosticSeverity.Info,
            compilationEnd: true);

        /// <summary>EC0015 at an operation of the document. {0}: the operation ("DELETE /artworks/{id}"); {1}: the document's file name.</summary>
        public static readonly DiagnosticDescriptor EC0015_OperationWithoutEndpoint = Create(
            RuleIds.OpenApiOperationWithoutEndpoint,
            title: EC0015Title,
            messageFormat: "The operation {0} in {1} has no endpoint in the project: map it, or remove it from the document if the API does not offer it",
            description: EC0015Description,
            severity: DiagnosticSeverity.Info,
            compilationEnd: true);

        /// <summary>EC0016. {0}: the document's file name; {1}: what is wrong.</summary>
        public static readonly DiagnosticDescriptor EC0016_InvalidOpenApiDocument = Create(
            RuleIds.InvalidOpenApiDocument,
            title: "The OpenAPI document is invalid or not supported",
            messageFormat: "{0}: {1}; the OpenAPI rules are off until the document is fixed",
            description: "The project's OpenAPI document (openapi.json, *.openapi.json, or the file the ErrorContractOpenApiFile property names) could not be read as a JSON OpenAPI 3.x document. Until it can, the rules that compare endpoints with it do not run.",
            compilationEnd: true);

        /// <summary>EC0017. {0}: the page's file name; {1}: what differs; {2}: the command that rewrites the page.</summary>
        public static readonly DiagnosticDescriptor EC0017_ErrorPageOutOfDate = Create(
            RuleIds.ErrorPageOutOfDate,
            title: "The error page is not the one the contract generates",
            messageFormat: "{0} is out of date with errorcontract.json ({1}); run '{2}' to rewrite it",
            description: "The project names its generated error page in the ErrorContractPageFile property. The page is generated from errorcontract.json, so that the documentation its users read says what the code is checked against; this page differs from what the contract generates now (the contract changed, or the page was edited by hand). It is an error by default, so that a build, and CI, fails until the page is rewritten.",
            severity: DiagnosticSeverity.Error,
            compilationEnd: true);

        /// <summary>EC0018. {0}: the class's full name; {1}: why it was not generated.</summary>
        public static readonly DiagnosticDescriptor EC0018_FactoriesNotGenerated = Create(
            RuleIds.FactoriesNotGenerated,
            title: "The error factories cannot be generated",
            messageFormat: "The error factory class {0} was not generated: {1}",
            description: "The package generates one static class of error factories from errorcontract.json, named by the ErrorContractFactoriesClass property (ApiErrors by default) in the ErrorContractFactoriesNamespace property's namespace (the project's root namespace by default). It reports this when that name is taken by a type of the project's own or is not a valid C# name. Set the properties to another name, or ErrorContractFactories to false to generate nothing.");
    }
}
