using System;
using System.Text;

namespace ErrorContract.Analyzers.Contract.OpenApi
{
    /// <summary>
    /// Route templates as the OpenAPI rules compare them: an ASP.NET Core template (<c>artworks/{id:int?}</c>) and an OpenAPI
    /// path (<c>/artworks/{id}</c>) are the same route when their normalised forms are equal. Normalising drops constraints,
    /// defaults, optional markers, catch-all stars and parameter names (every parameter becomes <c>{}</c>), lowers the case of
    /// literals, and writes one leading slash and no trailing one. Pure functions; no Roslyn.
    /// </summary>
    public static class RouteTemplates
    {
        /// <summary>A parameter, as normalised templates write it.</summary>
        public const string Parameter = "{}";

        /// <summary>The normalised form of <paramref name="template"/>, or null when it is not a readable template (an unclosed brace).</summary>
        public static string? Normalize(string? template)
        {
            if (template == null)
            {
                return null;
            }

            var builder = new StringBuilder(template.Length + 1);
            var i = 0;
            var text = template.Trim();
            if (text.StartsWith("~/", StringComparison.Ordinal))
            {
                i = 2;
            }

            var segmentStart = true;
            builder.Append('/');
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '/')
                {
                    if (!segmentStart)
                    {
                        builder.Append('/');
                        segmentStart = true;
                    }

                    continue;
                }

                if (c == '?')
                {
                    // Not a template character outside a parameter: an OpenAPI path never has one, and ASP.NET Core refuses it.
                    break;
                }

                segmentStart = false;
                if (c == '{')
                {
                    if (i + 1 < text.Length && text[i + 1] == '{')
                    {
                        builder.Append('{');
                        i++;
                        continue;
                    }

                    var end = ParameterEnd(text, i + 1);
                    if (end < 0)
                    {
                        return null;
                    }

                    builder.Append(Parameter);
                    i = end;
                    continue;
                }

                if (c == '}')
                {
                    if (i + 1 < text.Length && text[i + 1] == '}')
                    {
                        i++;
                    }

                    builder.Append('}');
                    continue;
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            if (builder.Length > 1 && builder[builder.Length - 1] == '/')
            {
                builder.Length--;
            }

            return builder.ToString();
        }

        /// <summary>The segments of a normalised template (none for <c>/</c>).</summary>
        public static string[] Segments(string normalized)
        {
            return normalized.Length <= 1 ? Array.Empty<string>() : normalized.Substring(1).Split('/');
        }

        /// <summary>Joins two templates as ASP.NET Core does (a group prefix and a pattern, a controller route and an action route).</summary>
        public static string Combine(string prefix, string template)
        {
            var left = prefix.TrimEnd('/');
            var right = template.TrimStart('/');
            if (left.Length == 0)
            {
                return right;
            }

            return right.Length == 0 ? left : left + "/" + right;
        }

        /// <summary>
        /// <paramref name="template"/> without the leading segments <paramref name="prefix"/> (both normalised), or null when it does
        /// not start with them: <c>/v1/artworks</c> less <c>/v1</c> is <c>/artworks</c>.
        /// </summary>
        public static string? StripPrefix(string template, string prefix)
        {
            if (prefix.Length <= 1)
            {
                return template;
            }

            if (!template.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            if (template.Length == prefix.Length)
            {
                return "/";
            }

            return template[prefix.Length] == '/' ? template.Substring(prefix.Length) : null;
        }

        /// <summary>Whether the normalised <paramref name="template"/> ends with the segments of the normalised <paramref name="suffix"/>.</summary>
        public static bool EndsWithSegments(string template, string suffix)
        {
            if (suffix.Length <= 1)
            {
                return true;
            }

            // A normalised template starts with '/', so a match ends at a segment boundary.
            return template.EndsWith(suffix, StringComparison.Ordinal);
        }

        /// <summary>The index of the '}' closing a parameter whose name starts at <paramref name="from"/>; -1 when none does.</summary>
        private static int ParameterEnd(string text, int from)
        {
            for (var i = from; i < text.Length; i++)
            {
                if (text[i] != '}')
                {
                    continue;
                }

                // Inside a parameter, "}}" is an escaped brace of a regex constraint ({id:regex(^\\d{{3}}$)}).
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    i++;
                    continue;
                }

                return i;
            }

            return -1;
        }
    }

    /// <summary>
    /// The contract's <c>apiRoutes</c> patterns: <c>/v1/**</c>. A pattern is a route template whose segments may be <c>*</c> (any
    /// one segment) or <c>**</c> (any number of segments, none included); literals are compared case-insensitively and a route's
    /// parameter segment is matched only by a star.
    /// </summary>
    public static class RouteGlob
    {
        /// <summary>What is wrong with <paramref name="pattern"/> as an API route pattern, or null when nothing is.</summary>
        public static string? Validate(string pattern)
        {
            if (pattern.Length == 0)
            {
                return "is empty; write a route pattern such as \"/v1/**\"";
            }

            if (pattern[0] != '/')
            {
                return "does not start with '/'; write the route from the root, such as \"/" + pattern.TrimStart('~') + "\"";
            }

            var segments = pattern.Length == 1 ? Array.Empty<string>() : pattern.Substring(1).Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                if (segment.Length == 0)
                {
                    if (i == segments.Length - 1)
                    {
                        continue;
                    }

                    return "has an empty segment ('//'); separate segments with a single '/'";
                }

                if (segment == "*" || segment == "**")
                {
                    continue;
                }

                if (segment.IndexOf('*') >= 0)
                {
                    var suggestion = segment.Replace("*", string.Empty);
                    return "has '" + segment + "', where a star is part of a segment; '*' (one segment) and '**' (any number of segments) must be whole segments"
                        + (suggestion.Length > 0 ? ", such as \"/" + suggestion + "/**\"" : string.Empty);
                }

                if (segment.IndexOf('{') >= 0 || segment.IndexOf('}') >= 0)
                {
                    return "has the parameter '" + segment + "'; write '*' for a segment that varies (\"/v1/artworks/*\")";
                }

                if (segment.IndexOf('?') >= 0 || segment.IndexOf('#') >= 0 || segment.IndexOf('\\') >= 0)
                {
                    return "has the character '" + FirstOf(segment, "?#\\") + "'; a route pattern holds path segments only, such as \"/v1/**\"";
                }
            }

            return null;
        }

        /// <summary>Whether the normalised route template <paramref name="normalized"/> matches <paramref name="pattern"/> (a valid pattern).</summary>
        public static bool Matches(string pattern, string normalized)
        {
            var patternSegments = RouteTemplates.Segments(RouteTemplates.Normalize(pattern) ?? "/");
            var routeSegments = RouteTemplates.Segments(normalized);
            return Match(patternSegments, 0, routeSegments, 0);
        }

        private static bool Match(string[] pattern, int p, string[] route, int r)
        {
            while (p < pattern.Length)
            {
                var segment = pattern[p];
                if (segment == "**")
                {
                    for (var skip = r; skip <= route.Length; skip++)
                    {
                        if (Match(pattern, p + 1, route, skip))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (r >= route.Length)
                {
                    return false;
                }

                if (segment != "*" && !string.Equals(segment, route[r], StringComparison.Ordinal))
                {
                    return false;
                }

                p++;
                r++;
            }

            return r == route.Length;
        }

        private static char FirstOf(string text, string characters)
        {
            foreach (var c in text)
            {
                if (characters.IndexOf(c) >= 0)
                {
                    return c;
                }
            }

            return ' ';
        }
    }
}
