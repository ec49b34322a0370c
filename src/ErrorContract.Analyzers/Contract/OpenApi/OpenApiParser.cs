using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace ErrorContract.Analyzers.Contract.OpenApi
{
    /// <summary>
    /// Reads the text of a JSON OpenAPI 3.x document into its operations and their documented responses, with the package's own
    /// JSON reader. Only what the OpenAPI rules need is checked (the version, <c>paths</c>, method keys, response keys); the rest
    /// of the document (schemas, parameters, examples) is not read. Never throws on bad input.
    /// </summary>
    public static class OpenApiParser
    {
        /// <summary>The HTTP methods a path item may hold (OpenAPI 3.0-3.2).</summary>
        internal static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace", "query" };

        /// <summary>The other fixed fields of a path item: not operations, so not read.</summary>
        internal static readonly string[] PathItemFields = { "summary", "description", "servers", "parameters", "$ref", "additionalOperations" };

        /// <summary>An OpenAPI document may be larger than a contract: 16 MB.</summary>
        internal static readonly JsonReader.FileWording Wording = new JsonReader.FileWording(
            "an OpenAPI document",
            "one JSON object, such as { \"openapi\": \"3.0.1\", \"info\": { ... }, \"paths\": { ... } }",
            "put notes in a \"description\" instead",
            16 * 1024 * 1024);

        /// <summary>Parses an OpenAPI document, collecting every problem with its position. Never throws.</summary>
        public static OpenApiParseResult Parse(string? text)
        {
            try
            {
                return new Mapper(text ?? string.Empty).Map();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new OpenApiParseResult(
                    null,
                    new List<ContractError> { new ContractError("the document could not be read (internal error: " + ex.GetType().Name + ": " + ex.Message + ")", 0, 0, 0, 0) });
            }
        }

        private sealed class Mapper
        {
            private readonly string text;
            private readonly List<ContractError> errors = new List<ContractError>();
            private TextPositions positions = new TextPositions(string.Empty);

            public Mapper(string text)
            {
                this.text = text;
            }

            public OpenApiParseResult Map()
            {
                var read = JsonReader.Read(text, Wording);
                positions = read.Positions;
                errors.AddRange(read.Errors);
                if (read.Root == null)
                {
                    return new OpenApiParseResult(null, errors);
                }

                if (read.Root is not JsonObject root)
                {
                    Error("an OpenAPI document must be a JSON object ({ \"openapi\": \"3.0.1\", \"paths\": ... }), not " + Describe(read.Root), read.Root);
                    return new OpenApiParseResult(null, errors);
                }

                var version = ReadVersion(root);
                if (version == null)
                {
                    return new OpenApiParseResult(null, errors);
                }

                var prefixes = ReadServers(root);
                var operations = ImmutableArray.CreateBuilder<OpenApiOperation>();
                var referenced = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
                var paths = root.Find("paths");
                if (paths != null)
                {
                    if (paths.Value is JsonObject pathsObject)
                    {
                        ReadPaths(pathsObject, operations, referenced);
                    }
                    else
                    {
                        Error("'paths' must be an object mapping paths to their operations, such as { \"/artworks/{id}\": { \"get\": { ... } } }, not " + Describe(paths.Value), paths.Value);
                    }
                }

                SortErrors();
                var document = errors.Count == 0 ? new OpenApiDocument(version, operations.ToImmutable(), prefixes, referenced.ToImmutable()) : null;
                return new OpenApiParseResult(document, errors);
            }

            private string? ReadVersion(JsonObject root)
            {
                var openapi = root.Find("openapi");
                if (openapi == null)
                {
                    var swagger = root.Find("swagger");
                    if (swagger != null)
                    {
                        Error(
                            "Swagger " + (swagger.Value is JsonString s ? "\"" + Shorten(s.Value) + "\"" : "2.0")
                                + " documents are not supported; only OpenAPI 3.x is read: convert the document (for example with https://converter.swagger.io or the Swagger Editor's 'Convert to OpenAPI 3'), or generate an OpenAPI 3 document",
                            swagger.Key);
                        return null;
                    }

                    Error("the document has no 'openapi' field; an OpenAPI document starts with \"openapi\": \"3.0.1\" (or another 3.x version)", root.Start, 1);
                    return null;
                }

                if (openapi.Value is not JsonString version)
                {
                    Error("'openapi' must be a string naming the version, such as \"3.0.1\", not " + Describe(openapi.Value), openapi.Value);
                    return null;
                }

                if (!version.Value.StartsWith("3.", StringComparison.Ordinal) || version.Value.Length < 3)
                {
                    Error("OpenAPI version \"" + Shorten(version.Value) + "\" is not supported; only OpenAPI 3.x documents are read (\"openapi\": \"3.0.1\", \"3.1.0\")", version);
                    return null;
                }

                return version.Value;
            }

            /// <summary>The empty prefix, then the path of each server URL that has no variable: /v1 for https://api.example.com/v1.</summary>
            private static ImmutableArray<string> ReadServers(JsonObject root)
            {
                var prefixes = ImmutableArray.CreateBuilder<string>();
                prefixes.Add(string.Empty);
                if (root.Find("servers")?.Value is not JsonArray servers)
                {
                    return prefixes.ToImmutable();
                }

                foreach (var item in servers.Items)
                {
                    if (item is not JsonObject server || server.Find("url")?.Value is not JsonString url || url.Value.IndexOf('{') >= 0)
                    {
                        continue;
                    }

                    var path = ServerPath(url.Value);
                    var normalized = path == null ? null : RouteTemplates.Normalize(path);
                    if (normalized != null && normalized.Length > 1 && !prefixes.Contains(normalized))
                    {
                        prefixes.Add(normalized);
                    }
                }

                return prefixes.ToImmutable();
            }

            private static string? ServerPath(string url)
            {
                var scheme = url.IndexOf("://", StringComparison.Ordinal);
                if (scheme < 0)
                {
                    return url.StartsWith("/", StringComparison.Ordinal) ? url : null;
                }

                var slash = url.IndexOf('/', scheme + 3);
                return slash < 0 ? "/" : url.Substring(slash);
            }

            private void ReadPaths(JsonObject paths, ImmutableArray<OpenApiOperation>.Builder operations, ImmutableHashSet<string>.Builder referenced)
            {
                foreach (var path in paths.Properties)
                {
                    if (path.Name.StartsWith("x-", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (!path.Name.StartsWith("/", StringComparison.Ordinal))
                    {
                        Error("the path \"" + Shorten(path.Name) + "\" does not start with '/'; a key of 'paths' is a path such as \"/" + Shorten(path.Name) + "\"", path.Key);
                        continue;
                    }

                    var template = RouteTemplates.Normalize(path.Name);
                    if (template == null)
                    {
                        Error("the path \"" + Shorten(path.Name) + "\" has a '{' without its '}'; write parameters as {name}", path.Key);
                        continue;
                    }

                    if (path.Value is not JsonObject item)
                    {
                        Error("the path \"" + Shorten(path.Name) + "\" must be an object mapping HTTP methods to operations, such as { \"get\": { \"responses\": { ... } } }, not " + Describe(path.Value), path.Value);
                        continue;
                    }

                    foreach (var member in item.Properties)
                    {
                        var name = member.Name;
                        if (name.StartsWith("x-", StringComparison.Ordinal) || Array.IndexOf(PathItemFields, name) >= 0)
                        {
                            if (name == "$ref")
                            {
                                referenced.Add(template);
                            }

                            continue;
                        }

                        if (Array.IndexOf(Methods, name) < 0)
                        {
                            var lower = name.ToLowerInvariant();
                            var hint = Array.IndexOf(Methods, lower) >= 0
                                ? " (did you mean '" + lower + "'? methods are written in lower case)"
                                : Suggest(name, Methods);
                            Error(
                                "'" + Shorten(name) + "' in the path \"" + Shorten(path.Name) + "\" is not an HTTP method" + hint + "; a path item holds the operations get, put, post, delete, options, head, patch, trace, and the fields summary, description, servers, parameters, $ref and x-*",
                                member.Key);
                            continue;
                        }

                        if (member.Value is not JsonObject operation)
                        {
                            Error("the operation " + name.ToUpperInvariant() + " " + Shorten(path.Name) + " must be an object such as { \"responses\": { \"200\": { ... } } }, not " + Describe(member.Value), member.Value);
                            continue;
                        }

                        operations.Add(ReadOperation(name, path.Name, template, member.Key, operation));
                    }
                }
            }

            private OpenApiOperation ReadOperation(string method, string path, string template, JsonString key, JsonObject operation)
            {
                var display = method.ToUpperInvariant() + " " + Shorten(path);
                var responses = ImmutableArray.CreateBuilder<OpenApiResponse>();
                var hasResponses = false;
                var responsesProperty = operation.Find("responses");
                if (responsesProperty != null)
                {
                    if (responsesProperty.Value is JsonObject responsesObject)
                    {
                        hasResponses = true;
                        foreach (var response in responsesObject.Properties)
                        {
                            if (response.Name.StartsWith("x-", StringComparison.Ordinal))
                            {
                                continue;
                            }

                            if (TryReadResponseKey(response.Name, out var kind, out var status))
                            {
                                responses.Add(new OpenApiResponse(response.Name, kind, status, response.Key.Start, response.Key.Length, response.Key.Line, response.Key.Column));
                            }
                            else
                            {
                                Error(
                                    "\"" + Shorten(response.Name) + "\" (a response of " + display + ") is neither a status nor a range; a response key is an HTTP status code from 100 to 599 (\"404\"), a range (\"1XX\" to \"5XX\") or \"default\""
                                        + ResponseKeyHint(response.Name),
                                    response.Key);
                            }
                        }
                    }
                    else
                    {
                        Error("'responses' of " + display + " must be an object mapping statuses to responses, such as { \"200\": { \"description\": \"OK\" } }, not " + Describe(responsesProperty.Value), responsesProperty.Value);
                    }
                }

                var operationId = operation.Find("operationId")?.Value is JsonString id ? id.Value : null;
                return new OpenApiOperation(method.ToUpperInvariant(), path, template, operationId, responses.ToImmutable(), hasResponses, key.Start, key.Length, key.Line, key.Column);
            }

            /// <summary>A response key: a status from 100 to 599, a range 1XX to 5XX (either case of X), or default.</summary>
            internal static bool TryReadResponseKey(string key, out OpenApiResponseKind kind, out int status)
            {
                kind = OpenApiResponseKind.Status;
                status = 0;
                if (key == "default")
                {
                    kind = OpenApiResponseKind.Default;
                    return true;
                }

                if (key.Length != 3 || key[0] < '1' || key[0] > '5')
                {
                    return false;
                }

                if ((key[1] == 'X' || key[1] == 'x') && (key[2] == 'X' || key[2] == 'x'))
                {
                    kind = OpenApiResponseKind.Range;
                    status = key[0] - '0';
                    return true;
                }

                if (key[1] < '0' || key[1] > '9' || key[2] < '0' || key[2] > '9')
                {
                    return false;
                }

                status = ((key[0] - '0') * 100) + ((key[1] - '0') * 10) + (key[2] - '0');
                return true;
            }

            private static string ResponseKeyHint(string key)
            {
                if (string.Equals(key, "default", StringComparison.OrdinalIgnoreCase))
                {
                    return " (did you mean \"default\"? it is written in lower case)";
                }

                if (key.Length == 3 && key[0] >= '1' && key[0] <= '5')
                {
                    return " (did you mean \"" + key[0] + "XX\"?)";
                }

                return string.Empty;
            }

            private void SortErrors()
            {
                for (var i = 1; i < errors.Count; i++)
                {
                    var current = errors[i];
                    var j = i - 1;
                    while (j >= 0 && errors[j].Start > current.Start)
                    {
                        errors[j + 1] = errors[j];
                        j--;
                    }

                    errors[j + 1] = current;
                }
            }

            private void Error(string message, JsonNode node) => Error(message, node.Start, node.Length);

            private void Error(string message, int start, int length) => errors.Add(positions.Error(message, start, length));

            /// <summary>" (did you mean 'post'?)" when a known name is one or two edits away.</summary>
            private static string Suggest(string written, string[] known)
            {
                string? best = null;
                var bestDistance = int.MaxValue;
                foreach (var candidate in known)
                {
                    var distance = Distance(written.ToLowerInvariant(), candidate);
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = candidate;
                    }
                }

                return best != null && bestDistance <= 2 && bestDistance < written.Length - 1 ? " (did you mean '" + best + "'?)" : string.Empty;
            }

            /// <summary>Edits between two names, a swap of neighbours counting as one ("psot" is one edit from "post").</summary>
            private static int Distance(string a, string b)
            {
                if (a.Length > 64 || b.Length > 64)
                {
                    return int.MaxValue;
                }

                var rows = new int[a.Length + 1, b.Length + 1];
                for (var i = 0; i <= a.Length; i++)
                {
                    rows[i, 0] = i;
                }

                for (var j = 0; j <= b.Length; j++)
                {
                    rows[0, j] = j;
                }

                for (var i = 1; i <= a.Length; i++)
                {
                    for (var j = 1; j <= b.Length; j++)
                    {
                        var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                        var best = Math.Min(Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1), rows[i - 1, j - 1] + cost);
                        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                        {
                            best = Math.Min(best, rows[i - 2, j - 2] + 1);
                        }

                        rows[i, j] = best;
                    }
                }

                return rows[a.Length, b.Length];
            }

            private static string Describe(JsonNode node) => JsonDescription.Describe(node, 60);

            private static string Shorten(string value) => JsonDescription.Shorten(value, 60);
        }
    }
}
