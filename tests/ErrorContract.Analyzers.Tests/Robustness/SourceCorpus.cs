using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ErrorContract.Analyzers.Tests.Meta;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorContract.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Every C# source the repository holds as analyzer input: the test inputs written inside the rule
    /// tests (string literals, with their diagnostic markup removed) and the sample APIs' files.
    /// </summary>
    internal static class SourceCorpus
    {
        private static readonly Regex Markup = new Regex(@"\{\|EC\d{4}:|\|\}|\[\||\|\]", RegexOptions.Compiled);

        private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> All = new Lazy<IReadOnlyList<(string, string)>>(Load);

        public static IReadOnlyList<(string Name, string Text)> Sources => All.Value;

        private static IReadOnlyList<(string, string)> Load()
        {
            var root = PackageConventionTests.RepositoryRoot();
            var result = new List<(string, string)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);

            var testDirectory = Path.Combine(root, "tests", "ErrorContract.Analyzers.Tests", "Rules");
            foreach (var file in Directory.GetFiles(testDirectory, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
                var index = 0;
                foreach (var token in tree.GetRoot().DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.StringLiteralToken)
                        && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                        && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                    {
                        continue;
                    }

                    var text = token.ValueText;
                    if (text.Length < 40 || !(text.Contains("class ") || text.Contains("app.Map") || text.Contains("Results.")))
                    {
                        continue;
                    }

                    text = Markup.Replace(text, string.Empty);
                    if (seen.Add(text))
                    {
                        result.Add((Path.GetFileNameWithoutExtension(file) + "#" + index++, text));
                    }
                }
            }

            var samples = Path.Combine(root, "samples");
            if (Directory.Exists(samples))
            {
                foreach (var file in Directory.GetFiles(samples, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                    if (relative.Contains("/obj/") || relative.Contains("/bin/"))
                    {
                        continue;
                    }

                    var text = File.ReadAllText(file);
                    if (seen.Add(text))
                    {
                        result.Add((relative, text));
                    }
                }
            }

            return result;
        }
    }
}
