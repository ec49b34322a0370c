using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Meta
{
    /// <summary>
    /// The C# and JSON the tests are made of are written as raw string literals (<c>"""</c>), so that they read as
    /// the code they are: no verbatim string (<c>@"..."</c>, with its doubled quotes) spans several lines in a test file.
    /// </summary>
    public sealed class TestSourceStyleTests
    {
        [Fact]
        public void NoTestFileHasAMultiLineVerbatimString()
        {
            var testProject = Path.Combine(PackageConventionTests.RepositoryRoot(), "tests", "ErrorContract.Analyzers.Tests");
            var files = SourceFiles(testProject).ToList();
            Assert.Contains(files, f => Path.GetFileName(f) == nameof(TestSourceStyleTests) + ".cs");

            var offenders = files.SelectMany(f => MultiLineVerbatimStrings(f, Path.GetRelativePath(testProject, f))).ToList();

            Assert.True(offenders.Count == 0, "Multi-line verbatim strings (write them as raw string literals, \"\"\"):" + Environment.NewLine + string.Join(Environment.NewLine, offenders));
        }

        private static IEnumerable<string> MultiLineVerbatimStrings(string path, string name)
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var verbatim = node switch
                {
                    LiteralExpressionSyntax literal => literal.Token.IsKind(SyntaxKind.StringLiteralToken) && literal.Token.Text.StartsWith("@", StringComparison.Ordinal),
                    InterpolatedStringExpressionSyntax interpolated => interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken),
                    _ => false,
                };
                if (!verbatim)
                {
                    continue;
                }

                var span = node.GetLocation().GetLineSpan();
                if (span.EndLinePosition.Line > span.StartLinePosition.Line)
                {
                    yield return $"{name}({span.StartLinePosition.Line + 1})";
                }
            }
        }

        private static IEnumerable<string> SourceFiles(string folder) =>
            Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f =>
                {
                    var relative = Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                    return relative[0] != "bin" && relative[0] != "obj";
                })
                .OrderBy(f => f, StringComparer.Ordinal);
    }
}
