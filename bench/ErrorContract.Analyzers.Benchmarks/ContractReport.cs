using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>
    /// The tables and budgets of the <c>contracts</c> workload (issue 19): one project under every sample contract, one row
    /// per contract, for the console and the results region.
    /// </summary>
    public static class ContractReport
    {
        public static (string Console, string Region) Build(BenchEnvironment env, BenchOptions options, List<WorkloadResult> results)
        {
            var ruleIds = env.EcAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var first = results[0].Workload;

            // ---- budgets: the sizes' budget, per contract ----
            var budgets = new List<string[]>();
            foreach (var r in results)
            {
                var share = r.Ec.Median / r.Binding.Median;
                budgets.Add(new[]
                {
                    "EC time ≤ 3% of binding time", r.Workload.Name, $"{r.Ec.Median:F1} ms = {Report.Percent(share)} of {r.Binding.Median:F0} ms", "≤ 3.00%",
                    Report.Verdict(share <= Report.BindingShareLimit),
                });
            }

            // ---- checks: the project compiles, the counts are the same in every round, and under contract A they are the generator's ----
            var checks = new List<string[]>();
            var errors = results.Max(r => r.CompilerErrors);
            checks.Add(new[] { "The project compiles", "every contract (the same trees)", $"{errors} compiler errors", Report.Verdict(errors == 0) });
            var unstable = results.Where(r => !r.CountsStable).Select(r => r.Workload.Name).ToList();
            checks.Add(new[] { "The same diagnostics in every round", "every contract", unstable.Count == 0 ? "the same" : "they differ under " + string.Join(", ", unstable), Report.Verdict(unstable.Count == 0) });
            foreach (var r in results.Where(r => r.Workload.CountsKnown))
            {
                var rules = ruleIds.Concat(r.Workload.Expected.Keys.Where(ruleIds.Contains)).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
                var differ = rules.Where(id => Count(r.Workload.Expected, id) != Count(r.Reported, id)).ToList();
                checks.Add(new[]
                {
                    "No diagnostics lost: counts = generator's violations (it writes against contract A)", r.Workload.Name,
                    differ.Count == 0 ? $"{r.Reported.Values.Sum():N0} diagnostics, every rule equal" : "differ: " + string.Join(", ", differ.Select(id => $"{id} {Count(r.Reported, id)} (expected {Count(r.Workload.Expected, id)})")),
                    Report.Verdict(differ.Count == 0),
                });
            }

            if (results.All(r => !r.Workload.CountsKnown))
            {
                checks.Add(new[] { "No diagnostics lost: counts = generator's violations (it writes against contract A)", "–", "contract A is not among the sample contracts", "N/A" });
            }

            // ---- tables ----
            var allocated = results.Any(r => r.EcBytes.Values.Count > 0);
            var timingHeader = new List<string> { "Contract", "File", "Binding", "EC", "ASP.NET Core", "EC / binding", "Budget (≤ 3.00%)" };
            if (allocated)
            {
                timingHeader.Add("EC allocation beyond mirrors");
                timingHeader.Add("ASP.NET Core allocation beyond theirs");
            }

            timingHeader.Add("EC diagnostics");
            timingHeader.Add("By rule");
            var timingRows = results.Select(r =>
            {
                var share = r.Ec.Median / r.Binding.Median;
                var row = new List<string>
                {
                    r.Workload.SampleContract!.Name,
                    r.Workload.SampleContract.RelativePath,
                    r.Binding.Format("F0"),
                    r.Ec.Format("F1"),
                    r.AspNetCore.Values.Count > 0 && r.AspNetCore.Median > 0 ? r.AspNetCore.Format("F1") : "n/a",
                    Report.Percent(share),
                    Report.Verdict(share <= Report.BindingShareLimit),
                };
                if (allocated)
                {
                    row.Add(WorkloadReport.MbSeries(r.EcBeyond, r.EcBytes));
                    row.Add(r.AspNetCoreFloorBytes.Values.Count == 0 || r.AspNetCoreFloorBytes.Min <= 0 ? "n/a" : WorkloadReport.MbSeries(r.AspNetCoreBeyond, r.AspNetCoreBytes));
                }

                row.Add(r.Reported.Values.Sum().ToString("N0", CultureInfo.InvariantCulture));
                row.Add(r.Reported.Count == 0 ? "–" : string.Join(", ", r.Reported.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
                return row.ToArray();
            }).ToList();

            var analyzers = results.SelectMany(r => r.PerAnalyzer.Keys).Where(a => a.StartsWith("EC ", StringComparison.Ordinal)).Distinct()
                .OrderByDescending(a => results.Max(r => r.PerAnalyzer.TryGetValue(a, out var s) ? s.Median : 0)).ToList();
            var perAnalyzerHeader = new[] { "EC analyzer" }.Concat(results.Select(r => r.Workload.SampleContract!.Name)).ToArray();
            var perAnalyzerRows = analyzers.Select(a => new[] { a.Substring(3) }.Concat(results.Select(r => r.PerAnalyzer.TryGetValue(a, out var s) ? s.Format("F1") : "–")).ToArray()).ToList();

            var callbackBytesHeader = new[] { "EC analyzer" }.Concat(results.Select(r => r.Workload.SampleContract!.Name)).ToArray();
            var callbackBytesRows = env.EcAnalyzers.Select(a => a.GetType().Name)
                .Select(a => new[] { a }.Concat(results.Select(r => r.EcCallbackBytes.TryGetValue(a, out var b) ? Runner.Kb(b) : "–")).ToArray()).ToList();

            var budgetHeader = new[] { "Budget", "Where", "Figure", "Limit", "Result" };
            var checkHeader = new[] { "Check", "Where", "Figure", "Result" };
            var about = $"the growth workload's project ({first.Lines:N0} lines in {first.Trees.Count} files, seed {options.Seed}), the same syntax trees under each of the "
                + $"{results.Count} sample contracts (`samples/contracts/*/errorcontract.json`)";

            var console = new StringBuilder();
            console.AppendLine($"Contracts: {about}; median (min–max) of {options.Rounds} rounds (ms):");
            console.AppendLine(Report.Table(timingHeader.ToArray(), timingRows));
            console.AppendLine("Time per EC analyzer and contract (ms, median (min–max)):");
            console.AppendLine(Report.Table(perAnalyzerHeader, perAnalyzerRows));
            if (allocated)
            {
                console.AppendLine("Bytes allocated inside each EC analyzer's callbacks, per contract (one profiled run):");
                console.AppendLine(Report.Table(callbackBytesHeader, callbackBytesRows));
            }

            console.AppendLine("Budgets (contracts):");
            console.AppendLine(Report.Table(budgetHeader, budgets));
            console.AppendLine("Checks (contracts):");
            console.AppendLine(Report.Table(checkHeader, checks));
            foreach (var b in budgets)
            {
                console.AppendLine($"{b[4]}: {b[1]}: {b[0]} ({b[2]})");
            }

            var md = new StringBuilder();
            md.AppendLine("## Results: every sample contract (issue 19)");
            md.AppendLine();
            md.AppendLine($"Same process and rounds as the workloads above: {about}. Times: median (min–max) of {options.Warmup} warm-up + {options.Rounds} measured rounds;");
            md.AppendLine($"allocation: {options.AllocRounds} allocation rounds (smallest run minus smallest mirrors' run). Diagnostics: what the EC analyzers report under each contract.");
            md.AppendLine();
            md.AppendLine("### Timings, allocation and diagnostics per contract (ms, median (min–max))");
            md.AppendLine();
            md.AppendLine(Report.Markdown(timingHeader.ToArray(), timingRows));
            md.AppendLine("### Time per EC analyzer and contract (ms, median (min–max))");
            md.AppendLine();
            md.AppendLine(Report.Markdown(perAnalyzerHeader, perAnalyzerRows));
            if (allocated)
            {
                md.AppendLine("Bytes allocated inside each EC analyzer's callbacks (`CallbackProfiler`, one run per contract):");
                md.AppendLine();
                md.AppendLine(Report.Markdown(callbackBytesHeader, callbackBytesRows));
            }

            md.AppendLine("### Budgets (contracts)");
            md.AppendLine();
            md.AppendLine(Report.Markdown(budgetHeader, budgets.Select(b => new[] { b[0], b[1], b[2], b[3], "**" + b[4] + "**" }).ToList()));
            md.AppendLine("Checks:");
            md.AppendLine();
            md.AppendLine(Report.Markdown(checkHeader, checks));

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

        private static int Count(IReadOnlyDictionary<string, int> counts, string id) => counts.TryGetValue(id, out var n) ? n : 0;
    }
}
