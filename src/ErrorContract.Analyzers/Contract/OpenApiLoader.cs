using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using ErrorContract.Analyzers.Contract.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Contract
{
    /// <summary>
    /// Finds the project's OpenAPI document among its additional files — <c>openapi.json</c> or <c>*.openapi.json</c>, or the file
    /// the <c>ErrorContractOpenApiFile</c> MSBuild property names — and parses it once per distinct content (cached, like the
    /// contract).
    /// </summary>
    internal static class OpenApiLoader
    {
        /// <summary>The MSBuild property naming the document, as analyzers see it (the package's props make it compiler-visible).</summary>
        public const string FileProperty = "build_property.ErrorContractOpenApiFile";

        // Fewer than the contract's: a document may be several megabytes, and a project has one.
        private const int CacheSize = 4;
        private static readonly object Gate = new object();
        private static readonly string?[] CachedTexts = new string?[CacheSize];
        private static readonly OpenApiParseResult?[] CachedResults = new OpenApiParseResult?[CacheSize];
        private static int nextSlot;

        /// <summary>
        /// The project's OpenAPI files: with the property set, the additional file it names (JSON or not); otherwise every
        /// <c>openapi.json</c>, <c>*.openapi.json</c>, and their YAML spellings (reported as not supported).
        /// </summary>
        public static ImmutableArray<AdditionalText> FindDocuments(AnalyzerOptions options)
        {
            var named = NamedFile(options);
            var builder = ImmutableArray.CreateBuilder<AdditionalText>();
            foreach (var file in options.AdditionalFiles)
            {
                if ((named != null ? IsNamedFile(file.Path, named) : IsOpenApiFileName(Path.GetFileName(file.Path))) && !Contains(builder, file.Path))
                {
                    // The same file twice (the package adds openapi.json, and so does the project) is one document.
                    builder.Add(file);
                }
            }

            return builder.ToImmutable();
        }

        private static bool Contains(ImmutableArray<AdditionalText>.Builder files, string path)
        {
            foreach (var file in files)
            {
                if (string.Equals(file.Path, path, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The value of the ErrorContractOpenApiFile property, or null when it is not set.</summary>
        public static string? NamedFile(AnalyzerOptions options)
        {
            return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(FileProperty, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : null;
        }

        /// <summary><c>openapi.json</c>, <c>*.openapi.json</c>, or one of their YAML spellings (any case).</summary>
        public static bool IsOpenApiFileName(string name)
        {
            foreach (var extension in new[] { ".json", ".yaml", ".yml" })
            {
                if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    var stem = name.Substring(0, name.Length - extension.Length);
                    return string.Equals(stem, "openapi", StringComparison.OrdinalIgnoreCase)
                        || stem.EndsWith(".openapi", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }

        /// <summary>A YAML file (by its extension): not read, reported as not supported.</summary>
        public static bool IsYaml(string path)
        {
            return path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Whether <paramref name="path"/> is the file the property names (relative to the project, or absolute).</summary>
        internal static bool IsNamedFile(string path, string named)
        {
            var normalizedPath = path.Replace('\\', '/');
            var normalizedName = named.Replace('\\', '/');
            while (normalizedName.StartsWith("./", StringComparison.Ordinal))
            {
                normalizedName = normalizedName.Substring(2);
            }

            if (string.Equals(normalizedPath, normalizedName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return normalizedName.IndexOf("../", StringComparison.Ordinal) < 0
                ? normalizedPath.EndsWith("/" + normalizedName.TrimStart('/'), StringComparison.OrdinalIgnoreCase)
                : string.Equals(Path.GetFileName(normalizedPath), Path.GetFileName(normalizedName), StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The project's single valid OpenAPI document, or null (none, several, YAML, or invalid).</summary>
        public static OpenApiDocument? Load(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var files = FindDocuments(options);
            if (files.Length != 1 || IsYaml(files[0].Path))
            {
                return null;
            }

            var text = files[0].GetText(cancellationToken);
            return text == null ? null : Parse(text.ToString()).Document;
        }

        public static OpenApiParseResult Parse(string text)
        {
            lock (Gate)
            {
                for (var i = 0; i < CacheSize; i++)
                {
                    if (CachedTexts[i] is string cached && string.Equals(cached, text, StringComparison.Ordinal))
                    {
                        return CachedResults[i]!;
                    }
                }
            }

            var result = OpenApiParser.Parse(text);
            lock (Gate)
            {
                CachedTexts[nextSlot] = text;
                CachedResults[nextSlot] = result;
                nextSlot = (nextSlot + 1) % CacheSize;
            }

            return result;
        }
    }
}
