using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>How a response site states its status.</summary>
    public enum ResponseSiteKind
    {
        /// <summary>The helper or factory's name fixes the status: <c>NotFound()</c>, <c>Results.UnprocessableEntity(x)</c>.</summary>
        ImpliedByMethod,

        /// <summary>An explicit status value: <c>StatusCode(418)</c>, <c>Results.Json(x, statusCode: 503)</c>, <c>new StatusCodeResult(418)</c>.</summary>
        StatusArgument,

        /// <summary>A framework result type whose type fixes the status: <c>new UnprocessableEntityObjectResult(x)</c>.</summary>
        ResultType,

        /// <summary>An assignment of a status property: <c>Response.StatusCode = 418</c>, <c>new ObjectResult(x) { StatusCode = 503 }</c>.</summary>
        StatusAssignment,

        /// <summary>A <c>[ProducesResponseType]</c> attribute or a <c>.Produces(…)</c> endpoint metadata call.</summary>
        Metadata,

        /// <summary>A type argument of a <c>Results&lt;…&gt;</c> union return type.</summary>
        UnionTypeArgument,

        /// <summary><c>new BadHttpRequestException(message, statusCode)</c>.</summary>
        Exception,
    }

    /// <summary>Which framework API a site uses (what a fix may rewrite it to).</summary>
    public enum ResponseApi
    {
        Other,
        ControllerBase,
        Results,
        TypedResults,
        MvcResultType,
        HttpResultType,
        HttpResponse,
    }

    /// <summary>
    /// One place in source where code decides the status (and possibly the body) of an HTTP response.
    /// The discovery produces these; every rule reads them.
    /// </summary>
    public sealed class ResponseSite
    {
        private TextSpan? span;

        public ResponseSite(
            int status,
            ResponseSiteKind kind,
            ResponseApi api,
            SyntaxNode node,
            IOperation? operation,
            IOperation? statusValue,
            SyntaxNode? statusSyntax,
            IOperation? body,
            bool reportsStatus = true)
        {
            ReportsStatus = reportsStatus;
            StatusSyntax = statusSyntax;
            Status = status;
            Kind = kind;
            Api = api;
            Node = node;
            Operation = operation;
            StatusValue = statusValue;
            Body = body;
        }

        /// <summary>
        /// False for a site that only carries a body for a status set elsewhere (the <c>WriteAsJsonAsync</c> after a
        /// <c>Response.StatusCode = …</c>, an <c>ObjectResult</c> whose initializer sets the status): the status itself
        /// is reported at its own site.
        /// </summary>
        public bool ReportsStatus { get; }

        /// <summary>The HTTP status this site produces.</summary>
        public int Status { get; }

        public ResponseSiteKind Kind { get; }

        public ResponseApi Api { get; }

        /// <summary>The syntax a diagnostic about the status is reported on.</summary>
        public SyntaxNode Node { get; }

        /// <summary>
        /// The precise span of a diagnostic: the node, except that a call on an instance receiver
        /// (<c>app.MapGet(…).Produces(418)</c>) is marked from the method name on.
        /// </summary>
        /// <remarks>Computed when first read: most sites comply and are never reported.</remarks>
        public TextSpan Span => span ??= Squiggles.ForResponseSite(Node);

        public Location Location => Location.Create(Node.SyntaxTree, Span);

        /// <summary>The invocation, creation or assignment that is the site (null for attributes and type arguments).</summary>
        public IOperation? Operation { get; }

        /// <summary>The constant status value when stated explicitly (the operand a fix rewrites), else null.</summary>
        public IOperation? StatusValue { get; }

        /// <summary>The syntax of the explicit status value (what a fix rewrites), else null.</summary>
        public SyntaxNode? StatusSyntax { get; }

        /// <summary>The response body value, when the site passes one.</summary>
        public IOperation? Body { get; }

        /// <summary>
        /// What the body is (none, text, ProblemDetails, a JSON object shape, unknowable), for error statuses
        /// (4xx/5xx) of invocations, creations and assignments; null for other sites.
        /// </summary>
        public ResponseBody? BodyDescription
        {
            get
            {
                if (pendingBody != null)
                {
                    bodyDescription = pendingBody.Describe();
                    pendingBody = null;
                }

                return bodyDescription;
            }

            internal set
            {
                bodyDescription = value;
                pendingBody = null;
            }
        }

        private ResponseBody? bodyDescription;

        /// <summary>The description to make on the first read (<see cref="DescribeBodyLater"/>).</summary>
        private BodyDiscovery.PendingDescription? pendingBody;

        /// <summary>
        /// The body is described when a rule first reads <see cref="BodyDescription"/>: the endpoint rules, which ask only what
        /// status a site returns, never pay for it.
        /// </summary>
        internal void DescribeBodyLater(BodyDiscovery.PendingDescription pending)
        {
            bodyDescription = null;
            pendingBody = pending;
        }

        /// <summary>Where a diagnostic about the body goes: the body operand when the site has one, else the site.</summary>
        public Location BodyLocation
        {
            get
            {
                var value = BodyDescription?.Value;
                return value != null && value.Syntax.SyntaxTree == Node.SyntaxTree ? value.Syntax.GetLocation() : Location;
            }
        }
    }
}
