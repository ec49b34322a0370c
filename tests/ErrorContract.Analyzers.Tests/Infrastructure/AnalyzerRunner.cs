using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs an analyzer directly over source that need not compile (code being typed), and returns every
    /// exception the analyzer threw together with its diagnostics.
    /// </summary>
    public static class AnalyzerRunner
    {
        public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunAsync(
            DiagnosticAnalyzer analyzer, string? contract, params string[] sources)
        {
            var references = await ContractTest<NoAnalyzer, NoFix>.Net10AspNetCore
                .ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var trees = new List<SyntaxTree>
            {
                CSharpSyntaxTree.ParseText(ContractTest<NoAnalyzer, NoFix>.GlobalUsings, path: "/0/GlobalUsings.cs"),
            };
            foreach (var source in sources)
            {
                trees.Add(CSharpSyntaxTree.ParseText(source, path: "/0/Test" + trees.Count + ".cs"));
            }

            var compilation = CSharpCompilation.Create(
                "Typing",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var additional = contract == null
                ? ImmutableArray<AdditionalText>.Empty
                : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(ContractTest<NoAnalyzer, NoFix>.ContractPath, contract));
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additional),
                (exception, _, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(exception);
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create(analyzer), options)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return (diagnostics, exceptions);
        }

        private sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText text;

            public InMemoryAdditionalText(string path, string content)
            {
                Path = path;
                text = SourceText.From(content);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => text;
        }

        /// <summary>Placeholder type arguments, to reach the shared constants of <see cref="ContractTest{TAnalyzer, TCodeFix}"/>.</summary>
#pragma warning disable RS1001 // A placeholder type argument, never registered with a compiler.
        public sealed class NoAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            }
        }

        /// <summary>Placeholder code fix for the same purpose.</summary>
        public sealed class NoFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray<string>.Empty;

            public override Microsoft.CodeAnalysis.CodeFixes.FixAllProvider? GetFixAllProvider() => null;

            public override Task RegisterCodeFixesAsync(Microsoft.CodeAnalysis.CodeFixes.CodeFixContext context) => Task.CompletedTask;
        }
    }
}
