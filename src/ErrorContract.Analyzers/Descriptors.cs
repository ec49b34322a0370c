using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers
{
    /// <summary>Every diagnostic the package reports, in one place.</summary>
    public static class Descriptors
    {
        public const string Category = "ErrorContract";

        public const string HelpLinkBase = "https://github.com/errorcontract/ErrorContract.Analyzers/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor EC0000_InvalidContract = new DiagnosticDescriptor(
            RuleIds.InvalidContract,
            title: "The error contract file is invalid",
            messageFormat: "errorcontract.json: {0}; the error contract rules are off until the file is fixed",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The project's errorcontract.json could not be read as an error contract. Until it is valid, no other ErrorContract rule runs.",
            helpLinkUri: HelpLinkBase + RuleIds.InvalidContract + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor EC0001_UndocumentedStatusCode = new DiagnosticDescriptor(
            RuleIds.UndocumentedStatusCode,
            title: "Status code not documented by the error contract",
            messageFormat: "Status {0} is not documented by the {1}; it documents {2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The API's error contract lists the HTTP status codes clients can receive. This code sets a status that is not in that list.",
            helpLinkUri: HelpLinkBase + RuleIds.UndocumentedStatusCode + ".md");

        public static readonly DiagnosticDescriptor EC0002_ErrorBodyShape = new DiagnosticDescriptor(
            RuleIds.ErrorBodyShape,
            title: "Error body does not have the shape the error contract documents",
            messageFormat: "The body of this {0} response does not match the {1}: {2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The API's error contract documents one JSON shape for every error (4xx/5xx) body: its fields, which are required, and the error code for each status. This response sends no body, a plain-text body, a ProblemDetails body, or an object whose JSON shape differs from the contract.",
            helpLinkUri: HelpLinkBase + RuleIds.ErrorBodyShape + ".md");

        public static readonly DiagnosticDescriptor EC0003_AuthorizationScheme = new DiagnosticDescriptor(
            RuleIds.AuthorizationScheme,
            title: "Authorization header scheme contradicts the error contract",
            messageFormat: "{0}; the {1} documents '{2}'",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The API's contract documents how the API key is sent in the Authorization header: with the Bearer scheme, or as the bare key. This code sends, expects or announces the other form.",
            helpLinkUri: HelpLinkBase + RuleIds.AuthorizationScheme + ".md");
    }
}
