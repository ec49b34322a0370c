using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>
    /// Development aid (<c>--profile-replay</c>): every operation action and method symbol action of each EC analyzer,
    /// called directly (no analyzer driver, no concurrent binding) on operation trees built beforehand, in a loop. It
    /// gives the CPU cost of the analyzers' own code, free of the driver's dispatch and of the second core's binder,
    /// so that a change of a few milliseconds shows.
    /// </summary>
    internal static class Replay
    {
        /// <summary>
        /// <c>--replay-ab A.dll B.dll</c>: two builds of ErrorContract.Analyzers.dll, each loaded in its own load context, replayed
        /// in turn round after round on the same operations, so that the host's drift in speed falls on both alike. Prints
        /// each build's median round time and the median of B/A over the rounds.
        /// </summary>
        public static void RunAb(Compilation compilation, AnalyzerOptions options, string pathA, string pathB, int rounds)
        {
            var (operations, methods) = Collect(compilation);
            var sets = new[] { pathA, pathB }.Select(path => Prepare(compilation, options, LoadAnalyzers(path), operations, methods)).ToArray();
            var times = new[] { new List<double>(), new List<double>() };
            var ratios = new List<double>();
            var perAnalyzer = new Dictionary<(int Set, int Analyzer), List<double>>();
            for (var round = 0; round < rounds + 2; round++)
            {
                var pair = new double[2];
                foreach (var i in round % 2 == 0 ? new[] { 0, 1 } : new[] { 1, 0 })
                {
                    for (var a = 0; a < sets[i].Count; a++)
                    {
                        var timestamp = Stopwatch.GetTimestamp();
                        sets[i][a]();
                        var ms = Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;
                        pair[i] += ms;
                        if (round >= 2)
                        {
                            (perAnalyzer.TryGetValue((i, a), out var list) ? list : perAnalyzer[(i, a)] = new List<double>()).Add(ms);
                        }
                    }
                }

                if (round >= 2)
                {
                    times[0].Add(pair[0]);
                    times[1].Add(pair[1]);
                    ratios.Add(pair[1] / pair[0]);
                }
            }

            static double Median(List<double> values)
            {
                var sorted = values.OrderBy(v => v).ToList();
                return sorted[sorted.Count / 2];
            }

            for (var a = 0; a < sets[0].Count; a++)
            {
                Console.WriteLine($"  analyzer {a}: A {Median(perAnalyzer[(0, a)]):F1} ms, B {Median(perAnalyzer[(1, a)]):F1} ms");
            }

            Console.WriteLine($"  A {Median(times[0]):F1} ms, B {Median(times[1]):F1} ms (medians of {rounds} rounds); B/A median {Median(ratios):F3}, quartiles {ratios.OrderBy(r => r).ElementAt(rounds / 4):F3}-{ratios.OrderBy(r => r).ElementAt(3 * rounds / 4):F3}");
        }

        internal static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string path)
        {
            var context = new System.Runtime.Loader.AssemblyLoadContext(path);
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
            return assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

        /// <summary>An analyzer's operation actions paired with the operations they run on, and its method symbol actions.</summary>
        private static ((IOperation Operation, ISymbol Symbol, Action<OperationAnalysisContext>[] Actions)[] Work, Action<SymbolAnalysisContext>[] SymbolActions) CaptureActions(
            DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options, List<(IOperation Operation, ISymbol Symbol)> operations)
        {
            var initialize = new InitializeCapture();
            analyzer.Initialize(initialize);
            var capture = new Capture(compilation, options);
            foreach (var start in initialize.Starts)
            {
                start(capture);
            }

            var byKind = capture.OperationActions.SelectMany(a => a.Kinds.Select(k => (k, a.Action))).ToLookup(p => p.k, p => p.Action);
            var work = operations.Where(o => byKind.Contains(o.Operation.Kind)).Select(o => (o.Operation, o.Symbol, Actions: byKind[o.Operation.Kind].ToArray())).ToArray();
            var symbolActions = capture.SymbolActions.Where(a => a.Kinds.Contains(SymbolKind.Method)).Select(a => a.Action).ToArray();
            return (work, symbolActions);
        }

        /// <summary>One action per analyzer that replays all its operation and method symbol callbacks once.</summary>
        private static List<Action> Prepare(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, List<(IOperation Operation, ISymbol Symbol)> operations, List<ISymbol> methods)
        {
            var result = new List<Action>();
            Action<Diagnostic> report = _ => { };
            Func<Diagnostic, bool> supported = _ => true;
            foreach (var analyzer in analyzers)
            {
                var (work, symbolActions) = CaptureActions(analyzer, compilation, options, operations);
                result.Add(() =>
                {
                    foreach (var (operation, symbol, actions) in work)
                    {
#pragma warning disable CS0618
                        var context = new OperationAnalysisContext(operation, symbol, compilation, options, report, supported, CancellationToken.None);
#pragma warning restore CS0618
                        foreach (var action in actions)
                        {
                            action(context);
                        }
                    }

                    foreach (var method in methods)
                    {
#pragma warning disable CS0618 // Obsolete outside the driver: calling the callbacks without the driver is the point here.
                        var context = new SymbolAnalysisContext(method, compilation, options, report, supported, CancellationToken.None);
#pragma warning restore CS0618
                        foreach (var action in symbolActions)
                        {
                            action(context);
                        }
                    }
                });
            }

            return result;
        }

        private static (List<(IOperation Operation, ISymbol Symbol)> Operations, List<ISymbol> Methods) Collect(Compilation compilation)
        {
            var operations = new List<(IOperation Operation, ISymbol Symbol)>();
            var methods = new List<ISymbol>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax { Members.Count: > 0 } && model.GetDeclaredSymbol(node) is ISymbol symbol)
                    {
                        if (symbol is IMethodSymbol)
                        {
                            methods.Add(symbol);
                        }

                        if (model.GetOperation(node) is IOperation root)
                        {
                            operations.AddRange(root.DescendantsAndSelf().Select(o => (o, symbol)));
                        }
                    }
                }
            }

            Console.WriteLine($"  replay: {operations.Count} operations, {methods.Count} methods");
            return (operations, methods);
        }

        public static void Run(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, int rounds)
        {
            var (operations, methods) = Collect(compilation);
            foreach (var analyzer in analyzers)
            {
                var (work, symbolActions) = CaptureActions(analyzer, compilation, options, operations);
                var times = new List<double>();
                var perKind = new Dictionary<OperationKind, (long Ticks, int Calls)>();
                var reported = 0;
                Action<Diagnostic> report = _ => reported++;
                Func<Diagnostic, bool> supported = _ => true;
                for (var round = 0; round < rounds; round++)
                {
                    reported = 0;
                    var timestamp = Stopwatch.GetTimestamp();
                    foreach (var (operation, symbol, actions) in work)
                    {
#pragma warning disable CS0618
                        var context = new OperationAnalysisContext(operation, symbol, compilation, options, report, supported, CancellationToken.None);
#pragma warning restore CS0618
                        var started = Stopwatch.GetTimestamp();
                        foreach (var action in actions)
                        {
                            action(context);
                        }

                        var (ticks, calls) = perKind.GetValueOrDefault(operation.Kind);
                        perKind[operation.Kind] = (ticks + Stopwatch.GetTimestamp() - started, calls + 1);
                    }

                    foreach (var method in methods)
                    {
#pragma warning disable CS0618 // Obsolete outside the driver: calling the callbacks without the driver is the point here.
                        var context = new SymbolAnalysisContext(method, compilation, options, report, supported, CancellationToken.None);
#pragma warning restore CS0618
                        foreach (var action in symbolActions)
                        {
                            action(context);
                        }
                    }

                    times.Add(Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine($"  {analyzer.GetType().Name,-30} {times[times.Count / 2],8:F1} ms median (min {times[0]:F1}) over {rounds} rounds, {work.Length} operations, {reported} diagnostics");
                foreach (var (kind, (ticks, calls)) in perKind.OrderByDescending(p => p.Value.Ticks))
                {
                    Console.WriteLine($"      {kind,-20} {ticks * 1000.0 / Stopwatch.Frequency / rounds,8:F1} ms per round, {calls / rounds} calls, {ticks * 1e6 / Stopwatch.Frequency / calls:F2} µs/call");
                }
            }
        }

        private sealed class Capture : CompilationStartAnalysisContext
        {
            public Capture(Compilation compilation, AnalyzerOptions options)
                : base(compilation, options, CancellationToken.None)
            {
            }

            public List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)> OperationActions { get; } = new();

            public List<(Action<SymbolAnalysisContext> Action, ImmutableArray<SymbolKind> Kinds)> SymbolActions { get; } = new();

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => OperationActions.Add((action, operationKinds));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => SymbolActions.Add((action, symbolKinds));

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
            {
            }

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
            {
            }

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            {
            }

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            {
            }

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
            {
            }

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
            {
            }

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
            {
            }
        }

        private sealed class InitializeCapture : AnalysisContext
        {
            public List<Action<CompilationStartAnalysisContext>> Starts { get; } = new();

            public override void EnableConcurrentExecution()
            {
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
            {
            }

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Starts.Add(action);

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
            {
            }

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
            {
            }

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
            {
            }

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            {
            }

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            {
            }
        }
    }
}
