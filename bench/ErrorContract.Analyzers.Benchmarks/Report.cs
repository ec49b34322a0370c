using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>
    /// Builds the results table, the budget verdicts and the results region of <c>docs/performance.md</c> (the text between its
    /// markers, see <see cref="ResultsFile"/>).
    /// </summary>
    public static class Report
    {
        public const double BindingShareLimit = 0.03;
        public const double AspNetCoreShareLimit = 0.25;
        public const double GrowthSlack = 1.1;
        public const double IdeLimitMs = 20;

        public static (string Console, string Region) Build(BenchEnvironment env, BenchOptions options, List<SizeResult> sizes, IdeResult ide, List<(string Analyzer, List<string[]> Rows)> profile)
        {
            var ruleIds = env.EcAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var allRules = ruleIds.Concat(sizes.SelectMany(s => s.Expected.Keys)).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
            var budgets = new List<(string Budget, string Scope, string Figure, string Limit, string Verdict)>();

            foreach (var s in sizes)
            {
                var share = s.EcMs / s.BindingMs;
                budgets.Add(("EC time ≤ 3% of binding time", Size(s), $"{s.EcMs:F1} ms = {Percent(share)} of {s.BindingMs:F0} ms", "≤ 3.00%", Verdict(share <= BindingShareLimit)));
            }

            foreach (var s in sizes)
            {
                if (env.AspNetCoreAnalyzers.Length == 0 || s.AspNetCoreMs <= 0)
                {
                    budgets.Add(("EC time ≤ ¼ of ASP.NET Core analyzers' time", Size(s), "ASP.NET Core analyzers not measured", "≤ 25.0%", "N/A"));
                    continue;
                }

                var share = s.EcMs / s.AspNetCoreMs;
                budgets.Add(("EC time ≤ ¼ of ASP.NET Core analyzers' time", Size(s), $"{s.EcMs:F1} ms = {Percent(share)} of {s.AspNetCoreMs:F1} ms", "≤ 25.0%", Verdict(share <= AspNetCoreShareLimit)));
            }

            if (sizes.Count >= 2)
            {
                var small = sizes.OrderBy(s => s.Lines).First();
                var large = sizes.OrderBy(s => s.Lines).Last();
                var lineRatio = (double)large.Lines / small.Lines;
                var timeRatio = large.EcMs / small.EcMs;
                var limit = GrowthSlack * lineRatio;
                budgets.Add(("Linear growth: 4× the code ≤ 4.4× the EC time", Size(small) + " → " + Size(large),
                    $"{lineRatio:F2}× lines, {timeRatio:F2}× EC time ({small.EcMs:F1} → {large.EcMs:F1} ms)", $"≤ {limit:F2}× (1.1 × line ratio)", Verdict(timeRatio <= limit)));
            }

            budgets.Add(("One-document IDE figure < 20 ms", $"{ide.DocumentLines:N0}-line controller in {ide.ProjectLines:N0} lines",
                $"{ide.EcExecutionMs:F2} ms (EC execution; call wall {ide.WallMs:F0} ms vs {ide.EmptyWallMs:F0} ms with the empty analyzer)", "< 20 ms", Verdict(ide.EcExecutionMs < IdeLimitMs)));

            var countRows = new List<string[]>();
            var countsHold = true;
            foreach (var rule in allRules)
            {
                var row = new List<string> { rule };
                var implemented = ruleIds.Contains(rule);
                var ok = true;
                foreach (var s in sizes)
                {
                    var expected = s.Expected.TryGetValue(rule, out var e) ? e : 0;
                    var reported = s.Reported.TryGetValue(rule, out var r) ? r : 0;
                    row.Add(expected.ToString(CultureInfo.InvariantCulture));
                    row.Add(implemented ? reported.ToString(CultureInfo.InvariantCulture) : "–");
                    ok &= expected == reported;
                }

                var ideExpected = ide.Expected.TryGetValue(rule, out var ie) ? ie : 0;
                var ideReported = ide.Reported.TryGetValue(rule, out var ir) ? ir : 0;
                row.Add(ideExpected.ToString(CultureInfo.InvariantCulture));
                row.Add(implemented ? ideReported.ToString(CultureInfo.InvariantCulture) : "–");
                ok &= ideExpected == ideReported;
                if (implemented)
                {
                    countsHold &= ok;
                    row.Add(Verdict(ok));
                }
                else
                {
                    row.Add("not implemented");
                }

                countRows.Add(row.ToArray());
            }

            budgets.Add(("No diagnostics lost: counts = generator's violations (implemented rules)", "every size + IDE document",
                string.Join(", ", allRules.Where(ruleIds.Contains)), "equal", Verdict(countsHold && sizes.All(s => s.CompilerErrors == 0))));

            var md = new StringBuilder();
            var console = new StringBuilder();

            // ---------------- console ----------------
            console.AppendLine("Timings, median of " + options.Rounds + " rounds (ms):");
            console.AppendLine(Table(TimingHeader(), sizes.Select(TimingRow).ToList()));
            console.AppendLine("Budgets:");
            console.AppendLine(Table(new[] { "Budget", "Where", "Figure", "Limit", "Result" }, budgets.Select(b => new[] { b.Budget, b.Scope, b.Figure, b.Limit, b.Verdict }).ToList()));
            console.AppendLine("Diagnostics (expected = written by the generator, reported = by the analyzers):");
            console.AppendLine(Table(CountHeader(sizes), countRows));

            // ---------------- markdown: the results region of docs/performance.md (ResultsFile) ----------------
            // Only what a run measures. The introduction, how to run, what is measured and the history of past runs are
            // hand-written text around the region, which the benchmark leaves as it is.
            md.AppendLine("## Results");
            md.AppendLine();
            md.AppendLine("| | |");
            md.AppendLine("|---|---|");
            md.AppendLine($"| Date | {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC |");
            md.AppendLine($"| Machine | {Machine()} |");
            md.AppendLine($"| OS | {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}) |");
            md.AppendLine($"| Runtime | .NET {System.Environment.Version}, Release build, server GC as in the SDK's compiler (`VBCSCompiler.runtimeconfig.json`) |");
            md.AppendLine($"| Roslyn | Microsoft.CodeAnalysis.CSharp {typeof(CSharpCompilation).Assembly.GetName().Version} in the benchmark (the analyzers are built against 4.8.0; see the note below) |");
            md.AppendLine($"| References | Microsoft.NETCore.App.Ref {env.NetCoreRefVersion}, Microsoft.AspNetCore.App.Ref {env.AspNetCoreRefVersion} |");
            md.AppendLine($"| EC analyzers | {string.Join(", ", env.EcAnalyzers.Select(a => a.GetType().Name))} (rules {string.Join(", ", ruleIds.OrderBy(r => r, StringComparer.Ordinal))}) |");
            md.AppendLine($"| ASP.NET Core analyzers | {env.AspNetCoreAnalyzers.Length}: {string.Join(", ", env.AspNetCoreAnalyzers.Select(a => a.GetType().Name))} |");
            md.AppendLine($"| Rounds | {options.Warmup} warm-up + {options.Rounds} measured per size (median); IDE case {Math.Max(options.Rounds, 10)} measured; seed {options.Seed} |");
            md.AppendLine($"| Command | `dotnet run -c Release --project bench/ErrorContract.Analyzers.Benchmarks{(options.Quick ? " -- --quick" : string.Empty)}` |");
            md.AppendLine();
            md.AppendLine("### Timings (ms, median)");
            md.AppendLine();
            md.AppendLine(Markdown(TimingHeader(), sizes.Select(TimingRow).ToList()));
            md.AppendLine($"IDE case: a {ide.DocumentLines:N0}-line controller document in a {ide.ProjectLines:N0}-line project: the EC analyzers' own execution time for");
            md.AppendLine($"that document's semantic diagnostics is **{ide.EcExecutionMs:F2} ms** (median, compilation start included). The whole");
            md.AppendLine($"`GetAnalyzerSemanticDiagnosticsAsync` call takes {ide.WallMs:F1} ms wall-clock with the EC analyzers and {ide.EmptyWallMs:F1} ms with the empty");
            md.AppendLine("analyzer: that part is the analyzer driver's own work on the document (its compilation events and operation trees), paid");
            md.AppendLine("whatever analyzer runs, so the budget applies to the EC analyzers' execution time.");
            md.AppendLine();
            md.AppendLine("### Budgets");
            md.AppendLine();
            md.AppendLine(Markdown(new[] { "Budget", "Where", "Figure", "Limit", "Result" }, budgets.Select(b => new[] { b.Budget, b.Scope, b.Figure, b.Limit, "**" + b.Verdict + "**" }).ToList()));
            if (sizes.All(s => s.AspNetCoreMs > 0))
            {
                var bySize = sizes.OrderBy(s => s.Lines).ToList();
                var aspRatios = bySize.Select(s => (100 * s.EcMs / s.AspNetCoreMs).ToString("F1", CultureInfo.InvariantCulture) + "%");
                var largestRounds = bySize.Last().Rounds.Select(r => 100 * r[1] / r[2]).OrderBy(r => r).ToList();
                md.AppendLine($"In this run, EC time is {string.Join(", ", aspRatios)} of the ASP.NET Core analyzers' time at {string.Join(", ", bySize.Select(Size))}");
                md.AppendLine(FormattableString.Invariant($"(budget 25%); single rounds at the largest size range from {largestRounds.First():F0}% to {largestRounds.Last():F0}%."));
                md.AppendLine();
            }

            md.AppendLine("### Diagnostics counted");
            md.AppendLine();
            md.AppendLine("Expected: violations the generator wrote. Reported: diagnostics of that id from the EC analyzers. A rule the");
            md.AppendLine("analyzers do not support yet (not in any `SupportedDiagnostics`) is shown as not implemented: its violations are");
            md.AppendLine("generated and counted already, so the check applies as soon as the rule lands.");
            md.AppendLine();
            md.AppendLine(Markdown(CountHeader(sizes), countRows));
            var largest = sizes.OrderBy(s => s.Lines).Last();
            md.AppendLine($"Violations written, by form ({Size(largest)}; the smaller sizes are a prefix of the same project):");
            md.AppendLine();
            md.AppendLine(Markdown(new[] { "Rule: form", "Count" }, largest.ExpectedForms.Select(p => new[] { p.Key, p.Value.ToString(CultureInfo.InvariantCulture) }).ToList()));
            md.AppendLine($"### Time per analyzer ({Size(largest)}, ms, median)");
            md.AppendLine();
            md.AppendLine(Markdown(new[] { "Analyzer", "Execution time" }, largest.PerAnalyzerMs.OrderByDescending(p => p.Value).Select(p => new[] { p.Key, p.Value.ToString("F1", CultureInfo.InvariantCulture) }).ToList()));
            md.AppendLine($"### Where the EC analyzers' time goes ({Size(largest)}, one more run with every callback timed, per round)");
            md.AppendLine();
            md.AppendLine("Each callback the EC analyzers register is wrapped in a timer (`CallbackProfiler.cs`, also `--profile-callbacks`);");
            md.AppendLine("the timer adds about a microsecond per call, so the sum is above the EC column. Keys are the operation kind, or the");
            md.AppendLine("symbol kind (for methods, the method kind). The last column is the garbage collector's pause time that fell inside");
            md.AppendLine("the callbacks (`GC.GetTotalPauseDuration` around each call): wall-clock time the callback did not spend working. A");
            md.AppendLine("collection starts in the allocation that exhausts the budget, so the more a callback allocates (last column,");
            md.AppendLine("`GC.GetAllocatedBytesForCurrentThread` around each call), the more often a pause lands in its time.");
            md.AppendLine();
            md.AppendLine(Markdown(new[] { "Analyzer: callback", "ms per round", "calls per round", "µs per call", "of which GC pauses, ms per round", "KB allocated per round" },
                profile.SelectMany(p => p.Rows.Select(r => new[] { p.Analyzer + ": " + r[0], r[1], r[2], r[3], r[4], r[5] })).ToList()));
            md.AppendLine("### Notes");
            md.AppendLine();
            md.AppendLine("- Roslyn version: the SDK's `Microsoft.AspNetCore.App.Analyzers.dll` references Microsoft.CodeAnalysis 4.13, so it");
            md.AppendLine("  cannot load into Roslyn 4.8.0 (`$(RoslynVersion)`, what the analyzers are compiled against; `GetAnalyzers` returns");
            md.AppendLine("  nothing). The benchmark alone therefore runs on a newer Roslyn (`BenchRoslynVersion` in its project file: the newest");
            md.AppendLine("  available), which is also closer to what users run: the .NET 10 SDK's compiler loads the EC analyzers into Roslyn 5.");
            if (env.AspNetCoreLoadErrors.Count > 0)
            {
                md.AppendLine("- ASP.NET Core analyzers, load errors: " + string.Join("; ", env.AspNetCoreLoadErrors));
            }

            var exceptions = sizes.SelectMany(s => s.AnalyzerExceptions).Distinct().ToList();
            if (exceptions.Count > 0)
            {
                md.AppendLine("- Analyzer exceptions during the runs (their analyzers' times are partial): " + string.Join("; ", exceptions.Select(e => "`" + e.Replace("`", "'") + "`")));
            }
            else
            {
                md.AppendLine("- No analyzer threw during the runs, and the generated code compiles without errors at every size.");
            }

            md.AppendLine($"- Machine load: {System.Environment.ProcessorCount} cores, possibly shared with other work while measuring; single");
            md.AppendLine("  rounds vary, the medians are what the budgets use. Every round's figures are printed on the console.");

            foreach (var e in exceptions)
            {
                console.AppendLine("analyzer exception: " + e);
            }

            return (console.ToString(), md.ToString());
        }

        private static string[] TimingHeader() => new[]
        {
            "Size", "Lines", "Files", "Binding", "EC", "ASP.NET Core", "Empty (floor)", "EC − empty", "EC / binding", "EC / ASP.NET Core", "Analyzer run (wall, all)", "GC pauses in the run",
        };

        private static string[] TimingRow(SizeResult s) => new[]
        {
            Size(s),
            s.Lines.ToString("N0", CultureInfo.InvariantCulture),
            s.Files.ToString(CultureInfo.InvariantCulture),
            s.BindingMs.ToString("F0", CultureInfo.InvariantCulture),
            s.EcMs.ToString("F1", CultureInfo.InvariantCulture),
            s.AspNetCoreMs.ToString("F1", CultureInfo.InvariantCulture),
            s.EmptyMs.ToString("F1", CultureInfo.InvariantCulture),
            (s.EcMs - s.EmptyMs).ToString("F1", CultureInfo.InvariantCulture),
            Percent(s.EcMs / s.BindingMs),
            s.AspNetCoreMs > 0 ? Percent(s.EcMs / s.AspNetCoreMs) : "n/a",
            s.AnalyzerWallMs.ToString("F0", CultureInfo.InvariantCulture),
            s.GcPauseMs.ToString("F0", CultureInfo.InvariantCulture),
        };

        private static string[] CountHeader(List<SizeResult> sizes)
        {
            var header = new List<string> { "Rule" };
            foreach (var s in sizes)
            {
                header.Add(Size(s) + " expected");
                header.Add("reported");
            }

            header.Add("IDE doc expected");
            header.Add("reported");
            header.Add("Result");
            return header.ToArray();
        }

        private static string Size(SizeResult s) => (s.TargetLines / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k";

        internal static string Percent(double share) => (share * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

        internal static string Verdict(bool ok) => ok ? "PASS" : "FAIL";

        private static string Machine()
        {
            var cpu = "unknown CPU";
            try
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line != null)
                {
                    cpu = line.Substring(line.IndexOf(':') + 1).Trim();
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            var memory = string.Empty;
            try
            {
                var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
                if (line != null)
                {
                    var kb = long.Parse(new string(line.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
                    memory = $", {kb / 1024.0 / 1024.0:F1} GiB RAM";
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            return $"{cpu}, {System.Environment.ProcessorCount} logical cores{memory}";
        }

        internal static string Markdown(string[] header, List<string[]> rows)
        {
            var sb = new StringBuilder();
            sb.AppendLine("| " + string.Join(" | ", header) + " |");
            sb.AppendLine("|" + string.Concat(header.Select((_, i) => i == 0 ? "---|" : "---:|")));
            foreach (var row in rows)
            {
                sb.AppendLine("| " + string.Join(" | ", row) + " |");
            }

            return sb.ToString();
        }

        internal static string Table(string[] header, List<string[]> rows)
        {
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
            var sb = new StringBuilder();
            sb.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))));
            sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (var row in rows)
            {
                sb.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))));
            }

            return sb.ToString();
        }
    }
}
