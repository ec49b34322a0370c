using System.Collections.Immutable;
using System.Globalization;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0011: an error response written with a content type other than the contract's <c>errorBody.contentType</c>. Made
    /// only when the contract documents one (<see cref="Create"/>).
    /// </summary>
    internal sealed class ContentTypeRules
    {
        /// <summary>The status the rate limiter's OnRejected answers with under the contract (EC0007 checks that it is 429).</summary>
        private const int RateLimitStatus = 429;

        private readonly ErrorContractModel contract;
        private readonly string documented;
        private readonly WellKnownTypes types;
        private readonly ImmutableDictionary<string, string?> replaceProperties;
        private readonly ImmutableDictionary<string, string?> addProperties;
        private readonly ImmutableDictionary<string, string?> noFixProperties;

        private ContentTypeRules(ErrorContractModel contract, string documented, WellKnownTypes types)
        {
            this.contract = contract;
            this.documented = documented;
            this.types = types;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ContentType, documented);
            replaceProperties = properties.Add(DiagnosticProperties.ContentTypeFix, DiagnosticProperties.ContentTypeFixes.Replace);
            addProperties = properties.Add(DiagnosticProperties.ContentTypeFix, DiagnosticProperties.ContentTypeFixes.AddArgument);
            noFixProperties = properties;
        }

        /// <summary>The rules, or null when the contract documents no error content type (then the rule costs nothing).</summary>
        public static ContentTypeRules? Create(ErrorContractModel contract, WellKnownTypes types) =>
            contract.ErrorContentType is string documented ? new ContentTypeRules(contract, documented, types) : null;

        /// <summary>EC0011 for an error site whose call writes another content type; null when it complies or states none.</summary>
        public Diagnostic? Check(ResponseSite site)
        {
            if (site.Status < 400 || !contract.Statuses.ContainsKey(site.Status))
            {
                // Success bodies are not error bodies; an undocumented status is EC0001's finding.
                return null;
            }

            return site.Operation is IInvocationOperation invocation ? Check(invocation, site.Status, site.Location) : null;
        }

        /// <summary>
        /// EC0011 for <c>WriteAsJsonAsync(…)</c> in the rate limiter's <c>OnRejected</c>, whose status (429) the code
        /// around it does not state: call only for an invocation that is no response site.
        /// </summary>
        public Diagnostic? CheckOnRejectedWrite(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.Name != "WriteAsJsonAsync"
                || !contract.Statuses.ContainsKey(RateLimitStatus)
                || !HeaderDiscovery.IsOnRejectedHandler(HeaderDiscovery.EnclosingFunction(invocation), types))
            {
                return null;
            }

            return Check(invocation, RateLimitStatus, Location.Create(invocation.Syntax.SyntaxTree, Squiggles.ForResponseSite(invocation.Syntax)));
        }

        private Diagnostic? Check(IInvocationOperation invocation, int code, Location location)
        {
            var written = ContentTypeDiscovery.FromInvocation(invocation, types);
            if (written.MediaType == null || ResponseHeadersContract.SameMediaType(written.MediaType, documented))
            {
                return null;
            }

            var status = code.ToString(CultureInfo.InvariantCulture);
            var mediaType = ResponseHeadersContract.MediaTypeOf(written.MediaType);
            if (written.Value != null)
            {
                return Diagnostic.Create(
                    Descriptors.EC0011_ContentType,
                    written.Value.Syntax.GetLocation(),
                    replaceProperties,
                    status,
                    mediaType,
                    contract.DisplayName,
                    documented);
            }

            return Diagnostic.Create(
                Descriptors.EC0011_DefaultContentType,
                location,
                written.Defaulted != null ? addProperties : noFixProperties,
                status,
                written.Api,
                mediaType,
                contract.DisplayName,
                documented);
        }

        /// <summary>
        /// EC0011 at <c>Response.ContentType = "text/plain"</c> where the code around it answers with a documented error
        /// status (<see cref="ContentTypeDiscovery.ErrorStatusAround"/>). Read only for a constant that contradicts the contract.
        /// </summary>
        public Diagnostic? CheckAssignment(ISimpleAssignmentOperation assignment)
        {
            var value = ContentTypeDiscovery.ResponseContentType(assignment, types);
            if (value == null || ResponseHeadersContract.SameMediaType((string)value.ConstantValue.Value!, documented))
            {
                return null;
            }

            var status = ContentTypeDiscovery.ErrorStatusAround(assignment, types);
            if (status == null || !contract.Statuses.ContainsKey(status.Value))
            {
                return null;
            }

            return Diagnostic.Create(
                Descriptors.EC0011_ContentType,
                value.Syntax.GetLocation(),
                replaceProperties,
                status.Value.ToString(CultureInfo.InvariantCulture),
                ResponseHeadersContract.MediaTypeOf((string)value.ConstantValue.Value!),
                contract.DisplayName,
                documented);
        }
    }
}
