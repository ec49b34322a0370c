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
    }
}
