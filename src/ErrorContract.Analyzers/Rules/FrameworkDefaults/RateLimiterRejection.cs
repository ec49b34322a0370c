using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Rules
{
    public sealed partial class FrameworkDefaultsAnalyzer
    {
        /// <summary>The status the contract documents for rate limiting (the rule is silent when it does not document it).</summary>
        private const int RateLimitStatus = 429;

        /// <summary>The <see cref="DiagnosticProperties.Status"/> the fix writes as RejectionStatusCode.</summary>
        private static readonly string RateLimitStatusText = RateLimitStatus.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// EC0007 at every AddRateLimiter(...) call, when the compilation ends: RateLimiterOptions may be set in that call's
        /// configuration or anywhere else in the project, so what the whole project assigns decides. Reported at the call
        /// (so the fix can add the status there).
        /// </summary>
        private static void ReportRateLimiterRegistrations(CompilationAnalysisContext context, ErrorContractModel contract, ProjectConfiguration configuration)
        {
            if (configuration.RateLimiterRegistrations.IsEmpty
                || (configuration.RejectionStatusCodeSet && configuration.OnRejectedSet)
                || !contract.Statuses.TryGetValue(RateLimitStatus, out var entry))
            {
                return;
            }

            var fields = RateLimitBodyFields(contract, entry);
            foreach (var location in configuration.RateLimiterRegistrations)
            {
                if (!configuration.RejectionStatusCodeSet)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0007_MissingStatus,
                        location,
                        MissingStatusProperties,
                        contract.DisplayName,
                        fields));
                }

                if (!configuration.OnRejectedSet)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0007_MissingOnRejected,
                        location,
                        MissingOnRejectedProperties,
                        contract.DisplayName,
                        fields));
                }
            }
        }

        private static readonly ImmutableDictionary<string, string?> MissingStatusProperties =
            Problem(DiagnosticProperties.RateLimiterProblems.MissingStatus).Add(DiagnosticProperties.Status, RateLimitStatusText);

        private static readonly ImmutableDictionary<string, string?> MissingOnRejectedProperties =
            Problem(DiagnosticProperties.RateLimiterProblems.MissingOnRejected);

        /// <summary>EC0007 at <c>RejectionStatusCode = ...</c>: a constant status other than 429.</summary>
        private static void CheckRejectionStatus(OperationAnalysisContext context, ErrorContractModel contract, in OptionsAssignment assignment)
        {
            var status = assignment.Status;
            if (status.HasValue
                && status.Value != RateLimitStatus
                && contract.Statuses.TryGetValue(RateLimitStatus, out var entry))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0007_WrongStatus,
                    assignment.ValueLocation,
                    Problem(DiagnosticProperties.RateLimiterProblems.WrongStatus).Add(DiagnosticProperties.Status, RateLimitStatusText),
                    status.Value.ToString(CultureInfo.InvariantCulture),
                    contract.DisplayName,
                    RateLimitBodyFields(contract, entry)));
            }
        }

        /// <summary>
        /// EC0007 at <c>OnRejected = ...</c>: the body the handler writes with <c>WriteAsJsonAsync</c> must be the contract's
        /// 429 body (with <c>retry_after</c> under a contract that requires it).
        /// </summary>
        private static void CheckRejectionBody(OperationAnalysisContext context, ErrorContractModel contract, in OptionsAssignment assignment, WellKnownTypes types)
        {
            if (!contract.Statuses.TryGetValue(RateLimitStatus, out var entry))
            {
                return;
            }

            foreach (var written in ConfigurationDiscovery.RejectionBodies(assignment.Value, types))
            {
                var problem = ErrorBodyRules.Check(written.Body, ErrorBodyExpectation.For(contract, RateLimitStatus));
                if (problem != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EC0007_WrongBody,
                        written.Location,
                        Problem(DiagnosticProperties.RateLimiterProblems.WrongBody),
                        problem,
                        contract.DisplayName,
                        RateLimitBodyFields(contract, entry)));
                }
            }
        }

        private static ImmutableDictionary<string, string?> Problem(string problem) =>
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.RateLimiterProblem, problem);

        /// <summary>The required fields of the contract's 429 body: the error body's, then the status's own (<c>error, message, retry_after</c>).</summary>
        private static string RateLimitBodyFields(ErrorContractModel contract, StatusEntry entry)
        {
            var fields = new List<string>();
            foreach (var field in contract.ErrorBody.Fields)
            {
                if (field.Required)
                {
                    fields.Add(field.Name);
                }
            }

            foreach (var field in entry.RequiredFields)
            {
                if (!fields.Contains(field))
                {
                    fields.Add(field);
                }
            }

            return string.Join(", ", fields);
        }
    }
}
