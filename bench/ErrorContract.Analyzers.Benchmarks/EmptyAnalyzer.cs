using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>
    /// The floor: registers the same callbacks as the EC analyzers (a compilation start action with operation
    /// actions on invocations, object creations, simple assignments, lambdas, local functions and attributes, and symbol actions
    /// on methods and named types) and does nothing in them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new(
            "BENCH0000", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(
                    _ => { },
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation,
                    OperationKind.SimpleAssignment,
                    OperationKind.AnonymousFunction,
                    OperationKind.LocalFunction,
                    OperationKind.Attribute);
                start.RegisterSymbolAction(_ => { }, SymbolKind.Method, SymbolKind.NamedType);
            });
        }
    }
}
