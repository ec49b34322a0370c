using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>The tables and budgets of issue 18's workloads (first adoption, generated-heavy, IDE edit), for the console and the results region.</summary>
    public static class WorkloadReport
    {
        public const double GeneratedSlack = 1.1;
        public const double AdoptionDensity = 0.1;
        public const double GeneratedShare = 2.0 / 3.0;

        public static (string Console, string Region) Build(BenchEnvironment env, BenchOptions options, List<WorkloadResult> results, IdeEditResult? edit, IdeEditResult? editWithout)
        {
            var ruleIds = env.EcAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var timed = results.Where(r => !r.Workload.AllocationOnly).ToList();
            var budgets = new List<string[]>();
            var checks = new List<string[]>();

            foreach (var r in timed)
            {
                var share = r.Ec.Median / r.Binding.Median;
                budgets.Add(new[] { "EC time ≤ 3% of binding time", r.Workload.Name, $"{r.Ec.Median:F1} ms = {Report.Percent(share)} of {r.Binding.Median:F0} ms", "≤ 3.00%", Report.Verdict(share <= Report.BindingShareLimit) });
            }

            foreach (var r in timed)
            {
                if (r.AspNetCore.Median <= 0)
                {
                    budgets.Add(new[] { "EC time ≤ ¼ of ASP.NET Core analyzers' time", r.Workload.Name, "ASP.NET Core analyzers not measured", "≤ 25.0%", "N/A" });
                    continue;
                }

                var share = r.Ec.Median / r.AspNetCore.Median;
                budgets.Add(new[] { "EC time ≤ ¼ of ASP.NET Core analyzers' time", r.Workload.Name, $"{r.Ec.Median:F1} ms = {Report.Percent(share)} of {r.AspNetCore.Median:F1} ms", "≤ 25.0%", Report.Verdict(share <= Report.AspNetCoreShareLimit) });
            }

            var withGenerated = timed.FirstOrDefault(r => r.Workload.Name == Runner.GeneratedHeavyName);
            var withoutGenerated = timed.FirstOrDefault(r => r.Workload.Name == Runner.WithoutGeneratedName);
            if (withGenerated != null && withoutGenerated != null)
            {
                var ratio = withGenerated.Ec.Median / withoutGenerated.Ec.Median;
                budgets.Add(new[]
                {
                    "Generated code costs nothing: generated-heavy ≤ without its generated files + 10%", "generated-heavy",
                    $"{withGenerated.Ec.Median:F1} ms vs {withoutGenerated.Ec.Median:F1} ms ({ratio:F2}×; {withGenerated.Workload.Lines:N0} vs {withoutGenerated.Workload.Lines:N0} lines)",
                    $"≤ {GeneratedSlack:F2}×", Report.Verdict(ratio <= GeneratedSlack),
                });
            }

            if (edit != null)
            {
                budgets.Add(new[]
                {
                    "IDE edit ≤ 20 ms (every EC analyzer, document + compilation start)", $"{edit.DocumentLines:N0}-line document in {edit.ProjectLines:N0} lines",
                    $"{edit.EcTotal.Median:F2} ms (rounds {edit.EcTotal.Min:F2}–{edit.EcTotal.Max:F2})", "≤ 20 ms", Report.Verdict(edit.EcTotal.Median <= Report.IdeLimitMs),
                });
            }

            foreach (var r in results)
            {
                if (r.EcBytes.Values.Count == 0)
                {
                    continue;
                }

                budgets.Add(r.AspNetCoreFloorBytes.Min <= 0
                    ? new[] { "EC allocation < ASP.NET Core analyzers' allocation (each beyond its mirrors)", r.Workload.Name, "ASP.NET Core analyzers not measured", "<", "N/A" }
                    : new[]
                    {
                        "EC allocation < ASP.NET Core analyzers' allocation (each beyond its mirrors)", r.Workload.Name,
                        $"{Runner.Mb(r.EcBeyond)} vs {Runner.Mb(r.AspNetCoreBeyond)}", "<", Report.Verdict(r.EcBeyond < r.AspNetCoreBeyond),
                    });
            }

            // ---- diagnostics: every workload's EC counts against the generator's ----
            var countWorkloads = timed.Select(r => (Name: r.Workload.Name, Expected: r.Workload.Expected, Reported: (IReadOnlyDictionary<string, int>)r.Reported, Ok: r.CountsStable && r.CompilerErrors == 0)).ToList();
            if (edit != null)
            {
                countWorkloads.Add(("IDE edit document", edit.Expected, edit.Reported, true));
            }

            var allRules = ruleIds.Concat(countWorkloads.SelectMany(w => w.Expected.Keys)).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
            var countRows = new List<string[]>();
            var countsHold = countWorkloads.All(w => w.Ok);
            foreach (var rule in allRules)
            {
                var row = new List<string> { rule };
                var ok = true;
                foreach (var w in countWorkloads)
                {
                    var expected = w.Expected.TryGetValue(rule, out var e) ? e : 0;
                    var reported = w.Reported.TryGetValue(rule, out var n) ? n : 0;
                    row.Add(expected.ToString(CultureInfo.InvariantCulture));
                    row.Add(ruleIds.Contains(rule) ? reported.ToString(CultureInfo.InvariantCulture) : "–");
                    ok &= expected == reported;
                }

                if (ruleIds.Contains(rule))
                {
                    countsHold &= ok;
                    row.Add(Report.Verdict(ok));
                }
                else
                {
                    row.Add("not implemented");
                }

                countRows.Add(row.ToArray());
            }

            if (countWorkloads.Count > 0)
            {
                budgets.Add(new[] { "No diagnostics lost: counts = generator's violations", string.Join(", ", countWorkloads.Select(w => w.Name)), string.Join(", ", allRules.Where(ruleIds.Contains)), "equal", Report.Verdict(countsHold) });
            }

            // ---- checks of the workloads' own shape ----
            var adoption = timed.FirstOrDefault(r => r.Workload.Name == Runner.AdoptionName);
            if (adoption != null)
            {
                var diagnostics = adoption.Reported.Values.Sum();
                var density = (double)diagnostics / adoption.Workload.Lines;
                checks.Add(new[]
                {
                    "First adoption: at least one line in ten is a diagnostic", $"{diagnostics:N0} EC diagnostics in {adoption.Workload.Lines:N0} lines (one per {1 / density:F1} lines)",
                    "≥ 1 per 10 lines", Report.Verdict(density >= AdoptionDensity),
                });
                var sourceRules = Enumerable.Range(1, 8).Select(i => "EC000" + i.ToString(CultureInfo.InvariantCulture)).ToList();
                var missing = sourceRules.Where(id => !adoption.Reported.TryGetValue(id, out var n) || n == 0).ToList();
                checks.Add(new[] { "First adoption: every source rule EC0001-EC0008 reported", missing.Count == 0 ? "all" : "none of " + string.Join(", ", missing), "all", Report.Verdict(missing.Count == 0) });
            }

            if (withGenerated != null)
            {
                var share = (double)withGenerated.Workload.GeneratedLines / withGenerated.Workload.Lines;
                checks.Add(new[]
                {
                    "Generated-heavy: at least two thirds of the lines generated", $"{withGenerated.Workload.GeneratedLines:N0} of {withGenerated.Workload.Lines:N0} lines ({100 * share:F1}%)",
                    "≥ 66.7%", Report.Verdict(share >= GeneratedShare),
                });
            }

            // ---- tables ----
            var timingHeader = new[] { "Workload", "Lines", "Generated lines", "Files", "Binding", "EC", "ASP.NET Core", "Empty (floor)", "EC / binding", "EC / ASP.NET Core" };
            var timingRows = timed.Select(r => new[]
            {
                r.Workload.Name,
                r.Workload.Lines.ToString("N0", CultureInfo.InvariantCulture),
                r.Workload.GeneratedLines.ToString("N0", CultureInfo.InvariantCulture),
                r.Files.ToString(CultureInfo.InvariantCulture),
                r.Binding.Format("F0"),
                r.Ec.Format("F1"),
                r.AspNetCore.Format("F1"),
                r.Empty.Format("F1"),
                Report.Percent(r.Ec.Median / r.Binding.Median),
                r.AspNetCore.Median > 0 ? Report.Percent(r.Ec.Median / r.AspNetCore.Median) : "n/a",
            }).ToList();

            var analyzers = timed.SelectMany(r => r.PerAnalyzer.Keys).Distinct()
                .OrderByDescending(a => timed.Max(r => r.PerAnalyzer.TryGetValue(a, out var s) ? s.Median : 0)).ToList();
            var perAnalyzerHeader = new[] { "Analyzer" }.Concat(timed.Select(r => r.Workload.Name)).ToArray();
            var perAnalyzerRows = analyzers.Select(a => new[] { a }.Concat(timed.Select(r => r.PerAnalyzer.TryGetValue(a, out var s) ? s.Format("F1") : "–")).ToArray()).ToList();

            var allocated = results.Where(r => r.EcBytes.Values.Count > 0).ToList();
            var allocationHeader = new[] { "Workload", "EC analyzers beyond their mirrors", "ASP.NET Core analyzers beyond theirs", "EC / ASP.NET Core", "EC mirrors' run (floor)", "ASP.NET Core mirrors' run (floor)" };
            var allocationRows = allocated.Select(r => new[]
            {
                r.Workload.Name,
                MbSeries(r.EcBeyond, r.EcBytes),
                MbSeries(r.AspNetCoreBeyond, r.AspNetCoreBytes),
                r.AspNetCoreBeyond > 0 ? Report.Percent(r.EcBeyond / r.AspNetCoreBeyond) : "n/a",
                Runner.Mb(r.EcFloorBytes.Min),
                Runner.Mb(r.AspNetCoreFloorBytes.Min),
            }).ToList();
            var callbackBytesHeader = new[] { "EC analyzer" }.Concat(allocated.Select(r => r.Workload.Name)).ToArray();
            var callbackBytesRows = env.EcAnalyzers.Select(a => a.GetType().Name)
                .Select(a => new[] { a }.Concat(allocated.Select(r => r.EcCallbackBytes.TryGetValue(a, out var b) ? Runner.Kb(b) : "–")).ToArray()).ToList();

            var edits = new[] { edit, editWithout }.Where(e => e != null).Cast<IdeEditResult>().ToList();
            var editHeader = new[] { "EC analyzer" }.Concat(edits.SelectMany(e => new[] { "in " + e.ProjectName + ": edit", "of which compilation start" })).ToArray();
            var editRows = env.EcAnalyzers.Select(a => a.GetType().Name)
                .Select(a => new[] { a }.Concat(edits.SelectMany(e => new[]
                {
                    e.PerAnalyzer.TryGetValue(a, out var s) ? s.Format("F2") : "–",
                    e.CompilationStart.TryGetValue(a, out var c) ? c.Format("F2") : "–",
                })).ToArray())
                .Append(new[] { "all EC analyzers" }.Concat(edits.SelectMany(e => new[] { e.EcTotal.Format("F2"), string.Empty })).ToArray())
                .ToList();

            var countHeader = new List<string> { "Rule" };
            foreach (var w in countWorkloads)
            {
                countHeader.Add(w.Name + " expected");
                countHeader.Add("reported");
            }

            countHeader.Add("Result");
            var budgetHeader = new[] { "Budget", "Where", "Figure", "Limit", "Result" };
            var checkHeader = new[] { "Check", "Figure", "Limit", "Result" };

            var console = new StringBuilder();
            if (timed.Count > 0)
            {
                console.AppendLine($"Workloads, median (min–max) of {options.Rounds} rounds (ms):");
                console.AppendLine(Report.Table(timingHeader, timingRows));
                console.AppendLine("Time per analyzer (ms, median (min–max)):");
                console.AppendLine(Report.Table(perAnalyzerHeader, perAnalyzerRows));
            }

            if (allocated.Count > 0)
            {
                console.AppendLine($"Allocation ({options.AllocRounds} allocation rounds: smallest run minus smallest floor run; each round's difference in brackets):");
                console.AppendLine(Report.Table(allocationHeader, allocationRows));
                console.AppendLine("Bytes allocated inside each EC analyzer's callbacks (one profiled run):");
                console.AppendLine(Report.Table(callbackBytesHeader, callbackBytesRows));
            }

            if (edits.Count > 0)
            {
                console.AppendLine("IDE edit (ms, median (min–max)):");
                console.AppendLine(Report.Table(editHeader, editRows));
                foreach (var e in edits)
                {
                    console.AppendLine($"  in {e.ProjectName}: call wall {e.Wall.Median:F1} ms with the EC analyzers, {e.EmptyWall.Median:F1} ms with the empty analyzer");
                }

                console.AppendLine();
            }

            if (countRows.Count > 0)
            {
                console.AppendLine("Diagnostics (expected = written by the generator, reported = by the analyzers):");
                console.AppendLine(Report.Table(countHeader.ToArray(), countRows));
            }

            console.AppendLine("Budgets (issue 18):");
            console.AppendLine(Report.Table(budgetHeader, budgets));
            if (checks.Count > 0)
            {
                console.AppendLine("Workload checks:");
                console.AppendLine(Report.Table(checkHeader, checks));
            }

            var md = new StringBuilder();
            md.AppendLine("## Results: first adoption, generated-heavy, IDE edit (issue 18)");
            md.AppendLine();
            md.AppendLine($"Same process and settings as above. Times: median (min–max) of {options.Warmup} warm-up + {options.Rounds} measured rounds, every workload in");
            md.AppendLine($"every round; allocation: {options.AllocRounds} allocation rounds after them; IDE edit: {Math.Max(options.Rounds, 10)} measured rounds;");
            md.AppendLine($"first adoption {options.AdoptionModules} modules, generated-heavy {options.GeneratedLines:N0} lines target.");
            md.AppendLine();
            if (timed.Count > 0)
            {
                md.AppendLine("### Workload timings (ms, median (min–max))");
                md.AppendLine();
                md.AppendLine(Report.Markdown(timingHeader, timingRows));
                md.AppendLine("### Time per analyzer and workload (ms, median (min–max))");
                md.AppendLine();
                md.AppendLine(Report.Markdown(perAnalyzerHeader, perAnalyzerRows));
            }

            if (allocated.Count > 0)
            {
                md.AppendLine("### Allocation (smallest run minus smallest mirrors' run over the allocation rounds; each round's difference in brackets)");
                md.AppendLine();
                md.AppendLine(Report.Markdown(allocationHeader, allocationRows));
                md.AppendLine("Bytes allocated inside each EC analyzer's callbacks (`CallbackProfiler`, one run per workload):");
                md.AppendLine();
                md.AppendLine(Report.Markdown(callbackBytesHeader, callbackBytesRows));
            }

            if (edits.Count > 0)
            {
                md.AppendLine("### IDE edit (ms, median (min–max))");
                md.AppendLine();
                md.AppendLine(Report.Markdown(editHeader, editRows));
                foreach (var e in edits)
                {
                    md.AppendLine($"- in {e.ProjectName} ({e.ProjectLines:N0} lines, {e.GeneratedLines:N0} generated): the `GetAnalyzerSemanticDiagnosticsAsync` call takes {e.Wall.Median:F1} ms wall-clock with the EC analyzers and {e.EmptyWall.Median:F1} ms with the empty analyzer.");
                }

                md.AppendLine();
            }

            if (countRows.Count > 0)
            {
                md.AppendLine("### Diagnostics counted (issue 18 workloads)");
                md.AppendLine();
                md.AppendLine(Report.Markdown(countHeader.ToArray(), countRows));
            }

            if (adoption != null)
            {
                md.AppendLine("First adoption's violations, by form:");
                md.AppendLine();
                md.AppendLine(Report.Markdown(new[] { "Rule: form", "Count" }, adoption.Workload.ExpectedForms.Select(p => new[] { p.Key, p.Value.ToString(CultureInfo.InvariantCulture) }).ToList()));
            }

            md.AppendLine("### Budgets (issue 18)");
            md.AppendLine();
            md.AppendLine(Report.Markdown(budgetHeader, budgets.Select(b => new[] { b[0], b[1], b[2], b[3], "**" + b[4] + "**" }).ToList()));
            if (checks.Count > 0)
            {
                md.AppendLine("Workload checks (the workloads are what issue 18 describes):");
                md.AppendLine();
                md.AppendLine(Report.Markdown(checkHeader, checks));
            }

            var exceptions = results.SelectMany(r => r.AnalyzerExceptions).Distinct().ToList();
            if (exceptions.Count > 0)
            {
                md.AppendLine("Analyzer exceptions during the runs (their analyzers' times are partial): " + string.Join("; ", exceptions.Select(e => "`" + e.Replace("`", "'", StringComparison.Ordinal) + "`")));
                md.AppendLine();
                foreach (var e in exceptions)
                {
                    console.AppendLine("analyzer exception: " + e);
                }
            }

            return (console.ToString(), md.ToString());
        }

        /// <summary>The figure (smallest run minus smallest floor), and the per-round differences' range when there are several rounds.</summary>
        internal static string MbSeries(double figure, Series rounds) => rounds.Values.Count == 0
            ? "n/a"
            : Runner.Mb(figure) + (rounds.Values.Count > 1 ? " (rounds " + Runner.Mb(rounds.Min) + "–" + Runner.Mb(rounds.Max) + ")" : string.Empty);
    }
}
