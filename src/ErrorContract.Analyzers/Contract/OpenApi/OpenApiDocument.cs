using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract.OpenApi
{
    /// <summary>
    /// The operations of an OpenAPI 3.x document (<c>openapi.json</c>), with the responses each one documents and where each is
    /// written in the file. Plain data, like the contract: nothing here depends on Roslyn.
    /// </summary>
    public sealed class OpenApiDocument
    {
        private readonly Dictionary<string, List<OpenApiOperation>> byTemplate;

        internal OpenApiDocument(
            string version,
            ImmutableArray<OpenApiOperation> operations,
            ImmutableArray<string> serverPrefixes,
            ImmutableHashSet<string> referencedPaths)
        {
            Version = version;
            Operations = operations;
            ServerPrefixes = serverPrefixes;
            ReferencedPaths = referencedPaths;
            byTemplate = new Dictionary<string, List<OpenApiOperation>>(StringComparer.Ordinal);
            foreach (var operation in operations)
            {
                if (!byTemplate.TryGetValue(operation.Template, out var list))
                {
                    list = new List<OpenApiOperation>();
                    byTemplate.Add(operation.Template, list);
                }

                list.Add(operation);
            }
        }

        /// <summary>The <c>openapi</c> field, such as <c>3.0.1</c>.</summary>
        public string Version { get; }

        /// <summary>Every operation, in document order.</summary>
        public ImmutableArray<OpenApiOperation> Operations { get; }

        /// <summary>
        /// The path of each simple server URL (<c>https://api.example.com/v1</c> → <c>/v1</c>, normalised), always with the empty
        /// prefix first: an endpoint matches a path with or without one of them.
        /// </summary>
        public ImmutableArray<string> ServerPrefixes { get; }

        /// <summary>The normalised templates of path items that are a <c>$ref</c>: their operations cannot be read, so any endpoint at them is taken as documented.</summary>
        public ImmutableHashSet<string> ReferencedPaths { get; }

        /// <summary>
        /// The operations an endpoint with this normalised route template (<see cref="RouteTemplates.Normalize"/>) and HTTP method
        /// matches; <paramref name="method"/> null means any method (an endpoint without a method constraint).
        /// </summary>
        public void FindOperations(string template, string? method, List<OpenApiOperation> found)
        {
            foreach (var prefix in ServerPrefixes)
            {
                var path = prefix.Length == 0 ? template : RouteTemplates.StripPrefix(template, prefix);
                if (path == null || !byTemplate.TryGetValue(path, out var list))
                {
                    continue;
                }

                foreach (var operation in list)
                {
                    if ((method == null || string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase)) && !found.Contains(operation))
                    {
                        found.Add(operation);
                    }
                }
            }
        }

        /// <summary>Whether the template is a path item written as a <c>$ref</c> (its operations are unknown).</summary>
        public bool IsReferencedPath(string template)
        {
            foreach (var prefix in ServerPrefixes)
            {
                var path = prefix.Length == 0 ? template : RouteTemplates.StripPrefix(template, prefix);
                if (path != null && ReferencedPaths.Contains(path))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One operation of the document: an HTTP method of a path (<c>paths./artworks/{id}.get</c>).</summary>
    public sealed class OpenApiOperation
    {
        internal OpenApiOperation(string method, string path, string template, string? operationId, ImmutableArray<OpenApiResponse> responses, bool hasResponses, int start, int length, int line, int column)
        {
            Method = method;
            Path = path;
            Template = template;
            OperationId = operationId;
            Responses = responses;
            HasResponses = hasResponses;
            Start = start;
            Length = length;
            Line = line;
            Column = column;
        }

        /// <summary>The HTTP method, upper case (<c>GET</c>).</summary>
        public string Method { get; }

        /// <summary>The path as the document writes it (<c>/artworks/{id}</c>).</summary>
        public string Path { get; }

        /// <summary>The path normalised for matching (<see cref="RouteTemplates.Normalize"/>).</summary>
        public string Template { get; }

        public string? OperationId { get; }

        /// <summary>The response keys the operation documents, in document order.</summary>
        public ImmutableArray<OpenApiResponse> Responses { get; }

        /// <summary>False when the operation has no <c>responses</c> object at all (allowed since OpenAPI 3.1): it documents nothing either way.</summary>
        public bool HasResponses { get; }

        /// <summary>Character offset of the method key (<c>"get"</c>) in the file.</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>Zero-based line of the method key.</summary>
        public int Line { get; }

        /// <summary>Zero-based column of the method key.</summary>
        public int Column { get; }

        /// <summary>How messages name it: <c>GET /artworks/{id}</c>.</summary>
        public string Display => Method + " " + Path;

        /// <summary>
        /// The response that documents <paramref name="status"/>: the exact status, else its range (<c>4XX</c>), else
        /// <c>default</c>; null when none does.
        /// </summary>
        public OpenApiResponse? ResponseFor(int status)
        {
            OpenApiResponse? range = null;
            OpenApiResponse? fallback = null;
            foreach (var response in Responses)
            {
                switch (response.Kind)
                {
                    case OpenApiResponseKind.Status when response.Status == status:
                        return response;
                    case OpenApiResponseKind.Range when response.Status == status / 100:
                        range ??= response;
                        break;
                    case OpenApiResponseKind.Default:
                        fallback ??= response;
                        break;
                }
            }

            return range ?? fallback;
        }

        /// <summary>Whether the operation documents <paramref name="status"/> (exactly, by its range, or by <c>default</c>).</summary>
        public bool Documents(int status) => ResponseFor(status) != null;
    }

    public enum OpenApiResponseKind
    {
        /// <summary>An exact status (<c>"404"</c>).</summary>
        Status,

        /// <summary>A range (<c>"4XX"</c>): <see cref="OpenApiResponse.Status"/> is its first digit.</summary>
        Range,

        /// <summary><c>"default"</c>: every status the operation does not list.</summary>
        Default,
    }

    /// <summary>A key of an operation's <c>responses</c>, with its position in the file.</summary>
    public sealed class OpenApiResponse
    {
        internal OpenApiResponse(string key, OpenApiResponseKind kind, int status, int start, int length, int line, int column)
        {
            Key = key;
            Kind = kind;
            Status = status;
            Start = start;
            Length = length;
            Line = line;
            Column = column;
        }

        /// <summary>The key as written (<c>404</c>, <c>4XX</c>, <c>default</c>).</summary>
        public string Key { get; }

        public OpenApiResponseKind Kind { get; }

        /// <summary>The status (<see cref="OpenApiResponseKind.Status"/>), the range's first digit (<see cref="OpenApiResponseKind.Range"/>), or 0.</summary>
        public int Status { get; }

        /// <summary>Character offset of the quoted key.</summary>
        public int Start { get; }

        public int Length { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>The outcome of reading an OpenAPI document: the document, or the errors that stop it being one.</summary>
    public sealed class OpenApiParseResult
    {
        internal OpenApiParseResult(OpenApiDocument? document, IReadOnlyList<ContractError> errors)
        {
            Document = document;
            Errors = errors;
        }

        /// <summary>Null when <see cref="Errors"/> is not empty.</summary>
        public OpenApiDocument? Document { get; }

        public IReadOnlyList<ContractError> Errors { get; }
    }
}
