using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using Xunit.Abstractions;

namespace ErrorContract.Analyzers.Tests.Robustness
{
    /// <summary>
    /// On every complete test input and sample file, under both seed contracts: Fix All for every rule
    /// leaves code that compiles with no new errors or warnings, keeps every comment, leaves no diagnostic
    /// that a fix is still offered for, and a second Fix All changes nothing.
    /// </summary>
    public sealed class FixAllCompilesTests
    {
        private readonly ITestOutputHelper output;

        public FixAllCompilesTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task FixAll_ForEveryRule_KeepsTheCodeCompiling_AndConverges(string contractName)
        {
            var contract = TestContracts.Get(contractName);
            var host = await AnalyzerHost.CreateAsync();
            var problems = new List<string>();
            var sourcesFixed = 0;
            var diagnosticsFixed = 0;
            foreach (var (name, source) in SourceCorpus.Sources)
            {
                var document = host.Document(source, contract);
                var errorsBefore = await CompilerProblemsAsync(document);
                if (errorsBefore.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    continue;
                }

                var failures = new List<string>();
                var before = await AnalyzerHost.AnalyzeAsync(document, failures, concurrent: true, CancellationToken.None);
                var fixedDocument = document;
                foreach (var fixer in AnalyzerHost.Fixers)
                {
                    // Fix All once per equivalence key (a fixer may offer several kinds of fix); a key
                    // offered again after its own Fix All means Fix All did not converge.
                    var keysApplied = new HashSet<string?>();
                    for (var round = 0; round < 10; round++)
                    {
                        var diagnostics = await AnalyzerHost.AnalyzeAsync(fixedDocument, failures, concurrent: true, CancellationToken.None);
                        var key = await FirstEquivalenceKeyAsync(fixer, fixedDocument, diagnostics, keysApplied);
                        if (key == null)
                        {
                            var again = await FirstEquivalenceKeyAsync(fixer, fixedDocument, diagnostics, new HashSet<string?>());
                            if (again != null)
                            {
                                problems.Add(name + " (" + contractName + "): after Fix All, " + fixer.GetType().Name + " still offers '" + again + "': " + string.Join("; ", diagnostics));
                            }

                            break;
                        }

                        keysApplied.Add(key);
                        var count = diagnostics.Count(d => fixer.FixableDiagnosticIds.Contains(d.Id));
                        var fixAll = fixer.GetFixAllProvider()!;
                        var context = new FixAllContext(fixedDocument, fixer, FixAllScope.Document, key, fixer.FixableDiagnosticIds, new Provider(), CancellationToken.None);
                        var action = await fixAll.GetFixAsync(context);
                        if (action == null)
                        {
                            break;
                        }

                        var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
                        fixedDocument = apply.ChangedSolution.GetDocument(fixedDocument.Id)!;
                        diagnosticsFixed += count;
                    }
                }

                problems.AddRange(failures.Select(f => name + ": " + f));
                if (fixedDocument == document)
                {
                    continue;
                }

                sourcesFixed++;
                var fixedText = (await fixedDocument.GetTextAsync()).ToString();
                var newProblems = (await CompilerProblemsAsync(fixedDocument))
                    .Select(d => d.Id + ": " + d.GetMessage())
                    .Except(errorsBefore.Select(d => d.Id + ": " + d.GetMessage()))
                    .ToList();
                if (newProblems.Count > 0)
                {
                    problems.Add(name + " (" + contractName + "): Fix All introduced " + string.Join("; ", newProblems) + Environment.NewLine + fixedText);
                }

                // Comments around the fixed code must survive; a comment inside a flagged expression may
                // go with the code it annotates (a disallowed field the fix removes, say).
                var flagged = before.Select(d => d.Location.SourceSpan).ToList();
                foreach (var comment in Comments(await document.GetSyntaxRootAsync(), flagged))
                {
                    if (!fixedText.Contains(comment, StringComparison.Ordinal))
                    {
                        problems.Add(name + " (" + contractName + "): Fix All lost the comment " + comment + Environment.NewLine + fixedText);
                    }
                }
            }

            output.WriteLine(contractName + ": Fix All applied to " + sourcesFixed + " sources, " + diagnosticsFixed + " diagnostics fixed, " + problems.Count + " problems");
            Assert.True(sourcesFixed > 0, "some source should have something to fix under " + contractName);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, problems));
        }

        private static async Task<string?> FirstEquivalenceKeyAsync(CodeFixProvider fixer, Document document, ImmutableArray<Diagnostic> diagnostics, HashSet<string?> except)
        {
            foreach (var diagnostic in diagnostics)
            {
                if (!fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                foreach (var action in actions)
                {
                    if (!except.Contains(action.EquivalenceKey))
                    {
                        return action.EquivalenceKey;
                    }
                }
            }

            return null;
        }

        private static async Task<List<Diagnostic>> CompilerProblemsAsync(Document document)
        {
            var compilation = await document.Project.GetCompilationAsync();
            return compilation!.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath == document.FilePath)
                .ToList();
        }

        private static IEnumerable<string> Comments(SyntaxNode? root, List<Microsoft.CodeAnalysis.Text.TextSpan> flagged) =>
            root == null
                ? Enumerable.Empty<string>()
                : root.DescendantTrivia()
                    .Where(t => t.ToString().StartsWith("//", StringComparison.Ordinal) || t.ToString().StartsWith("/*", StringComparison.Ordinal))
                    .Where(t => !flagged.Any(span => span.IntersectsWith(t.Span)))
                    .Select(t => t.ToString());

        private sealed class Provider : FixAllContext.DiagnosticProvider
        {
            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                var all = await AnalyzerHost.AnalyzeAsync(document, new List<string>(), concurrent: true, cancellationToken);
                return all.Where(d => d.Location.SourceTree == tree);
            }

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            {
                var first = project.Documents.First();
                return await AnalyzerHost.AnalyzeAsync(first, new List<string>(), concurrent: true, cancellationToken);
            }

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                GetProjectDiagnosticsAsync(project, cancellationToken);
        }
    }
}
