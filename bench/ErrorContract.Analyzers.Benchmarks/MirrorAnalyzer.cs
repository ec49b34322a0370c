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
    /// <summary>
    /// The allocation floor of one analyzer: an analyzer that registers the callbacks <c>inner</c> registers on a given
    /// compilation (the same operation, symbol and syntax kinds, the same tree, model, block and end actions, and the same
    /// generated-code setting), all inside one compilation start action, and does nothing in them. What the analyzer
    /// allocates beyond its mirror is its own work; what the mirror allocates is the driver's dispatch of those callbacks.
    /// The kinds are found by running <c>inner</c>'s <see cref="DiagnosticAnalyzer.Initialize"/> and its compilation start
    /// actions once against recording contexts (nothing registered there is ever called). Actions that code-block,
    /// operation-block or symbol start actions register inside themselves cannot be known that way: the mirror registers
    /// the start action, empty.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MirrorAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new(
            "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        private readonly Recording recording;

        public MirrorAnalyzer(DiagnosticAnalyzer inner, Compilation compilation, AnalyzerOptions options)
        {
            Name = inner.GetType().Name;
            recording = Recording.Of(inner, compilation, options);
        }

        /// <summary>The mirrored analyzer's type name.</summary>
        public string Name { get; }

        /// <summary>Why recording the analyzer's start actions failed (its mirror then registers what was recorded before), or null.</summary>
        public string? Problem => recording.Problem;

        /// <summary>What was recorded, for the console.</summary>
        public string Describe() => recording.Describe();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(recording.GeneratedCode);
            var r = recording;
            context.RegisterCompilationStartAction(start =>
            {
                if (r.Operations.Count > 0)
                {
                    start.RegisterOperationAction(_ => { }, r.Operations.ToImmutableArray());
                }

                if (r.Symbols.Count > 0)
                {
                    start.RegisterSymbolAction(_ => { }, r.Symbols.ToImmutableArray());
                }

                if (r.SyntaxNodes.Count > 0)
                {
                    start.RegisterSyntaxNodeAction(_ => { }, r.SyntaxNodes.ToImmutableArray());
                }

                // RS1012: these start actions register nothing on purpose; what the mirrored analyzer registers inside its own
                // symbol, code block and operation block start actions is not known (the class comment says so).
#pragma warning disable RS1012
                foreach (var kind in r.SymbolStarts)
                {
                    start.RegisterSymbolStartAction(_ => { }, kind);
                }

                if (r.SyntaxTree)
                {
                    start.RegisterSyntaxTreeAction(_ => { });
                }

                if (r.SemanticModel)
                {
                    start.RegisterSemanticModelAction(_ => { });
                }

                if (r.CodeBlock)
                {
                    start.RegisterCodeBlockAction(_ => { });
                }

                if (r.CodeBlockStart)
                {
                    start.RegisterCodeBlockStartAction<SyntaxKind>(_ => { });
                }

                if (r.OperationBlock)
                {
                    start.RegisterOperationBlockAction(_ => { });
                }

                if (r.OperationBlockStart)
                {
                    start.RegisterOperationBlockStartAction(_ => { });
                }

#pragma warning restore RS1012
                if (r.AdditionalFile)
                {
                    start.RegisterAdditionalFileAction(_ => { });
                }

                if (r.CompilationEnd)
                {
                    start.RegisterCompilationEndAction(_ => { });
                }
            });
        }

        /// <summary>The callbacks an analyzer registered.</summary>
        private sealed class Recording
        {
            public GeneratedCodeAnalysisFlags GeneratedCode { get; set; } = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

            public HashSet<OperationKind> Operations { get; } = new();

            public HashSet<SymbolKind> Symbols { get; } = new();

            public HashSet<SyntaxKind> SyntaxNodes { get; } = new();

            public HashSet<SymbolKind> SymbolStarts { get; } = new();

            public bool SyntaxTree { get; set; }

            public bool SemanticModel { get; set; }

            public bool CodeBlock { get; set; }

            public bool CodeBlockStart { get; set; }

            public bool OperationBlock { get; set; }

            public bool OperationBlockStart { get; set; }

            public bool AdditionalFile { get; set; }

            public bool CompilationEnd { get; set; }

            public string? Problem { get; set; }

            public static Recording Of(DiagnosticAnalyzer inner, Compilation compilation, AnalyzerOptions options)
            {
                var recording = new Recording();
                var context = new RecordingContext(recording);
                try
                {
                    inner.Initialize(context);
                    foreach (var start in context.StartActions)
                    {
                        start(new RecordingStartContext(recording, compilation, options));
                    }
                }
                catch (Exception e)
                {
                    recording.Problem = e.GetType().Name + ": " + e.Message;
                }

                return recording;
            }

            public void AddSyntaxKinds<TLanguageKindEnum>(ImmutableArray<TLanguageKindEnum> kinds)
                where TLanguageKindEnum : struct
            {
                foreach (var kind in kinds)
                {
                    if (kind is SyntaxKind syntaxKind)
                    {
                        SyntaxNodes.Add(syntaxKind);
                    }
                }
            }

            public string Describe()
            {
                var parts = new List<string>();
                if (Operations.Count > 0)
                {
                    parts.Add("operations " + string.Join("/", Operations.OrderBy(k => k.ToString(), StringComparer.Ordinal)));
                }

                if (Symbols.Count > 0)
                {
                    parts.Add("symbols " + string.Join("/", Symbols.OrderBy(k => k.ToString(), StringComparer.Ordinal)));
                }

                if (SyntaxNodes.Count > 0)
                {
                    parts.Add(SyntaxNodes.Count + " syntax kinds");
                }

                foreach (var (on, name) in new[]
                {
                    (SymbolStarts.Count > 0, "symbol start"), (SyntaxTree, "syntax tree"), (SemanticModel, "semantic model"), (CodeBlock, "code block"),
                    (CodeBlockStart, "code block start"), (OperationBlock, "operation block"), (OperationBlockStart, "operation block start"),
                    (AdditionalFile, "additional file"), (CompilationEnd, "compilation end"),
                })
                {
                    if (on)
                    {
                        parts.Add(name);
                    }
                }

                return (parts.Count == 0 ? "nothing" : string.Join(", ", parts)) + "; generated code " + GeneratedCode + (Problem == null ? string.Empty : " (recording failed: " + Problem + ")");
            }
        }

        private sealed class RecordingContext : AnalysisContext
        {
            private readonly Recording recording;

            public RecordingContext(Recording recording)
            {
                this.recording = recording;
            }

            public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

            public override void EnableConcurrentExecution()
            {
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => recording.GeneratedCode = analysisMode;

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => recording.CompilationEnd = true;

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => recording.SemanticModel = true;

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => recording.Symbols.UnionWith(symbolKinds);

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => recording.SymbolStarts.Add(symbolKind);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => recording.CodeBlockStart = true;

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => recording.CodeBlock = true;

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => recording.SyntaxTree = true;

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => recording.AdditionalFile = true;

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => recording.AddSyntaxKinds(syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => recording.Operations.UnionWith(operationKinds);

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => recording.OperationBlockStart = true;

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => recording.OperationBlock = true;
        }

        private sealed class RecordingStartContext : CompilationStartAnalysisContext
        {
            private readonly Recording recording;

            public RecordingStartContext(Recording recording, Compilation compilation, AnalyzerOptions options)
                : base(compilation, options, CancellationToken.None)
            {
                this.recording = recording;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => recording.CompilationEnd = true;

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => recording.SemanticModel = true;

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => recording.Symbols.UnionWith(symbolKinds);

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => recording.SymbolStarts.Add(symbolKind);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => recording.CodeBlockStart = true;

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => recording.CodeBlock = true;

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => recording.SyntaxTree = true;

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => recording.AdditionalFile = true;

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => recording.AddSyntaxKinds(syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => recording.Operations.UnionWith(operationKinds);

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => recording.OperationBlockStart = true;

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => recording.OperationBlock = true;
        }
    }
}
