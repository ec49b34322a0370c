using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes;
using ErrorContract.Analyzers.Rules;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Runs every analyzer and every code fix of the package over one source, as the IDE does: in a
    /// workspace project with the ASP.NET Core 10 reference assemblies and a contract file. Collects
    /// every exception instead of letting the host turn it into AD0001.
    /// </summary>
    internal sealed class AnalyzerHost
    {
        private static readonly SemaphoreSlim Gate = new SemaphoreSlim(1, 1);
        private static ImmutableArray<MetadataReference> references;

        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
            typeof(ResponseContractAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static readonly ImmutableArray<CodeFixProvider> Fixers =
            typeof(UndocumentedStatusCodeFixProvider).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        private readonly AdhocWorkspace workspace = new AdhocWorkspace();
        private readonly DocumentId documentId;
        private readonly DocumentId contractId;

        private AnalyzerHost(ImmutableArray<MetadataReference> metadataReferences)
        {
            var projectId = ProjectId.CreateNewId();
            documentId = DocumentId.CreateNewId(projectId);
            contractId = DocumentId.CreateNewId(projectId);
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(
                    projectId,
                    VersionStamp.Default,
                    "Api",
                    "Api",
                    LanguageNames.CSharp,
                    filePath: "/0/Api.csproj",
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                    parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                    metadataReferences: metadataReferences))
                .AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.cs", SourceText.From(ContractTest<ResponseContractAnalyzer, UndocumentedStatusCodeFixProvider>.GlobalUsings), filePath: "/0/GlobalUsings.cs")
                .AddDocument(documentId, "Test0.cs", SourceText.From(string.Empty), filePath: "/0/Test0.cs")
                .AddAdditionalDocument(contractId, "errorcontract.json", SourceText.From(string.Empty), filePath: "/0/errorcontract.json");
            workspace.TryApplyChanges(solution);
        }

        public static async Task<AnalyzerHost> CreateAsync()
        {
            await Gate.WaitAsync();
            try
            {
                if (references.IsDefault)
                {
                    references = TestReferences.AspNetCore;
                }
            }
            finally
            {
                Gate.Release();
            }

            return new AnalyzerHost(references);
        }

        public Document Document(string source, string contract, string fileName = "Test0.cs")
        {
            var solution = workspace.CurrentSolution
                .WithDocumentName(documentId, fileName)
                .WithDocumentFilePath(documentId, "/0/" + fileName)
                .WithDocumentText(documentId, SourceText.From(source))
                .WithAdditionalDocumentText(contractId, SourceText.From(contract));
            return solution.GetDocument(documentId)!;
        }

        /// <summary>Every analyzer diagnostic for the document; exceptions thrown by an analyzer go to <paramref name="failures"/>.</summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document, List<string> failures, bool concurrent, CancellationToken cancellationToken)
        {
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken))!;
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                document.Project.AnalyzerOptions,
                (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + " threw " + exception),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
            failures.AddRange(exceptions);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id == "AD0001")
                {
                    failures.Add("AD0001: " + diagnostic.GetMessage());
                }
            }

            return diagnostics.Where(d => d.Id.StartsWith("EC", StringComparison.Ordinal)).ToImmutableArray();
        }

        /// <summary>
        /// Offers every fix for every diagnostic in the document and applies each: no exception, and a
        /// syntax tree comes out. Returns the number of fixes applied.
        /// </summary>
        public static async Task<int> ApplyEveryFixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, List<string> failures, CancellationToken cancellationToken)
        {
            var applied = 0;
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Location.SourceTree != tree)
                {
                    continue;
                }

                foreach (var fixer in Fixers)
                {
                    if (!fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
                    {
                        continue;
                    }

                    var actions = new List<CodeAction>();
                    try
                    {
                        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                        await fixer.RegisterCodeFixesAsync(context);
                        foreach (var action in actions)
                        {
                            foreach (var operation in await action.GetOperationsAsync(cancellationToken))
                            {
                                if (operation is ApplyChangesOperation apply)
                                {
                                    var changed = apply.ChangedSolution.GetDocument(document.Id);
                                    if (changed == null || await changed.GetSyntaxRootAsync(cancellationToken) == null)
                                    {
                                        failures.Add(fixer.GetType().Name + " produced no syntax tree for " + diagnostic);
                                    }

                                    applied++;
                                }
                            }
                        }
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception exception)
                    {
                        failures.Add(fixer.GetType().Name + " threw on " + diagnostic + ": " + exception);
                    }
                }
            }

            return applied;
        }
    }
}
