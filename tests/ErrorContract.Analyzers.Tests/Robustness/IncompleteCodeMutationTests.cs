using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace ErrorContract.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The analyzers never crash on code a user is typing, and no fix throws or leaves a document without
    /// a syntax tree. Every test input and sample file is cut after a token, has a token deleted or
    /// duplicated, or loses a line; each variant is analysed under both seed contracts in turn.
    /// ERRORCONTRACT_MUTATION_SEED and ERRORCONTRACT_MUTATION_VARIANTS change the seed and the count.
    /// </summary>
    public sealed class IncompleteCodeMutationTests
    {
        private const int DefaultSeed = 20261123;
        private const int DefaultVariants = 1500;
        private static readonly TimeSpan VariantBudget = TimeSpan.FromSeconds(30);

        private readonly ITestOutputHelper output;

        public IncompleteCodeMutationTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Fact]
        public async Task EveryAnalyzerAndFix_SurvivesIncompleteCode()
        {
            var seed = ReadSetting("ERRORCONTRACT_MUTATION_SEED", DefaultSeed);
            var count = ReadSetting("ERRORCONTRACT_MUTATION_VARIANTS", DefaultVariants);
            var corpus = SourceCorpus.Sources;
            Assert.True(corpus.Count >= 20, "the corpus should hold the rule tests' inputs; found " + corpus.Count);

            var host = await AnalyzerHost.CreateAsync();
            var random = new Random(seed);
            var contracts = new[] { TestContracts.Artworks, TestContracts.Studio };
            var failing = new List<(string Variant, string Description, List<string> Failures)>();
            var diagnosticsSeen = 0;
            var fixesApplied = 0;
            var slowest = TimeSpan.Zero;
            var clock = Stopwatch.StartNew();

            for (var i = 0; i < count; i++)
            {
                var (name, source) = corpus[i % corpus.Count];
                var (variant, description) = Mutate(source, random);
                var failures = new List<string>();
                using var timeout = new CancellationTokenSource(VariantBudget);
                var started = clock.Elapsed;
                try
                {
                    var document = host.Document(variant, contracts[i % 2]);
                    var diagnostics = await AnalyzerHost.AnalyzeAsync(document, failures, concurrent: true, timeout.Token);
                    diagnosticsSeen += diagnostics.Length;
                    if (i % 3 == 0)
                    {
                        fixesApplied += await AnalyzerHost.ApplyEveryFixAsync(document, diagnostics, failures, timeout.Token);
                    }
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    failures.Add("took longer than " + VariantBudget.TotalSeconds + " s");
                }

                var elapsed = clock.Elapsed - started;
                if (elapsed > slowest)
                {
                    slowest = elapsed;
                }

                if (failures.Count > 0)
                {
                    failing.Add((variant, name + ": " + description + " (contract " + (i % 2 == 0 ? "A" : "B") + ")", failures));
                }
            }

            var summary = string.Format(
                CultureInfo.InvariantCulture,
                "Incomplete-code mutation test: seed {0}; {1} variants of {2} sources (analysed under contracts A and B in turn); {3} diagnostics; {4} fixes applied; {5} failing; slowest variant {6:0} ms; total {7:0.0} s",
                seed, count, corpus.Count, diagnosticsSeen, fixesApplied, failing.Count, slowest.TotalMilliseconds, clock.Elapsed.TotalSeconds);
            output.WriteLine(summary);

            // .ci/run prints this file after the run, so the seed and counts show in every CI log.
            System.IO.File.WriteAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "robustness-summary.txt"), summary + Environment.NewLine);

            if (failing.Count > 0)
            {
                var smallest = failing.OrderBy(f => f.Variant.Length).First();
                Assert.Fail(
                    failing.Count + " of " + count + " variants (seed " + seed + ") made an analyzer or a fix fail. Smallest: "
                    + smallest.Description + Environment.NewLine + string.Join(Environment.NewLine, smallest.Failures)
                    + Environment.NewLine + "----- variant -----" + Environment.NewLine + smallest.Variant);
            }
        }

        /// <summary>One edit a user makes while typing: a cut after a token, a token deleted or duplicated, a line removed.</summary>
        internal static (string Text, string Description) Mutate(string source, Random random)
        {
            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
            var kind = random.Next(4);
            if (tokens.Count == 0)
            {
                return (source, "unchanged");
            }

            var token = tokens[random.Next(tokens.Count)];
            switch (kind)
            {
                case 0:
                    return (source.Substring(0, token.Span.End), "cut after '" + token.Text + "' at " + token.Span.End);
                case 1:
                    return (source.Remove(token.SpanStart, token.Span.Length), "deleted '" + token.Text + "' at " + token.SpanStart);
                case 2:
                    return (source.Insert(token.Span.End, " " + token.Text), "duplicated '" + token.Text + "' at " + token.SpanStart);
                default:
                    var lines = source.Split('\n');
                    var line = random.Next(lines.Length);
                    var builder = new StringBuilder();
                    for (var i = 0; i < lines.Length; i++)
                    {
                        if (i != line)
                        {
                            builder.Append(lines[i]);
                            if (i < lines.Length - 1)
                            {
                                builder.Append('\n');
                            }
                        }
                    }

                    return (builder.ToString(), "removed line " + (line + 1));
            }
        }

        private static int ReadSetting(string name, int fallback)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : fallback;
        }
    }
}
