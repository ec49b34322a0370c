namespace ErrorContract.Analyzers
{
    /// <summary>The stable ids of every rule. An id is never reused for another rule.</summary>
    public static class RuleIds
    {
        public const string InvalidContract = "EC0000";
        public const string UndocumentedStatusCode = "EC0001";
        public const string ErrorBodyShape = "EC0002";
        public const string AuthorizationScheme = "EC0003";
        public const string ApiControllerAutomaticResponses = "EC0004";
        public const string FrameworkErrorResponses = "EC0005";
        public const string RequestTimeoutStatus = "EC0006";
        public const string RateLimiterRejection = "EC0007";
        public const string BearerAuthenticationHandler = "EC0008";
        public const string ContractWithoutAspNetCore = "EC0009";
        public const string DocumentedHeaderMissing = "EC0010";
        public const string ErrorContentType = "EC0011";
        public const string UndeclaredStatusCode = "EC0012";
        public const string DeclaredStatusNeverReturned = "EC0013";
        public const string DeclarationContradictsOpenApi = "EC0014";

        /// <summary>EC0015, both directions: an endpoint without an operation in the OpenAPI document, and an operation without an endpoint.</summary>
        public const string OpenApiOperationWithoutEndpoint = "EC0015";
        public const string InvalidOpenApiDocument = "EC0016";
        public const string ErrorPageOutOfDate = "EC0017";
        public const string FactoriesNotGenerated = "EC0018";
    }
}
