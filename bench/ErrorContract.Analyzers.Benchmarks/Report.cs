using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorContract.Analyzers.Benchmarks;

/// <summary>Builds the results table, the budget verdicts and <c>docs/performance.md</c>.</summary>
public static class Report
{
    public const double BindingShareLimit = 0.03;
    public const double AspNetCoreShareLimit = 0.25;
    public const double GrowthSlack = 1.1;
    public const double IdeLimitMs = 20;

    public static (string Console, string Markdown) Build(BenchEnvironment env, BenchOptions options, List<SizeResult> sizes, IdeResult ide, List<(string Analyzer, List<string[]> Rows)> profile)
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

        // ---------------- markdown ----------------
        md.AppendLine("# Performance");
        md.AppendLine();
        md.AppendLine("How fast the analyzers are, measured by the benchmark in `bench/ErrorContract.Analyzers.Benchmarks`, and the");
        md.AppendLine("budget they must stay inside (issue 6). This file is written by the benchmark: re-run it rather than editing");
        md.AppendLine("the figures, and commit the result with the change that produced it.");
        md.AppendLine();
        md.AppendLine("## How to run");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("dotnet run -c Release --project bench/ErrorContract.Analyzers.Benchmarks");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("from the repository root, with the .NET 10 SDK (it takes a few minutes). It prints the same tables and the verdict");
        md.AppendLine("of every budget, and rewrites this file. Options (after `--`):");
        md.AppendLine();
        md.AppendLine("- `--sizes 30000,60000,120000`: project sizes, in lines (default as shown);");
        md.AppendLine("- `--rounds 7`, `--warmup 2`: measured rounds (the median is reported; single rounds vary by tens of percent here) and unmeasured warm-up rounds;");
        md.AppendLine("- `--out docs/performance.md` or `--no-out`: where to write this file;");
        md.AppendLine("- `--seed N`, `--ide-lines 1000`: the generator's seed and the IDE document's size;");
        md.AppendLine("- `--quick`: sizes 3,000/6,000/12,000, 2 rounds, nothing written: for development, not for figures;");
        md.AppendLine("- development aids, on the largest size: `--profile-callbacks` (only the per-callback table below);");
        md.AppendLine("  `--profile-loop` (the EC analyzers alone through the driver, run `--rounds` times, for an external profiler);");
        md.AppendLine("  `--profile-replay` (every EC callback called directly on operation trees built beforehand: CPU cost without the");
        md.AppendLine("  driver); `--loop-ab A.dll B.dll` and `--replay-ab A.dll B.dll` (two builds of `ErrorContract.Analyzers.dll`,");
        md.AppendLine("  each in its own load context, run in alternation in one process, so that the host's changes of speed fall on");
        md.AppendLine("  both alike: the way to tell a change of a few percent on this machine).");
        md.AppendLine("- a CPU profile with managed call stacks, on Linux: `DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0");
        md.AppendLine("  DOTNET_ReadyToRun=0 perf record -e cpu-clock -F 1999 -g dotnet bench/ErrorContract.Analyzers.Benchmarks/bin/Release/");
        md.AppendLine("  net10.0/ErrorContract.Analyzers.Benchmarks.dll --profile-loop`, then `perf script`. `dotnet-trace`'s sampled");
        md.AppendLine("  thread time misleads here: its samples land where a thread stops for the sampler (`Monitor.Enter`, GC polls).");
        md.AppendLine();
        md.AppendLine("The benchmark is not part of the solution's tests and `dotnet test` does not run it. Close other work first: the");
        md.AppendLine("figures are wall-clock times.");
        md.AppendLine();
        md.AppendLine("## What is measured");
        md.AppendLine();
        md.AppendLine("`Generator.cs` writes a deterministic (seeded) ASP.NET Core API of about the requested number of lines: modules");
        md.AppendLine("of DTO records, a service (ordinary code: LINQ, string handling, look-alike `NotFound()`/`StatusCode()` methods of");
        md.AppendLine("its own), an `[ApiController]` controller, minimal-API endpoints (`Results`, `TypedResults`, `Results<Ok<T>, …>`");
        md.AppendLine("unions), a middleware setting `context.Response.StatusCode`, and an `HttpClient` client setting `Authorization`");
        md.AppendLine($"headers. It is compiled against the SDK's reference packs and analyzed with contract A (`{env.ContractPath}`)");
        md.AppendLine("as an additional file. Each response or header line is compliant or contract-breaking at random, and the");
        md.AppendLine("generator counts every violation it writes, per rule and per form (the forms are listed in `Generator.cs`).");
        md.AppendLine();
        md.AppendLine("Two warm-up rounds, then the measured rounds. Every round measures every size in turn, the largest first (so that the");
        md.AppendLine("JIT has reached steady state before the small sizes, and the host's drift in speed over the minutes of a run falls on");
        md.AppendLine("every size alike). For each size: a fresh compilation of the same syntax trees, its binding, then one");
        md.AppendLine("`CompilationWithAnalyzers` run (not concurrent, `logAnalyzerExecutionTime: true`) of the EC analyzers, the ASP.NET");
        md.AppendLine("Core analyzers and the empty analyzer together. Every figure is the median over the rounds.");
        md.AppendLine();
        md.AppendLine("| Column | Meaning |");
        md.AppendLine("|---|---|");
        md.AppendLine("| Lines, Files | size of the generated project (all files, including blank lines) |");
        md.AppendLine("| Binding | `Compilation.GetDiagnostics()` on a fresh compilation: the compiler's declaration and method-body binding, no emit |");
        md.AppendLine("| EC | the EC analyzers' own execution time (`GetAnalyzerTelemetryInfoAsync(…).ExecutionTime`, summed over every `DiagnosticAnalyzer` in `ErrorContract.Analyzers.dll`, found by reflection) |");
        md.AppendLine("| ASP.NET Core | the same for the SDK's framework analyzers, `packs/Microsoft.AspNetCore.App.Ref/<version>/analyzers/dotnet/cs/Microsoft.AspNetCore.App.Analyzers.dll` (all its C# analyzers) |");
        md.AppendLine("| Empty | an analyzer that registers the same callbacks as the EC analyzers (compilation start; operation actions on invocations, object creations, simple assignments, lambdas, local functions; symbol actions on methods and named types) and does nothing: the floor that the driver's dispatch alone costs |");
        md.AppendLine("| EC − empty | what the EC analyzers' own work costs above that floor |");
        md.AppendLine("| EC / binding, EC / ASP.NET Core | the two budget ratios |");
        md.AppendLine("| Analyzer run | wall-clock time of the whole `GetAnalyzerDiagnosticsAsync` call (binding again, plus all analyzers), for scale |");
        md.AppendLine("| GC pauses in the run | the garbage collector's pause time during that call (`GC.GetTotalPauseDuration`). Execution times are wall-clock, so a pause counts for whichever callback it interrupts, mostly caused by the binder's allocations: the main source of noise between rounds |");
        md.AppendLine("| IDE case | one controller document of about 1,000 lines added to the largest project: `GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null)` for that document with the EC analyzers only, the model taken from the driver's compilation and bound beforehand (as in the IDE, where the compiler's diagnostics are computed too); a new `CompilationWithAnalyzers` each round, so the compilation start actions are included, as on every edit. The figure is the EC analyzers' execution time in that call; the call's wall-clock time, and the same call with the empty analyzer, are given beside it |");
        md.AppendLine();

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
        md.AppendLine("### What was found and fixed (issue 6, November 2026)");
        md.AppendLine();
        md.AppendLine("Found with `dotnet-trace` (sampled thread time) over `--profile-loop` (the EC analyzers alone, run repeatedly on");
        md.AppendLine("the 120k project) and with the per-callback table above.");
        md.AppendLine();
        md.AppendLine("- The analyzer driver's generated-code check: with `GeneratedCodeAnalysisFlags.None`, the driver checks every");
        md.AppendLine("  reported diagnostic for generated code, and the first diagnostic in a file makes it walk every token of that");
        md.AppendLine("  file looking for `[GeneratedCode]`. That walk ran inside `ReportDiagnostic`, so it counted as EC time: about");
        md.AppendLine("  half of it. The analyzers now configure `ReportDiagnostics` without `Analyze` (`GeneratedCode.cs`): the driver");
        md.AppendLine("  still runs no callback on generated code, and no longer re-checks diagnostics, which are only ever reported in");
        md.AppendLine("  the code being analysed. `Robustness/GeneratedCodeTests` checks that no rule flags generated code (header,");
        md.AppendLine("  `*.g.cs` name, `[GeneratedCode]`); it found one case, a generated `[assembly: ApiController]`, now handled.");
        md.AppendLine("- Well-known types: three analyzers each resolved their own types on every compilation start (every edit in the");
        md.AppendLine("  IDE), partly with `Compilation.GetTypeByMetadataName`, which searches every reference. They are now one");
        md.AppendLine("  `WellKnownTypes` per compilation, shared by all analyzers and fixes (a weak per-compilation cache), and every");
        md.AppendLine("  type is looked up in the assembly that defines it (`TypeLookup`); a test checks that no shared-framework type");
        md.AppendLine("  needs the slow search.");
        md.AppendLine("- JSON shapes: the properties System.Text.Json writes for a body type were computed at every response site; they");
        md.AppendLine("  are now computed once per type and compilation.");
        md.AppendLine("- Interface checks (`IActionResult`/`IResult` return types of helpers, `IHeaderDictionary` receivers) read");
        md.AppendLine("  `AllInterfaces` of constructed generic types, which Roslyn substitutes anew on each call (allocations, GC);");
        md.AppendLine("  they now read the type definition's cached list.");
        md.AppendLine("- The rules took a delegate bound to the callback's context struct, a boxing allocation per response site; they");
        md.AppendLine("  now return their diagnostic.");
        md.AppendLine("- Not ours to fix: the driver's own work per reported diagnostic (location checks, a locked queue) counts as EC");
        md.AppendLine("  time, and the generated project has a diagnostic every ~65 lines, far denser than real code. GC pauses count for");
        md.AppendLine("  whichever callback they interrupt (the GC column): rounds of the same code vary by tens of percent on this");
        md.AppendLine("  machine, which is why every figure is a median.");
        md.AppendLine("- The GC setting matters for the comparison: under the workstation GC used before, the ASP.NET Core analyzers' time");
        md.AppendLine("  included more GC pauses than ours and the same code measured 26-32% of it; server GC, what the SDK's compiler runs,");
        md.AppendLine("  shrank their figure more than ours.");
        var aspRatios = sizes.OrderBy(r => r.Lines).Select(r => 100 * r.EcMs / r.AspNetCoreMs).ToList();
        var largestRounds = sizes.OrderBy(r => r.Lines).Last().Rounds.Select(r => 100 * r[1] / r[2]).OrderBy(r => r).ToList();
        md.AppendLine(FormattableString.Invariant($"- In this file's run, EC time is {string.Join(", ", aspRatios.Select(r => r.ToString("F1", CultureInfo.InvariantCulture) + "%"))} of the ASP.NET Core"));
        md.AppendLine(FormattableString.Invariant($"  analyzers' time at the three sizes (budget 25%); single rounds at the largest size range from {largestRounds.First():F0}% to {largestRounds.Last():F0}%."));
        md.AppendLine("  On this 2-core machine the compiler's binding runs on another thread during the analyzer run, every callback's");
        md.AppendLine("  time is wall-clock, and the host's speed changes from one minute to the next: runs of the same build differ by");
        md.AppendLine("  several points, which is why every figure is a median and changes are compared with `--loop-ab`.");
        md.AppendLine("- Earlier full runs, measured size by size (all rounds of 120k, then of 60k, then of 30k). The third pass's build:");
        md.AppendLine("  19.6%, 21.3% and 21.9% at 30k, 60k and 120k with 4.32x growth, then, right after and with the host slower,");
        md.AppendLine("  23.9%, 27.1% and 25.8% with 3.76x growth. The fourth pass's build (below): 23.5%, 22.4% and 22.0% with 4.14x");
        md.AppendLine("  growth, then 21.3%, 22.2% and 22.0% with 4.57x growth, the growth over its 4.38x limit because the 30k rounds,");
        md.AppendLine("  measured last, ran faster than the 120k rounds measured minutes before. Since then every round measures every");
        md.AppendLine("  size (see \"What is measured\"), so that such drift falls on all sizes alike. The first run measured that way");
        md.AppendLine("  (the build before the last EC0003 and call-owner changes below): 24.8%, 26.3% and 24.4%, with 4.00x growth.");
        md.AppendLine("  Measured in turn with the larger sizes, the EC analyzers took more time at 60k (about 45 ms against 37-42 ms");
        md.AppendLine("  when the 60k rounds ran one after another) while the ASP.NET Core analyzers' time stayed the same.");
        md.AppendLine("  The build after it (the EC0003 changes, before the metadata-token one): 23.0%, 24.1% and 23.1% with 3.84x growth,");
        md.AppendLine("  then, right after, 25.01%, 22.4% and 21.2% with 3.67x growth (30k over its limit by 0.01 point).");
        md.AppendLine("  The build after that (the metadata-token change): 23.2%, 22.4% and 21.9% with 3.71x growth, then 23.2%, 23.2% and");
        md.AppendLine("  23.2% with 4.08x growth: every budget held in both. This file's run is of the final build, whose last changes only");
        md.AppendLine("  reorganised EC0004-EC0008's dispatch by name and dropped a repeated EC0003 check; the host was slower in its run");
        md.AppendLine("  (binding at 30k took 1,349 ms against 1,196-1,230 ms), and every analyzer took longer, the EC analyzers most. A");
        md.AppendLine("  second run of the final build, right after: 22.8%, 23.9% and 22.5%, with 4.40x growth (over its 4.38x limit).");
        md.AppendLine("  On this machine the fourth pass's budgets held in some runs and not in others: a margin of 1-3 points on the");
        md.AppendLine("  comparison with the ASP.NET Core analyzers, and about as much on growth.");
        md.AppendLine("- The fifth pass (below), every size in every round: with its first changes (EC0002's properties, the early exits),");
        md.AppendLine("  23.8%, 23.2% and 23.3% with 3.98x growth; with all of them (the JWT Bearer lookup, the narrower creation cache),");
        md.AppendLine("  19.7%, 21.4% and 20.1% with 3.99x growth. This file's run is of the final build. A second run of it, right after:");
        md.AppendLine("  19.7%, 20.5% and 21.4% with 4.35x growth, close to its 4.38x limit: its 30k rounds ranged from 16.9 to 24.0 ms");
        md.AppendLine("  and their median, 17.9 ms, was the lowest of the runs, while its 120k median, 77.8 ms, was in the middle.");
        md.AppendLine("  A third run of it, later (after changes to the code fixes only): 22.3%, 20.9% and 23.2% with 4.17x growth.");
        md.AppendLine("  After the review's last commit (the validation errors of a problem body found by the discovery, EC0003's");
        md.AppendLine("  properties in an array): 21.2%, 23.5% and 23.4% with 4.20x growth.");
        md.AppendLine();
        md.AppendLine("Measured in a second pass (November 2026) with `--profile-loop` medians at 120k (EC alone about 125-130 ms),");
        md.AppendLine("each by removing or changing one thing. Medians of the same code move by 5-10 ms between runs (more when the");
        md.AppendLine("host is busy), so only the large differences below are firm:");
        md.AppendLine();
        md.AppendLine("- Reporting: not reporting `ResponseContractAnalyzer`'s diagnostics saves about 12 ms, about 7 µs for each of");
        md.AppendLine("  the 1,808 diagnostics. That is the driver's work per diagnostic (argument checks, a lock per context, the");
        md.AppendLine("  `.editorconfig` severity lookups, the diagnostic queue's lock). It follows the generator's density of violations.");
        md.AppendLine("- One analyzer instead of three, with every operation and symbol action run from one callback per kind: no gain");
        md.AppendLine("  (131-141 ms against 128 ms). The driver's cost per callback is not where the time goes; not adopted.");
        md.AppendLine("- Analyzer order: with the ASP.NET Core analyzers before the EC analyzers, the ratio is the same (26.4% against");
        md.AppendLine("  26.5% at 60k): the EC analyzers do not pay for data the others would have loaded.");
        md.AppendLine("- EC0003 under a Bearer-required contract checks the arguments of every call for a key read from the whole header:");
        md.AppendLine("  about 13 ms in one run. It now reads the parameter's name before the argument's value (2-3 ms less in two runs).");
        md.AppendLine("- Helper methods: the verdict on a method of the project (helper or not) is cached per method, so a call to a");
        md.AppendLine("  service method is no longer re-examined at every call.");
        md.AppendLine("- `ResponseContractAnalyzer`'s invocation callback: leaving every invocation at once takes the analyzer from about");
        md.AppendLine("  77 ms to 29 ms. The 8,241 calls to `ControllerBase`, `Results` and `TypedResults` at 120k, and about 6,000 calls");
        md.AppendLine("  into the project's own methods (looked at as possible helpers), cost about 48 ms; about 10 ms of that is reporting.");
        md.AppendLine("  The work per response site is where a further cut has to come from.");
        md.AppendLine("- The method symbol action (`[ProducesResponseType]`, `Results<…>` return types): removing it looked like 10-25 ms");
        md.AppendLine("  in one pair of runs and nothing in a repeat (89-98 ms against 91 ms). Its work over the same methods outside the");
        md.AppendLine("  driver takes about 0.1 µs per method. A difference of a few milliseconds needs several alternating runs to show.");
        md.AppendLine();
        md.AppendLine("Measured in a third pass (November 2026) with `perf` CPU profiles of `--profile-loop` (see \"How to run\"), which");
        md.AppendLine("showed where the EC callbacks spend their time inside the driver, and fixed:");
        md.AppendLine();
        md.AppendLine("- Calls into the project's own methods: `ResponseContractAnalyzer` asked the helper summaries about each one. The");
        md.AppendLine("  driver analyzes a fresh compilation each time, so each service method was examined (its parameters read, a new");
        md.AppendLine("  array each time; its return type's interfaces), cached, and the cache grown, for calls that mostly happen once:");
        md.AppendLine("  14% of that analyzer's invocation time. A call now goes on to the summaries only when it passes an int and");
        md.AppendLine("  returns a result (or passes an HttpContext/HttpResponse), read from the call's own arguments and type, and");
        md.AppendLine("  whether a type is a result is kept per type definition.");
        md.AppendLine("- Finding each called method's assembly (8%): for a metadata method that is a walk up its namespaces. A call's");
        md.AppendLine("  owner is now decided from its method's type: one of the six framework types that decide responses, a type of");
        md.AppendLine("  the project (a metadata type has no declaring syntax, so calls into references leave on that), or neither.");
        md.AppendLine("- The constant string of a body's code field (5%): the compiler's constant value builds the string on each read;");
        md.AppendLine("  a string literal's text is now read from its token.");
        md.AppendLine("- EC0003 under a Bearer-required contract reads every call's parameter names: key names (`key`, `token`) are now");
        md.AppendLine("  matched by hand instead of two case-insensitive searches, and the method's name is read once for all checks.");
        md.AppendLine("- Smaller: EC0004-EC0008 leave instance calls before reading any type, and assignments with one set lookup;");
        md.AppendLine("  `Task<T>` unwrapping no longer reads the type arguments (a new array each time) of every generic type; a created");
        md.AppendLine("  type based on `object` is no framework result; `IHeaderDictionary` receivers of `Add`/`Append` are decided once");
        md.AppendLine("  per type; EC0001's message parts are made once per status; squiggle spans and the body rule's lists are made");
        md.AppendLine("  only for what is reported.");
        md.AppendLine("- Effect, with `--loop-ab` at 60k (the build before these changes against the build after, in alternation, ten");
        md.AppendLine("  rounds): the EC analyzers' execution time went from 75.5 ms to 65.6 ms (median), a median ratio of 0.825 over");
        md.AppendLine("  the rounds, with the same 917 diagnostics. A full run before the last change (the options lookup) measured 25.7%,");
        md.AppendLine("  31.6% and 25.8% of the ASP.NET Core analyzers' time at 30k, 60k and 120k.");
        md.AppendLine("- Left: reporting (the driver's work per diagnostic) is about 15% of `ResponseContractAnalyzer`'s samples, and the");
        md.AppendLine("  rest is spread over the response sites (about 8,000 per round at 120k) and the first reads of each operation's");
        md.AppendLine("  symbols, with no single cause above a few percent.");
        md.AppendLine();
        md.AppendLine("Measured in a fourth pass (November 2026) with `perf` profiles of `--profile-loop` and of `--profile-replay`, and");
        md.AppendLine("the per-callback table (which now also counts the bytes each callback allocates), and fixed:");
        md.AppendLine();
        md.AppendLine("- Names before types: every call, assignment and attribute is first matched on its name, a field of the symbol,");
        md.AppendLine("  before any type is compared or looked up in a set (EC0004-EC0008's configuration calls and options properties,");
        md.AppendLine("  the six framework types whose calls decide a response, `[ProducesResponseType]`, `Results<…>`, `Task<T>`).");
        md.AppendLine("  `FrameworkDefaultsAnalyzer` went from about 8 ms to 6 ms at 120k.");
        md.AppendLine("- `IsGenericType` walks the type arguments; `Task<T>` and `Results<…>` are now recognised by name and arity.");
        md.AppendLine("- The method symbol action leaves property accessors, operators and implicitly declared members first, and reads");
        md.AppendLine("  the attributes directly (bound before the symbol is analyzed) instead of the declaring syntax (a new array).");
        md.AppendLine("- A call's owner: a type read from metadata has a metadata token, and calls into references now leave on it before");
        md.AppendLine("  the walk to the type's assembly; a source type's assembly is compared, not its syntax references (a new array).");
        md.AppendLine("- A response writer's status (`Response.StatusCode = …` then `WriteAsync`) is found in one walk of the function");
        md.AppendLine("  instead of two.");
        md.AppendLine("- EC0003 compares a key with the whole header only when one side reads the whole header: that side is checked");
        md.AppendLine("  first (the other side's checks follow locals to their initializers). Its header writes (`Add`, `Append`, …)");
        md.AppendLine("  leave on their argument count before the receiver's type is read: a list's `Add` passes one argument.");
        md.AppendLine("- `ResponseContractAnalyzer` uses one scratch site list per thread instead of a new list per callback;");
        md.AppendLine("  EC0003 reads arguments in parameter order without copying and sorting them, and its diagnostic properties are");
        md.AppendLine("  made once per fix kind.");
        md.AppendLine("- Effect: about 10% less CPU outside the driver (`--replay-ab` on the first half of the changes, 40 rounds at 120k:");
        md.AppendLine("  98.6 ms to 87.9 ms); inside the driver the change is within the rounds' noise (`--loop-ab` ratios 0.94 and 0.99).");
        md.AppendLine("- What is left grows faster than the code at the largest size, for every analyzer alike: per round,");
        md.AppendLine("  `ResponseContractAnalyzer` took 11.4, 23.2 and 55 ms at 30k, 60k and 120k, `AuthorizationHeaderAnalyzer` 5.6, 11");
        md.AppendLine("  and 25 ms. Binding and the ASP.NET Core analyzers grow the same way at 120k (its heap no longer fits the caches,");
        md.AppendLine("  and its GC pauses are longer: 600-900 ms per round against 250-290 ms at 60k, some of them inside EC callbacks,");
        md.AppendLine("  as the per-callback table's GC column shows).");
        md.AppendLine();
        md.AppendLine("Measured in a fifth pass (November 2026) with `perf` profiles of `--profile-loop`, and fixed:");
        md.AppendLine();
        md.AppendLine("- Symbols' types: in code with nullable annotations enabled (the generated project, most real ones), reading a");
        md.AppendLine("  symbol's `Type` or `ReturnType` makes a new symbol object each time (the compiler caches only the unannotated");
        md.AppendLine("  one). The helper test read the type of every parameter of every call into the project; it now reads the");
        md.AppendLine("  argument values' types, which the operations hold (an argument's value carries its conversion to the");
        md.AppendLine("  parameter's type). The method symbol action leaves `void` methods before reading the return type.");
        md.AppendLine("- Compilation start: the JWT Bearer handler's type, from a NuGet package, was searched in every reference when");
        md.AppendLine("  the project does not use it, on every compilation (every edit in the IDE). It is now looked for only in its");
        md.AppendLine("  package's assembly: `AuthorizationHeaderAnalyzer`'s compilation start, the first to resolve the shared types,");
        md.AppendLine("  went from about 490 to 240 µs.");
        md.AppendLine("- EC0002's diagnostic properties were three dictionary inserts and three numbers formatted per diagnostic (the");
        md.AppendLine("  status and the site's span, for the fix). They are now made once per status, and the fix finds the site from");
        md.AppendLine("  the squiggle (the body operand, or the site itself when it passes none).");
        md.AppendLine("- Early exits: a call's owner type leaves on the length of its name (one bit per length of the six framework");
        md.AppendLine("  types' names, computed from the symbols); methods leave on their attributes' names without making a site list;");
        md.AppendLine("  a created type with a base type of its own (an exception, a result type) has its walk up the bases made once");
        md.AppendLine("  per type definition, and DTOs leave on their base type before any cache (a cache of every created type cost");
        md.AppendLine("  more than it saved: most DTO types are created once or twice).");
        md.AppendLine("- Tried and not kept: deciding a call's owner from the method's own name (a set of the six types' member names)");
        md.AppendLine("  and metadata token before reading its type: `--loop-ab` at 60k, 16 rounds, gave a median ratio of 0.989.");
        md.AppendLine("- Left, from the profile: the driver's work per reported diagnostic is about 9% of the EC samples (its severity");
        md.AppendLine("  and pragma lookups, location checks, the diagnostic queue), and the rest is spread over the response sites and");
        md.AppendLine("  the first reads of each call's symbols, with no single cause above about 6%.");
        md.AppendLine();
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

    private static string Percent(double share) => (share * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Verdict(bool ok) => ok ? "PASS" : "FAIL";

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

    private static string Markdown(string[] header, List<string[]> rows)
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

    private static string Table(string[] header, List<string[]> rows)
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
