using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>TEMPORARY development aid: counts only, no timing.</summary>
    public sealed partial class Runner
    {
        public void CountCheck(string rule)
        {
            var list = new List<Workload>();
            list.AddRange(options.Sizes.OrderBy(s => s).Select(SizeWorkload));
            list.Add(AdoptionWorkload());
            var (g, wg) = GeneratedHeavyWorkloads();
            list.Add(g);
            list.Add(wg);
            foreach (var w in list)
            {
                var compilation = Compile(w.Trees);
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                var diagnostics = compilation.WithAnalyzers(env.EcAnalyzers, AnalyzerRunOptions(w.Contract)).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                Report(w.Name, errors, diagnostics, w.Expected, rule, w.ExpectedForms);
            }

            var ideGenerator = new Generator(options.Seed + 1);
            var file = ideGenerator.GenerateLargeController(options.IdeLines);
            var tree = CSharpSyntaxTree.ParseText(file.Text, parseOptions, "/bench/project/" + file.Path);
            var c = Compile(g.Trees.Append(tree));
            var ideErrors = c.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var withEc = c.WithAnalyzers(env.EcAnalyzers, AnalyzerRunOptions(g.Contract));
            var ide = withEc.GetAnalyzerSemanticDiagnosticsAsync(withEc.Compilation.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult();
            Report("IDE doc", ideErrors, ide, ideGenerator.Counts, rule, ideGenerator.Forms);
        }

        private static void Report(string name, List<Diagnostic> errors, ImmutableArray<Diagnostic> diagnostics, IReadOnlyDictionary<string, int> expected, string rule, IReadOnlyDictionary<string, int> forms)
        {
            var reported = diagnostics.GroupBy(d => d.Id).ToDictionary(x => x.Key, x => x.Count());
            var rules = reported.Keys.Concat(expected.Keys).Distinct().OrderBy(x => x, StringComparer.Ordinal);
            Console.WriteLine($"== {name}: {errors.Count} compiler errors; " + string.Join(", ", rules.Select(r => $"{r} {(expected.TryGetValue(r, out var e) ? e : 0)}/{(reported.TryGetValue(r, out var n) ? n : 0)}{((expected.TryGetValue(r, out var e2) ? e2 : 0) != (reported.TryGetValue(r, out var n2) ? n2 : 0) ? " DIFF" : "")}")));
            foreach (var error in errors.Take(5))
            {
                Console.WriteLine("  error " + error);
            }

            foreach (var f in forms.Where(f => f.Key.StartsWith(rule, StringComparison.Ordinal)))
            {
                Console.WriteLine($"  form {f.Key}: {f.Value}");
            }

            if (System.Environment.GetEnvironmentVariable("DUMP") == null)
            {
                return;
            }

            foreach (var d in diagnostics.Where(d => d.Id == rule).OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start))
            {
                var span = d.Location.GetLineSpan();
                var line = d.Location.SourceTree!.GetText().Lines[span.StartLinePosition.Line].ToString().Trim();
                Console.WriteLine($"  {System.IO.Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}: [{d.Location.SourceTree.GetText().ToString(d.Location.SourceSpan)}] {line} -- {d.GetMessage()}");
            }
        }
    }
}
