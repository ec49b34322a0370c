using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0010: a response of a status whose documented required headers the code around it does not set. Made only when
    /// the contract requires some header (<see cref="Create"/>); a site of a status without required headers leaves on one
    /// array read.
    /// </summary>
    internal sealed class HeaderRules
    {
        /// <summary>The status the rate limiter's OnRejected answers with under the contract (EC0007 checks that it is 429).</summary>
        private const int RateLimitStatus = 429;

        private readonly ErrorContractModel contract;
        private readonly WellKnownTypes types;
        private readonly HeaderDiscovery discovery;
        private readonly PerStatus<StatusHeaders> perStatus;

        private HeaderRules(ErrorContractModel contract, Compilation compilation, WellKnownTypes types)
        {
            this.contract = contract;
            this.types = types;
            discovery = new HeaderDiscovery(compilation, types);
            perStatus = new PerStatus<StatusHeaders>(CreateStatus);
        }

        /// <summary>The rules, or null when the contract requires no header (then the rule costs nothing).</summary>
        public static HeaderRules? Create(ErrorContractModel contract, Compilation compilation, WellKnownTypes types) =>
            contract.Headers.AnyRequired ? new HeaderRules(contract, compilation, types) : null;

        /// <summary>EC0010 for each required header of the site's status that the function making it does not set (the list is made on the first).</summary>
        public void Check(ResponseSite site, ref List<Diagnostic>? found)
        {
            var status = perStatus.Get(site.Status);
            if (status.Headers.IsEmpty || !site.ReportsStatus || site.Operation == null)
            {
                return;
            }

            switch (site.Kind)
            {
                case ResponseSiteKind.Metadata:
                case ResponseSiteKind.UnionTypeArgument:
                case ResponseSiteKind.Exception:
                    // What an endpoint declares, or an exception the framework turns into a response: nothing is made here.
                    return;
            }

            var function = HeaderDiscovery.EnclosingFunction(site.Operation);
            if (HeaderDiscovery.IsOnRejectedHandler(function, types))
            {
                // The rate limiter's handler is checked as a whole, at its assignment (CheckOnRejected): reported once.
                return;
            }

            var writes = discovery.WrittenBy(function);
            for (var i = 0; i < status.Headers.Length; i++)
            {
                var header = status.Headers[i];
                if (!writes.Sets(header.Name))
                {
                    (found ??= new List<Diagnostic>()).Add(Diagnostic.Create(Descriptors.EC0010_MissingHeader, site.Location, status.Properties[i], status.Text, header.Name, contract.DisplayName, header.ValueDescription));
                }
            }
        }

        /// <summary>EC0010 at <c>options.OnRejected = …</c>: the rate limiter's rejections must carry the rate-limit status's headers.</summary>
        public void CheckOnRejected(ISimpleAssignmentOperation assignment, ref List<Diagnostic>? found)
        {
            var status = perStatus.Get(RateLimitStatus);
            if (status.Headers.IsEmpty || types.Configuration == null)
            {
                return;
            }

            if (ConfigurationDiscovery.FromAssignment(assignment, types.Configuration).Kind != OptionsAssignmentKind.OnRejected)
            {
                return;
            }

            var handler = assignment.Value;
            while (handler is IConversionOperation conversion)
            {
                handler = conversion.Operand;
            }

            if (handler is IDelegateCreationOperation creation)
            {
                handler = creation.Target;
            }

            HeaderWrites writes;
            if (handler is IAnonymousFunctionOperation lambda)
            {
                writes = discovery.WrittenBy(lambda);
            }
            else if (handler is IMethodReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Method.ContainingAssembly, types.SourceAssembly)
                && !reference.Method.DeclaringSyntaxReferences.IsEmpty)
            {
                writes = new HeaderWrites();
                types.Helpers.AddHeadersWrittenBy(reference.Method.OriginalDefinition, discovery, writes, null);
            }
            else
            {
                // A handler made elsewhere (a field, a factory): what it sets is not known here.
                return;
            }

            for (var i = 0; i < status.Headers.Length; i++)
            {
                var header = status.Headers[i];
                if (!writes.Sets(header.Name))
                {
                    (found ??= new List<Diagnostic>()).Add(Diagnostic.Create(
                        Descriptors.EC0010_MissingHeaderOnRejected,
                        assignment.Target.Syntax.GetLocation(),
                        status.Properties[i],
                        status.Text,
                        header.Name,
                        contract.DisplayName,
                        header.ValueDescription));
                }
            }
        }

        private StatusHeaders CreateStatus(int status)
        {
            var headers = contract.Headers.RequiredFor(status);
            var text = status.ToString(CultureInfo.InvariantCulture);
            var properties = ImmutableArray.CreateBuilder<ImmutableDictionary<string, string?>>(headers.Length);
            foreach (var header in headers)
            {
                properties.Add(ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.Status, text)
                    .Add(DiagnosticProperties.Header, header.Name));
            }

            return new StatusHeaders(text, headers, properties.MoveToImmutable());
        }

        /// <summary>What EC0010 says about one status, made once per status.</summary>
        private sealed class StatusHeaders
        {
            public StatusHeaders(string text, ImmutableArray<DocumentedHeader> headers, ImmutableArray<ImmutableDictionary<string, string?>> properties)
            {
                Text = text;
                Headers = headers;
                Properties = properties;
            }

            public string Text { get; }

            /// <summary>The required headers of the status (empty for most statuses).</summary>
            public ImmutableArray<DocumentedHeader> Headers { get; }

            /// <summary>The diagnostic properties of each header, in the order of <see cref="Headers"/>.</summary>
            public ImmutableArray<ImmutableDictionary<string, string?>> Properties { get; }
        }
    }
}
