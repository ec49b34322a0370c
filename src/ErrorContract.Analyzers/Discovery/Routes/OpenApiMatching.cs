using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorContract.Analyzers.Contract.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Discovery.Routes
{
    /// <summary>
    /// Which operations of the OpenAPI document an endpoint is: by HTTP method and normalised route template (an endpoint without
    /// a method constraint matches every method of its path), with or without a server URL's path as prefix. For the rules that
    /// compare an endpoint with its documented responses (<see cref="OpenApiOperation.Responses"/>,
    /// <see cref="OpenApiOperation.Documents"/>).
    /// </summary>
    internal static class OpenApiMatching
    {
        /// <summary>The operations of a controller action (empty when it has none, or when its routes cannot be read).</summary>
        public static ImmutableArray<OpenApiOperation> OperationsOf(OpenApiDocument document, IMethodSymbol action, RouteTypes types)
            => OperationsOf(document, RouteDiscovery.OfAction(action, types));

        /// <summary>The operations of a minimal API Map call (empty when it has none, or when its routes cannot be read).</summary>
        public static ImmutableArray<OpenApiOperation> OperationsOf(OpenApiDocument document, IInvocationOperation mapCall, RouteTypes types)
            => OperationsOf(document, RouteDiscovery.OfMapCall(mapCall, types));

        /// <summary>The operations of a Map call made on a mapping method's parameter that every caller passes the application (see <see cref="RouteDiscovery.OfMapCallOnAppParameter"/>).</summary>
        public static ImmutableArray<OpenApiOperation> OperationsOfMapCallOnAppParameter(OpenApiDocument document, IInvocationOperation mapCall, RouteTypes types)
            => OperationsOf(document, RouteDiscovery.OfMapCallOnAppParameter(mapCall, types));

        /// <summary>The operations any of <paramref name="routes"/> matches, each once, in the order found.</summary>
        public static ImmutableArray<OpenApiOperation> OperationsOf(OpenApiDocument document, ImmutableArray<EndpointRoute> routes)
        {
            if (routes.IsDefaultOrEmpty)
            {
                return ImmutableArray<OpenApiOperation>.Empty;
            }

            var found = new List<OpenApiOperation>();
            foreach (var route in routes)
            {
                document.FindOperations(route.Normalized, route.Method, found);
            }

            return found.ToImmutableArray();
        }

        /// <summary>Whether a route has an operation in the document (or is at a path item written as a <c>$ref</c>, whose operations are unknown).</summary>
        public static bool HasOperation(OpenApiDocument document, EndpointRoute route, List<OpenApiOperation> scratch)
        {
            scratch.Clear();
            document.FindOperations(route.Normalized, route.Method, scratch);
            return scratch.Count > 0 || document.IsReferencedPath(route.Normalized);
        }

        /// <summary>The operation an endpoint's route would be, for messages: <c>paths./artworks/{id}.get</c>.</summary>
        public static string OperationKey(EndpointRoute route)
        {
            return "paths." + OpenApiPath(route.Template) + "." + (route.Method ?? "get").ToLowerInvariant();
        }

        /// <summary>An ASP.NET Core template written as an OpenAPI path: constraints, defaults, optional and catch-all markers dropped.</summary>
        public static string OpenApiPath(string template)
        {
            var builder = new System.Text.StringBuilder(template.Length + 1);
            var text = template.StartsWith("~/", System.StringComparison.Ordinal) ? template.Substring(2) : template;
            builder.Append('/');
            var i = 0;
            while (i < text.Length && text[i] == '/')
            {
                i++;
            }

            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c != '{')
                {
                    builder.Append(c);
                    continue;
                }

                var end = text.IndexOf('}', i);
                if (end < 0)
                {
                    builder.Append(text, i, text.Length - i);
                    break;
                }

                var name = text.Substring(i + 1, end - i - 1).TrimStart('*');
                var cut = name.IndexOfAny(new[] { ':', '=', '?' });
                if (cut >= 0)
                {
                    name = name.Substring(0, cut);
                }

                builder.Append('{').Append(name).Append('}');

                // A regex constraint's escaped braces ("}}") belong to the parameter.
                while (end + 1 < text.Length && text[end + 1] == '}')
                {
                    var next = text.IndexOf('}', end + 2);
                    if (next < 0)
                    {
                        break;
                    }

                    end = next;
                }

                i = end;
            }

            if (builder.Length > 1 && builder[builder.Length - 1] == '/')
            {
                builder.Length--;
            }

            return builder.ToString();
        }
    }
}
