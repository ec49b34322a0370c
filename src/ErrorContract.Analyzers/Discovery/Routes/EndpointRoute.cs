using ErrorContract.Analyzers.Contract.OpenApi;

namespace ErrorContract.Analyzers.Discovery.Routes
{
    /// <summary>One route of an endpoint: an HTTP method (null: any) and a full template, as written and normalised.</summary>
    internal sealed class EndpointRoute
    {
        public EndpointRoute(string? method, string template, string normalized)
        {
            Method = method;
            Template = template;
            Normalized = normalized;
        }

        /// <summary>Upper case (<c>GET</c>); null when the endpoint accepts any method.</summary>
        public string? Method { get; }

        /// <summary>The full template, tokens replaced and prefixes joined (<c>api/artworks/{id:int}</c>).</summary>
        public string Template { get; }

        /// <summary>The template as the OpenAPI rules compare it (<see cref="RouteTemplates.Normalize"/>): <c>/api/artworks/{}</c>.</summary>
        public string Normalized { get; }

        /// <summary>How messages name it: <c>GET /api/artworks/{id:int}</c>.</summary>
        public string Display => (Method ?? "ANY") + " /" + Template.TrimStart('~').TrimStart('/');

        /// <summary>Creates a route, or null when the template cannot be normalised.</summary>
        public static EndpointRoute? Create(string? method, string template)
        {
            var normalized = RouteTemplates.Normalize(template);
            return normalized == null ? null : new EndpointRoute(method, template, normalized);
        }
    }
}
