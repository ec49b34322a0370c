using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Rules;
using ErrorContract.Analyzers.Tests.Infrastructure;
using ErrorContract.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ErrorContract.Analyzers.Tests.OpenApi
{
    /// <summary>
    /// The route discovery runs on code being typed: every corpus source that maps endpoints or routes actions, cut off at a
    /// random point, is analysed with an OpenAPI document and a contract with apiRoutes (so that EC0015 and the apiRoutes check
    /// read every route), and no analyzer throws.
    /// </summary>
    public sealed class OpenApiAnalyzerRobustnessTests
    {
        private const string Contract = """
{
  "apiRoutes": ["/v1/**", "/artworks/*"],
  "successStatuses": "any",
  "statuses": { "400": { "description": "Bad request" }, "404": { "description": "Not found" } },
  "errorBody": { "fields": { "message": { "type": "string" } } }
}
""";

        private sealed class Text : AdditionalText
        {
            private readonly SourceText text;

            public Text(string path, string content)
            {
                Path = path;
                text = SourceText.From(content);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => text;
        }

        [Fact]
        public async Task CutOffRoutingCode_NeverMakesAnAnalyzerThrow()
        {
            var sources = SourceCorpus.Sources
                .Where(s => s.Text.Contains("Map", StringComparison.Ordinal) || s.Text.Contains("[Route", StringComparison.Ordinal) || s.Text.Contains("[Http", StringComparison.Ordinal))
                .ToList();
            Assert.True(sources.Count >= 10, "the corpus should hold routing code; found " + sources.Count);

            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new OpenApiAnalyzer(), new ResponseContractAnalyzer());
            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(
                new Text("/0/openapi.json", OpenApiDocuments.Artworks),
                new Text("/0/errorcontract.json", Contract)));
            var globalUsings = CSharpSyntaxTree.ParseText(
                ContractTest<OpenApiAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>.GlobalUsings, path: "/0/GlobalUsings.cs");
            var random = new Random(2112);
            var failures = new ConcurrentQueue<string>();
            var reported = 0;
            for (var i = 0; i < 160; i++)
            {
                var (name, source) = sources[i % sources.Count];
                var cut = i < sources.Count ? source : source.Substring(0, random.Next(source.Length / 3, source.Length));
                var compilation = CSharpCompilation.Create(
                    "Api",
                    new[] { globalUsings, CSharpSyntaxTree.ParseText(cut, path: "/0/Test0.cs") },
                    TestReferences.AspNetCore,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                var withAnalyzers = compilation.WithAnalyzers(
                    analyzers,
                    new CompilationWithAnalyzersOptions(options, (exception, analyzer, _) => failures.Enqueue(name + ": " + analyzer.GetType().Name + " threw " + exception), true, false));
                var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
                reported += diagnostics.Count(d => d.Id == RuleIds.OpenApiOperationWithoutEndpoint);
                foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
                {
                    failures.Enqueue(name + ": " + diagnostic.GetMessage());
                }
            }

            Assert.Empty(failures);
            Assert.True(reported > 0, "EC0015 should have compared some endpoints with the document");
        }
    }
}
