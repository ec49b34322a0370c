using System.Collections.Immutable;
using System.Globalization;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>The rules that compare a discovered response site with the contract.</summary>
    internal sealed class ResponseRules
    {
        private readonly ErrorContractModel contract;
        private readonly string contractName;
        private readonly string documented;
        private readonly PerStatus<UndocumentedStatus> reports;

        public ResponseRules(ErrorContractModel contract)
        {
            this.contract = contract;
            contractName = contract.DisplayName;
            documented = contract.SuccessStatusesRestricted
                ? contract.DocumentedList
                : contract.DocumentedList + " (success statuses are not restricted)";
            reports = new PerStatus<UndocumentedStatus>(CreateReport);
        }

        /// <summary>EC0001 for a site whose status the contract does not document; null when it does.</summary>
        public Diagnostic? Check(ResponseSite site)
        {
            if (!site.ReportsStatus || contract.IsDocumented(site.Status))
            {
                return null;
            }

            var report = reports.Get(site.Status);
            return Diagnostic.Create(
                Descriptors.EC0001_UndocumentedStatusCode,
                site.Location,
                report.Properties,
                report.Status,
                contractName,
                report.Allowed);
        }

        /// <summary>What every EC0001 about one undocumented status says: made once per status.</summary>
        private UndocumentedStatus CreateReport(int status)
        {
            var text = status.ToString(CultureInfo.InvariantCulture);
            var replacement = contract.GetReplacement(status);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Status, text);
            var advice = string.Empty;
            if (replacement.HasValue)
            {
                var replacementText = replacement.Value.ToString(CultureInfo.InvariantCulture);
                properties = properties.Add(DiagnosticProperties.Replacement, replacementText);
                advice = "; use " + replacementText + " instead";
            }

            return new UndocumentedStatus(text, properties, documented + advice);
        }

        private sealed class UndocumentedStatus
        {
            public UndocumentedStatus(string status, ImmutableDictionary<string, string?> properties, string allowed)
            {
                Status = status;
                Properties = properties;
                Allowed = allowed;
            }

            public string Status { get; }

            public ImmutableDictionary<string, string?> Properties { get; }

            public string Allowed { get; }
        }
    }
}
