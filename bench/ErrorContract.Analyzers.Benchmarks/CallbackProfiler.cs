using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>
    /// Development aid (<c>--profile-callbacks</c>): runs an analyzer through contexts that time each callback it
    /// registers, keyed by callback kind (compilation start, operation kind, symbol kind / method kind), to find
    /// where its execution time goes.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CallbackProfiler : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer inner;

        public CallbackProfiler(DiagnosticAnalyzer inner)
        {
            this.inner = inner;
        }

        public ConcurrentDictionary<string, (long Ticks, long Calls, long PauseTicks, long Bytes)> Timers { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context)
        {
            var capture = new CapturingContext();
            inner.Initialize(capture);
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(capture.GeneratedCodeFlags);
            foreach (var start in capture.StartActions)
            {
                context.RegisterCompilationStartAction(c =>
                {
                    var timestamp = Stopwatch.GetTimestamp();
                    start(new TimingStartContext(c, this));
                    Add("compilation start", Stopwatch.GetTimestamp() - timestamp);
                });
            }

            foreach (var action in capture.CompilationActions)
            {
                context.RegisterCompilationAction(c =>
                {
                    var timestamp = Stopwatch.GetTimestamp();
                    action(c);
                    Add("compilation action", Stopwatch.GetTimestamp() - timestamp);
                });
            }
        }

        /// <summary>
        /// A callback's wall-clock ticks, the garbage collector's pause time during it (TimeSpan ticks), and the bytes it
        /// allocated on its thread: a collection is started by the allocation that exhausts the budget, so the more a callback
        /// allocates, the more often a pause lands in its time.
        /// </summary>
        public void Add(string key, long ticks, long pauseTicks = 0, long bytes = 0)
        {
            Timers.AddOrUpdate(key, (ticks, 1, pauseTicks, bytes), (_, v) => (v.Ticks + ticks, v.Calls + 1, v.PauseTicks + pauseTicks, v.Bytes + bytes));
        }

        /// <summary>Runs one callback and adds its time, the GC pauses during it and its allocations under <paramref name="key"/>.</summary>
        private void Measure<TContext>(Action<TContext> action, TContext context, string key)
        {
            var pauses = Pauses();
            var bytes = Allocated();
            var timestamp = Stopwatch.GetTimestamp();
            action(context);
            var elapsed = Stopwatch.GetTimestamp() - timestamp;
            var allocated = Allocated() - bytes;
            Add(key, elapsed, Pauses() - pauses, allocated);
        }

        private static long Allocated() => GC.GetAllocatedBytesForCurrentThread();

        private static long Pauses() => GC.GetTotalPauseDuration().Ticks;

        /// <summary>Rows: callback kind, ms per round, calls per round, µs per call.</summary>
        public System.Collections.Generic.List<string[]> Rows(int rounds)
        {
            return Timers.OrderByDescending(p => p.Value.Ticks).Select(p => new[]
            {
                p.Key,
                (p.Value.Ticks * 1000.0 / Stopwatch.Frequency / rounds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
                (p.Value.Calls / rounds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (p.Value.Ticks * 1_000_000.0 / Stopwatch.Frequency / Math.Max(1, p.Value.Calls)).ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
                (p.Value.PauseTicks / 10_000.0 / rounds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
                (p.Value.Bytes / 1024.0 / rounds).ToString("F0", System.Globalization.CultureInfo.InvariantCulture),
            }).ToList();
        }

        public string Describe()
        {
            return string.Join("\n", Timers.OrderByDescending(p => p.Value.Ticks).Select(p =>
                $"    {p.Key,-40} {p.Value.Ticks * 1000.0 / Stopwatch.Frequency,9:F1} ms  {p.Value.Calls,8} calls  {p.Value.Ticks * 1_000_000.0 / Stopwatch.Frequency / Math.Max(1, p.Value.Calls),7:F2} µs/call  {p.Value.PauseTicks / 10_000.0,8:F1} ms GC pause  {p.Value.Bytes / 1024.0,9:F0} KB allocated"));
        }

        private sealed class CapturingContext : AnalysisContext
        {
            public System.Collections.Generic.List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

            public System.Collections.Generic.List<Action<CompilationAnalysisContext>> CompilationActions { get; } = new();

            public override void EnableConcurrentExecution()
            {
            }

            /// <summary>The inner analyzer's setting, passed on: it decides what the driver does with each reported diagnostic.</summary>
            public GeneratedCodeAnalysisFlags GeneratedCodeFlags { get; private set; } = GeneratedCodeAnalysisFlags.None;

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCodeFlags = analysisMode;

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => CompilationActions.Add(action);

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
        }

        private sealed class TimingStartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext real;
            private readonly CallbackProfiler profiler;

            // RS1012 takes a parameter of this type for a start action that registers nothing; here it is the context
            // every override below registers through.
#pragma warning disable RS1012
            public TimingStartContext(CompilationStartAnalysisContext real, CallbackProfiler profiler)
#pragma warning restore RS1012
                : base(real.Compilation, real.Options, real.CancellationToken)
            {
                this.real = real;
                this.profiler = profiler;
            }

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            {
                real.RegisterOperationAction(c => profiler.Measure(action, c, "operation " + c.Operation.Kind), operationKinds);
            }

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
            {
                real.RegisterOperationBlockAction(c => profiler.Measure(action, c, "operation block " + c.OwningSymbol.Kind));
            }

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
            {
                real.RegisterSymbolAction(
                    c => profiler.Measure(
                        action,
                        c,
                        c.Symbol is IMethodSymbol method
                            ? "symbol Method " + method.MethodKind + (method.IsImplicitlyDeclared ? " (implicit)" : string.Empty)
                            : "symbol " + c.Symbol.Kind),
                    symbolKinds);
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => real.RegisterCompilationEndAction(action);

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => real.RegisterSemanticModelAction(action);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => real.RegisterCodeBlockStartAction(action);

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => real.RegisterCodeBlockAction(action);

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => real.RegisterSyntaxTreeAction(action);

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => real.RegisterSyntaxNodeAction(action, syntaxKinds);
        }
    }
}
