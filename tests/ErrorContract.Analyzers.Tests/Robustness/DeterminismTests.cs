using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Robustness
{
    /// <summary>The same diagnostics with concurrent execution on and off and across runs; cancellation is honoured.</summary>
    public sealed class DeterminismTests
    {
        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task SameDiagnostics_ConcurrentOrNot_RunAfterRun(string contractName)
        {
            var contract = TestContracts.Get(contractName);
            var host = await AnalyzerHost.CreateAsync();
            var total = 0;
            foreach (var (name, source) in SourceCorpus.Sources)
            {
                var document = host.Document(source, contract);
                var failures = new List<string>();
                var first = Describe(await AnalyzerHost.AnalyzeAsync(document, failures, concurrent: true, CancellationToken.None));
                var sequential = Describe(await AnalyzerHost.AnalyzeAsync(document, failures, concurrent: false, CancellationToken.None));
                var again = Describe(await AnalyzerHost.AnalyzeAsync(host.Document(source, contract), failures, concurrent: true, CancellationToken.None));
                Assert.Empty(failures);
                Assert.Equal(first, sequential);
                Assert.Equal(first, again);
                total += first.Count;
            }

            Assert.True(total > 0, "the corpus should produce diagnostics under the " + contractName + " contract");
        }

        [Fact]
        public async Task Cancellation_IsHonoured()
        {
            var host = await AnalyzerHost.CreateAsync();
            var (_, source) = SourceCorpus.Sources.OrderByDescending(s => s.Text.Length).First();
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => AnalyzerHost.AnalyzeAsync(host.Document(source, TestContracts.Artworks), new List<string>(), concurrent: true, cancelled.Token));
        }

        /// <summary>The diagnostics as the build prints them, sorted by position as the compiler reports them.</summary>
        private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.GetMessage(), StringComparer.Ordinal)
                .Select(d => d.Location.GetLineSpan() + " " + d.Id + " " + d.GetMessage())
                .ToList();
    }
}
