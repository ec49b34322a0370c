using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Benchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = BenchOptions.Parse(args);
if (options == null)
{
    return 2;
}

var repositoryRoot = FindRepositoryRoot();
var environment = BenchEnvironment.Create(repositoryRoot);
Console.WriteLine($"ErrorContract.Analyzers benchmark: sizes {string.Join(", ", options.Sizes)} lines, {options.Warmup} warm-up + {options.Rounds} rounds, seed {options.Seed}"
    + $"{(options.Workloads.Contains("contracts") ? $", contracts workload {options.ContractLines} lines" : string.Empty)}{(options.Quick ? " (quick)" : string.Empty)}");
Console.WriteLine($"Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}, .NET {System.Environment.Version}, refs Microsoft.NETCore.App.Ref {environment.NetCoreRefVersion} + Microsoft.AspNetCore.App.Ref {environment.AspNetCoreRefVersion}");
Console.WriteLine($"EC analyzers: {string.Join(", ", environment.EcAnalyzers.Select(a => a.GetType().Name))}");
Console.WriteLine($"ASP.NET Core analyzers: {environment.AspNetCoreAnalyzers.Length} from {environment.AspNetCoreAnalyzerPath}");
foreach (var error in environment.AspNetCoreLoadErrors)
{
    Console.WriteLine("  load error: " + error);
}

var runner = new Runner(environment, options);
if (args.Contains("--profile-callbacks"))
{
    runner.ProfileCallbacks(options.Sizes.Max());
    return 0;
}

if (Array.IndexOf(args, "--loop-ab") is var loopAb and >= 0)
{
    runner.LoopAb(options.Sizes.Max(), options.Rounds, args[loopAb + 1], args[loopAb + 2]);
    return 0;
}

if (Array.IndexOf(args, "--replay-ab") is var ab and >= 0)
{
    runner.ReplayAb(options.Sizes.Max(), options.Rounds, args[ab + 1], args[ab + 2]);
    return 0;
}

if (args.Contains("--profile-replay"))
{
    runner.ProfileReplay(options.Sizes.Max(), options.Rounds);
    return 0;
}

if (Array.IndexOf(args, "--profile-workload") is var profiled and >= 0)
{
    runner.ProfileWorkload(args[profiled + 1], options.Rounds);
    return 0;
}

if (args.Contains("--profile-loop"))
{
    runner.ProfileLoop(options.Sizes.Max(), options.Rounds);
    return 0;
}

if (Array.IndexOf(args, "--write-generated") is var writeGenerated and >= 0)
{
    runner.WriteGeneratedHeavy(args[writeGenerated + 1]);
    return 0;
}

// The results go between the markers of the --out file (ResultsFile): a file without them fails now, not after the run.
var outPath = options.Out == null ? null : Path.IsPathRooted(options.Out) ? options.Out : Path.Combine(repositoryRoot, options.Out);
if (outPath != null && options.Ide && ResultsFile.Check(outPath) is { } outProblem)
{
    Console.Error.WriteLine("error: " + outProblem);
    return 2;
}

Console.WriteLine($"Workloads: {string.Join(", ", BenchOptions.AllWorkloads.Where(options.Workloads.Contains))}");
var region = new StringBuilder();
var consoleReport = new StringBuilder();

// The growth workload. Every size in every round, the largest first: its warm-up rounds bring the JIT to steady state (hot
// methods tiered up) before the smaller sizes, whose rounds are short enough for tier-0 code to show in their figures otherwise.
if (options.Workloads.Contains("sizes"))
{
    var results = runner.MeasureSizes(options.Sizes);
    results.Sort((a, b) => a.TargetLines.CompareTo(b.TargetLines));
    if (options.Ide)
    {
        var ide = await runner.MeasureIdeAsync(options.Sizes.Max());
        Console.WriteLine();
        Console.WriteLine($"== Where the EC analyzers' time goes ({options.Sizes.Max():N0} lines, callbacks timed one by one)");
        var profile = runner.ProfileCallbacks(options.Sizes.Max());
        var report = Report.Build(environment, options, results, ide, profile);
        consoleReport.AppendLine(report.Console);
        region.Append(report.Region);
    }
}

// Issue 18's workloads: first adoption, generated-heavy and the same without its generated files (and the sizes again, for
// their allocation), all in the same rounds; then the IDE edit in the generated-heavy project, with and without its generated files.
var workloads = new List<Workload>();
if (options.Workloads.Contains("adoption"))
{
    workloads.Add(runner.AdoptionWorkload());
}

Workload? generatedHeavy = null, withoutGenerated = null;
if (options.Workloads.Contains("generated") || options.Workloads.Contains("ide-edit"))
{
    (generatedHeavy, withoutGenerated) = runner.GeneratedHeavyWorkloads();
}

if (options.Workloads.Contains("generated"))
{
    workloads.Add(generatedHeavy!);
    workloads.Add(withoutGenerated!);
}

if (options.Workloads.Contains("sizes"))
{
    workloads.AddRange(options.Sizes.OrderBy(s => s).Select(runner.SizeWorkload));
}

// The contract language of issue 19: one project under every sample contract, in the same rounds as the workloads above.
if (options.Workloads.Contains("contracts"))
{
    workloads.AddRange(runner.ContractWorkloads());
}

var measured = workloads.Count > 0 ? runner.MeasureWorkloads(workloads) : new List<WorkloadResult>();
var workloadResults = measured.Where(r => r.Workload.SampleContract == null).ToList();
var contractResults = measured.Where(r => r.Workload.SampleContract != null).ToList();
IdeEditResult? edit = null, editWithout = null;
if (options.Workloads.Contains("ide-edit"))
{
    edit = await runner.MeasureIdeEditAsync(generatedHeavy!);
    editWithout = await runner.MeasureIdeEditAsync(withoutGenerated!);
}

if (workloadResults.Count > 0 || edit != null)
{
    var report = WorkloadReport.Build(environment, options, workloadResults, edit, editWithout);
    consoleReport.AppendLine(report.Console);
    region.AppendLine().Append(report.Region);
}

if (contractResults.Count > 0)
{
    var report = ContractReport.Build(environment, options, contractResults);
    consoleReport.AppendLine(report.Console);
    region.AppendLine().Append(report.Region);
}

Console.WriteLine();
Console.WriteLine(consoleReport);
if (outPath != null && options.Ide && options.AllWorkloadsSelected)
{
    try
    {
        ResultsFile.Write(outPath, region.ToString());
    }
    catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine("error: results not written (they are printed above): " + e.Message);
        return 1;
    }

    Console.WriteLine($"Written: {outPath} (the results between {ResultsFile.BeginMarker} and {ResultsFile.EndMarker})");
}

return 0;

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ErrorContract.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run from inside the repository (ErrorContract.Analyzers.sln not found).");
}

namespace ErrorContract.Analyzers.Benchmarks
{
    public sealed class BenchOptions
    {
        public int[] Sizes { get; set; } = { 30000, 60000, 120000 };

        public int Rounds { get; set; } = 7;

        public int Warmup { get; set; } = 2;

        public int Seed { get; set; } = 20260601;

        public int IdeLines { get; set; } = 1000;

        public bool Quick { get; set; }

        /// <summary>Development only: leave the ASP.NET Core analyzers out (faster rounds while profiling).</summary>
        public bool EcOnly { get; set; }

        /// <summary><c>--ab-workload adoption</c>: <c>--loop-ab</c> on the first-adoption workload instead of the largest size.</summary>
        public string? AbWorkload { get; set; }

        public bool Ide { get; set; } = true;

        public string? Out { get; set; } = "docs/performance.md";

        /// <summary>The workloads to run (<c>--workloads</c>): <see cref="AllWorkloads"/> by default.</summary>
        public HashSet<string> Workloads { get; set; } = new(AllWorkloads, StringComparer.Ordinal);

        /// <summary>
        /// sizes: the growth workload (the generator's API at every size, the IDE case, the callback profile); adoption: first
        /// adoption; generated: generated-heavy and the same without its generated files; ide-edit: one edited document in
        /// the generated-heavy project; contracts: the growth workload's project of <see cref="ContractLines"/> lines under every
        /// sample contract.
        /// </summary>
        public static readonly string[] AllWorkloads = { "sizes", "adoption", "generated", "ide-edit", "contracts" };

        /// <summary>The size of the project the <c>contracts</c> workload measures under every sample contract.</summary>
        public int ContractLines { get; set; } = 30000;

        public int AdoptionModules { get; set; } = 200;

        public int GeneratedLines { get; set; } = 300000;

        public int AllocRounds { get; set; } = 3;

        public bool AllWorkloadsSelected => AllWorkloads.All(Workloads.Contains);

        public static BenchOptions? Parse(string[] args)
        {
            var o = new BenchOptions();
            bool sizesGiven = false, roundsGiven = false, outGiven = false, adoptionGiven = false, generatedGiven = false, allocGiven = false, contractLinesGiven = false;
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
                switch (args[i])
                {
                    case "--sizes":
                        o.Sizes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture)).ToArray();
                        sizesGiven = true;
                        break;
                    case "--rounds":
                        o.Rounds = int.Parse(Next(), CultureInfo.InvariantCulture);
                        roundsGiven = true;
                        break;
                    case "--warmup":
                        o.Warmup = int.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    case "--seed":
                        o.Seed = int.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    case "--ide-lines":
                        o.IdeLines = int.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    case "--out":
                        o.Out = Next();
                        outGiven = true;
                        break;
                    case "--no-out":
                        o.Out = null;
                        outGiven = true;
                        break;
                    case "--workloads":
                        o.Workloads = new HashSet<string>(Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
                        if (o.Workloads.FirstOrDefault(w => !AllWorkloads.Contains(w)) is { } unknown)
                        {
                            Console.Error.WriteLine($"unknown workload: {unknown} (known: {string.Join(", ", AllWorkloads)})");
                            return null;
                        }

                        break;
                    case "--adoption-modules":
                        o.AdoptionModules = int.Parse(Next(), CultureInfo.InvariantCulture);
                        adoptionGiven = true;
                        break;
                    case "--generated-lines":
                        o.GeneratedLines = int.Parse(Next(), CultureInfo.InvariantCulture);
                        generatedGiven = true;
                        break;
                    case "--contract-lines":
                        o.ContractLines = int.Parse(Next(), CultureInfo.InvariantCulture);
                        contractLinesGiven = true;
                        break;
                    case "--alloc-rounds":
                        o.AllocRounds = int.Parse(Next(), CultureInfo.InvariantCulture);
                        allocGiven = true;
                        break;
                    case "--write-generated":
                        Next();
                        break;
                    case "--ec-only":
                        o.EcOnly = true;
                        break;
                    case "--profile-callbacks":
                    case "--profile-loop":
                    case "--profile-replay":
                        break;
                    case "--loop-ab":
                    case "--replay-ab":
                        Next();
                        Next();
                        break;
                    case "--profile-workload":
                        Next();
                        break;
                    case "--ab-workload":
                        o.AbWorkload = Next();
                        break;
                    case "--no-ide":
                        o.Ide = false;
                        break;
                    case "--quick":
                        o.Quick = true;
                        break;
                    case "-h":
                    case "--help":
                        Console.WriteLine("dotnet run -c Release --project bench/ErrorContract.Analyzers.Benchmarks -- [--workloads sizes,adoption,generated,ide-edit,contracts] [--sizes 30000,60000,120000] [--rounds 7] [--warmup 2] [--seed N] [--ide-lines 1000]");
                        Console.WriteLine("    [--adoption-modules 200] [--generated-lines 300000] [--contract-lines 30000] [--alloc-rounds 3] [--out docs/performance.md | --no-out] [--quick] [--ec-only] [--no-ide] [--write-generated DIR]");
                        Console.WriteLine("  --workloads: every workload by default; the results are written to --out only by a run of all of them.");
                        Console.WriteLine("  --out FILE: the results replace what is between the lines " + ResultsFile.BeginMarker + " and " + ResultsFile.EndMarker + " of FILE; the rest of it is kept.");
                        Console.WriteLine("    A FILE without those lines is an error (checked before measuring); a FILE that does not exist is created.");
                        Console.WriteLine("  --contract-lines: the size of the project the contracts workload measures under every samples/contracts/*/errorcontract.json.");
                        Console.WriteLine("  --quick: sizes 3000,6000,12000, first adoption 20 modules, generated-heavy 15000 lines, contracts 12000 lines, 2 rounds, 1 allocation round,");
                        Console.WriteLine("    results not written (unless --out is given): for development only.");
                        return null;
                    default:
                        Console.Error.WriteLine("unknown option: " + args[i]);
                        return null;
                }
            }

            if (o.Quick)
            {
                if (!sizesGiven)
                {
                    o.Sizes = new[] { 3000, 6000, 12000 };
                }

                if (!roundsGiven)
                {
                    o.Rounds = 2;
                }

                if (!adoptionGiven)
                {
                    o.AdoptionModules = 20;
                }

                if (!generatedGiven)
                {
                    o.GeneratedLines = 15000;
                }

                if (!allocGiven)
                {
                    o.AllocRounds = 1;
                }

                if (!contractLinesGiven)
                {
                    o.ContractLines = 12000;
                }

                if (!outGiven)
                {
                    o.Out = null;
                }
            }

            if (o.Sizes.Length == 0 || o.Rounds < 1 || o.Warmup < 0 || o.AllocRounds < 1 || o.AdoptionModules < 1 || o.GeneratedLines < 1000 || o.ContractLines < 1000)
            {
                Console.Error.WriteLine("need at least one size, one round, one allocation round, one adoption module, 1,000 generated-heavy lines and 1,000 contract-workload lines");
                return null;
            }

            if (!o.AllWorkloadsSelected && o.Out != null)
            {
                if (outGiven)
                {
                    Console.Error.WriteLine("--out needs every workload: the results region is written by a run of all of them");
                    return null;
                }

                o.Out = null;
            }

            return o;
        }
    }

    public sealed class SizeResult
    {
        public int TargetLines { get; init; }

        public int Lines { get; init; }

        public int Files { get; init; }

        public int CompilerErrors { get; init; }

        public double BindingMs { get; init; }

        public double EcMs { get; init; }

        public double AspNetCoreMs { get; init; }

        public double EmptyMs { get; init; }

        public double AnalyzerWallMs { get; init; }

        public double GcPauseMs { get; init; }

        public Dictionary<string, double> PerAnalyzerMs { get; init; } = new();

        public Dictionary<string, int> Reported { get; init; } = new();

        public Dictionary<string, int> Expected { get; init; } = new();

        public IReadOnlyDictionary<string, int> ExpectedForms { get; init; } = new Dictionary<string, int>();

        public List<string> AnalyzerExceptions { get; init; } = new();

        public List<double[]> Rounds { get; init; } = new();
    }

    public sealed class IdeResult
    {
        public int ProjectLines { get; init; }

        public int DocumentLines { get; init; }

        public double WallMs { get; init; }

        public double EcExecutionMs { get; init; }

        public double EmptyWallMs { get; init; }

        public Dictionary<string, int> Reported { get; init; } = new();

        public Dictionary<string, int> Expected { get; init; } = new();
    }

    public sealed partial class Runner
    {
        private readonly BenchEnvironment env;
        private readonly BenchOptions options;
        private readonly CSharpParseOptions parseOptions = new(LanguageVersion.Latest);
        private readonly CSharpCompilationOptions compilationOptions = new(
            OutputKind.ConsoleApplication,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false);

        public Runner(BenchEnvironment env, BenchOptions options)
        {
            this.env = env;
            this.options = options;
        }

        public ImmutableHashSet<string> EcRuleIds => env.EcAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet();

        private (List<SyntaxTree> Trees, Generator Generator, int Lines) Generate(int size)
        {
            var generator = new Generator(options.Seed);
            var files = generator.GenerateProject(size);
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, "/bench/project/" + f.Path)).ToList();
            return (trees, generator, files.Sum(f => f.Lines));
        }

        /// <summary>
        /// The project's compilation as the compiler builds it with the package: its code, and the error factories the package's
        /// generator writes from the contract (<c>ApiErrors.g.cs</c>, every analyzer sees it). The generator runs anew, as in a
        /// build: its time is in <see cref="LastGeneratorMs"/>, which every measured round adds to the EC analyzers' time.
        /// </summary>
        private CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, AdditionalText? contract = null)
        {
            var compilation = CSharpCompilation.Create("Bench.Api", trees, env.References, compilationOptions);
            var options = RunOptions.For(contract ?? env.Contract);
            var driver = CSharpGeneratorDriver.Create(
                new[] { new Generation.ApiErrorsGenerator().AsSourceGenerator() },
                options.AdditionalFiles,
                parseOptions,
                options.AnalyzerConfigOptionsProvider);
            // What the compilation does once, whoever asks first (the compiler, before any generator or analyzer runs: binding
            // the references, the declarations of every file), is done before the timer: the generator's time is its own work.
            _ = compilation.GetSpecialType(SpecialType.System_Object);
            _ = compilation.Assembly.GlobalNamespace.GetMembers();
            var stopwatch = Stopwatch.StartNew();
            driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _, CancellationToken.None);
            LastGeneratorMs = stopwatch.Elapsed.TotalMilliseconds;
            return (CSharpCompilation)output;
        }

        /// <summary>The time of the error factory generator in the last <see cref="Compile"/>: part of the EC time (it is the package's).</summary>
        public double LastGeneratorMs { get; private set; }

        /// <summary>The name the generator's time is reported under, beside the EC analyzers'.</summary>
        public const string GeneratorName = "EC ApiErrorsGenerator";

        /// <summary>
        /// Measures every size in the same rounds: round after round, each size in turn (the largest first), so that the
        /// host's drift in speed over the minutes of a run falls on every size alike instead of on whichever size was
        /// measured last. The growth budget divides two sizes' figures, and a run measured size by size moved it by
        /// several tenths between runs of the same build.
        /// </summary>
        public List<SizeResult> MeasureSizes(IEnumerable<int> sizes)
        {
            var runs = sizes.OrderByDescending(s => s).Select(s => new SizeRun(this, s)).ToList();
            for (var round = -options.Warmup; round < options.Rounds; round++)
            {
                foreach (var run in runs)
                {
                    run.Round(round);
                }
            }

            return runs.Select(r => r.Result()).ToList();
        }

        /// <summary>One size's project and the figures of its rounds so far.</summary>
        private sealed class SizeRun
        {
            private readonly Runner runner;
            private readonly int size;
            private readonly List<SyntaxTree> trees;
            private readonly Generator generator;
            private readonly int lines;
            private readonly int compilerErrors;
            private readonly ImmutableArray<DiagnosticAnalyzer> all;
            private readonly List<double[]> rounds = new();
            private readonly ConcurrentBag<string> exceptions = new();
            private readonly Dictionary<string, List<double>> perAnalyzer = new();
            private Dictionary<string, int>? reported;

            public SizeRun(Runner runner, int size)
            {
                this.runner = runner;
                this.size = size;
                (trees, generator, lines) = runner.Generate(size);
                Console.WriteLine();
                Console.WriteLine($"== {size:N0} lines target: {lines:N0} lines in {trees.Count} files");

                var errors = runner.Compile(trees).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                foreach (var error in errors.Take(10))
                {
                    Console.WriteLine("  compiler error: " + error);
                }

                compilerErrors = errors.Count;
                var env = runner.env;
                all = env.EcAnalyzers.Concat(runner.options.EcOnly ? Enumerable.Empty<DiagnosticAnalyzer>() : env.AspNetCoreAnalyzers).Append(env.EmptyAnalyzer).ToImmutableArray();
            }

            public void Round(int round)
            {
                var env = runner.env;
                Collect();
                var compilation = runner.Compile(trees);
                var generatorMs = runner.LastGeneratorMs;
                var stopwatch = Stopwatch.StartNew();
                compilation.GetDiagnostics();
                var binding = stopwatch.Elapsed.TotalMilliseconds;

                Collect();
                var withAnalyzers = compilation.WithAnalyzers(all, new CompilationWithAnalyzersOptions(
                    RunOptions.For(env.Contract),
                    (exception, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message),
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: true,
                    reportSuppressedDiagnostics: false));
                var pauseBefore = GC.GetTotalPauseDuration();
                var gen2Before = GC.CollectionCount(2);
                stopwatch.Restart();
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                var wall = stopwatch.Elapsed.TotalMilliseconds;
                var gcPause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
                var gen2 = GC.CollectionCount(2) - gen2Before;

                double Time(DiagnosticAnalyzer analyzer) =>
                    withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;

                double Sum(IEnumerable<DiagnosticAnalyzer> analyzers) => analyzers.Where(all.Contains).Sum(Time);

                var ec = Sum(env.EcAnalyzers) + generatorMs;
                var asp = Sum(env.AspNetCoreAnalyzers);
                var empty = Sum(new[] { env.EmptyAnalyzer });
                if (round >= 0)
                {
                    rounds.Add(new[] { binding, ec, asp, empty, wall, gcPause });
                    if (!perAnalyzer.TryGetValue(GeneratorName, out var generatorTimes))
                    {
                        perAnalyzer[GeneratorName] = generatorTimes = new List<double>();
                    }

                    generatorTimes.Add(generatorMs);
                    foreach (var analyzer in env.EcAnalyzers.Concat(env.AspNetCoreAnalyzers).Where(all.Contains))
                    {
                        var name = (env.EcAnalyzers.Contains(analyzer) ? "EC " : "ASP.NET ") + analyzer.GetType().Name;
                        if (!perAnalyzer.TryGetValue(name, out var list))
                        {
                            perAnalyzer[name] = list = new List<double>();
                        }

                        list.Add(Time(analyzer));
                    }
                }

                var ids = runner.EcRuleIds;
                var counted = diagnostics.Where(d => ids.Contains(d.Id)).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
                reported ??= counted;
                if (!SameCounts(reported, counted))
                {
                    Console.WriteLine("  warning: the diagnostic counts differ between rounds");
                }

                Console.WriteLine($"  {size / 1000}k {(round < 0 ? "warm-up" : "round " + (round + 1))}: binding {binding,9:F1} ms | EC {ec,7:F1} ms | ASP.NET Core {asp,8:F1} ms | empty {empty,6:F1} ms | analyzer run (wall, all) {wall,9:F1} ms, GC pauses {gcPause,6:F1} ms ({gen2} gen2)"
                    + " | " + string.Join(", ", env.EcAnalyzers.Select(a => a.GetType().Name + " " + Time(a).ToString("F1", CultureInfo.InvariantCulture)))
                    + ", ApiErrorsGenerator " + generatorMs.ToString("F1", CultureInfo.InvariantCulture));
            }

            public SizeResult Result() => new SizeResult
            {
                TargetLines = size,
                Lines = lines,
                Files = trees.Count,
                CompilerErrors = compilerErrors,
                BindingMs = Median(rounds.Select(r => r[0])),
                EcMs = Median(rounds.Select(r => r[1])),
                AspNetCoreMs = Median(rounds.Select(r => r[2])),
                EmptyMs = Median(rounds.Select(r => r[3])),
                AnalyzerWallMs = Median(rounds.Select(r => r[4])),
                GcPauseMs = Median(rounds.Select(r => r[5])),
                PerAnalyzerMs = perAnalyzer.ToDictionary(p => p.Key, p => Median(p.Value)),
                Reported = reported ?? new Dictionary<string, int>(),
                Expected = generator.Counts.ToDictionary(p => p.Key, p => p.Value),
                ExpectedForms = generator.Forms,
                AnalyzerExceptions = exceptions.Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList(),
                Rounds = rounds,
            };
        }

        /// <summary>
        /// Development aid (<c>--loop-ab A.dll B.dll</c>): two builds of ErrorContract.Analyzers.dll, each run through the
        /// analyzer driver (as in <see cref="ProfileLoop"/>, a fresh compilation each time) in turn round after round, in
        /// alternating order, so that the host's drift in speed falls on both alike. Prints both builds' median EC execution
        /// time and the median of B/A over the rounds.
        /// </summary>
        public void LoopAb(int size, int rounds, string pathA, string pathB)
        {
            IReadOnlyList<SyntaxTree> trees;
            AdditionalText contract;
            if (options.AbWorkload == "adoption")
            {
                var adoption = AdoptionWorkload();
                (trees, contract) = (adoption.Trees, adoption.Contract);
            }
            else
            {
                (trees, contract) = (Generate(size).Item1, env.Contract);
            }

            var analyzerOptions = RunOptions.For(contract);
            var sets = new[] { Replay.LoadAnalyzers(pathA), Replay.LoadAnalyzers(pathB) };
            var times = new[] { new List<double>(), new List<double>() };
            var ratios = new List<double>();
            var perAnalyzer = new Dictionary<string, List<double>>();
            for (var round = 0; round < options.Warmup + rounds; round++)
            {
                var pair = new double[2];
                var counts = new int[2];
                foreach (var i in round % 2 == 0 ? new[] { 0, 1 } : new[] { 1, 0 })
                {
                    var withEc = Compile(trees).WithAnalyzers(sets[i], new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                    counts[i] = withEc.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;
                    pair[i] = 0;
                    foreach (var analyzer in sets[i])
                    {
                        var ms = withEc.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
                        pair[i] += ms;
                        if (round >= options.Warmup)
                        {
                            var key = (i == 0 ? "A " : "B ") + analyzer.GetType().Name;
                            (perAnalyzer.TryGetValue(key, out var list) ? list : perAnalyzer[key] = new List<double>()).Add(ms);
                        }
                    }
                }

                Console.WriteLine($"  round {round + 1 - options.Warmup}: A {pair[0]:F1} ms ({counts[0]} diagnostics), B {pair[1]:F1} ms ({counts[1]} diagnostics), B/A {pair[1] / pair[0]:F3}");
                if (round >= options.Warmup)
                {
                    times[0].Add(pair[0]);
                    times[1].Add(pair[1]);
                    ratios.Add(pair[1] / pair[0]);
                }
            }

            Console.WriteLine($"  A {Median(times[0]):F1} ms, B {Median(times[1]):F1} ms (medians of {rounds} rounds); B/A median {Median(ratios):F3}");
            foreach (var name in perAnalyzer.Keys.Where(k => k.StartsWith("A ", StringComparison.Ordinal)).Select(k => k.Substring(2)).OrderBy(k => k, StringComparer.Ordinal))
            {
                if (perAnalyzer.TryGetValue("B " + name, out var b))
                {
                    Console.WriteLine($"    {name}: A {Median(perAnalyzer["A " + name]):F1} ms, B {Median(b):F1} ms");
                }
            }
        }

        /// <summary>Development aid (<c>--replay-ab A.dll B.dll</c>): see <see cref="Replay.RunAb"/>.</summary>
        public void ReplayAb(int size, int rounds, string pathA, string pathB)
        {
            var (trees, _, _) = Generate(size);
            Replay.RunAb(Compile(trees), RunOptions.For(env.Contract), pathA, pathB, rounds);
        }

        /// <summary>Development aid (<c>--profile-replay</c>): see <see cref="Replay"/>.</summary>
        public void ProfileReplay(int size, int rounds)
        {
            var (trees, _, _) = Generate(size);
            var compilation = Compile(trees);
            Replay.Run(compilation, RunOptions.For(env.Contract), env.EcAnalyzers, rounds);
        }

        /// <summary>
        /// Development aid (<c>--profile-loop</c>): the EC analyzers alone, run <paramref name="rounds"/> times over the
        /// same project, for an external profiler (<c>dotnet-trace collect -- dotnet bin/Release/…dll --profile-loop</c>).
        /// </summary>
        public void ProfileLoop(int size, int rounds)
        {
            var (trees, _, _) = Generate(size);
            var compilation = Compile(trees);
            compilation.GetDiagnostics();
            var analyzerOptions = RunOptions.For(env.Contract);
            var measured = new Dictionary<string, List<double>>();
            for (var round = 0; round < rounds; round++)
            {
                var withEc = compilation.WithAnalyzers(env.EcAnalyzers, new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                var diagnostics = withEc.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                var perAnalyzer = env.EcAnalyzers.Select(a => (a.GetType().Name, withEc.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds)).ToList();
                Console.WriteLine($"  round {round + 1}: {diagnostics.Length} diagnostics, EC execution {perAnalyzer.Sum(p => p.Item2):F1} ms ({string.Join(", ", perAnalyzer.Select(p => $"{p.Item1} {p.Item2:F1}"))})");
                if (round >= options.Warmup)
                {
                    foreach (var (name, ms) in perAnalyzer.Append(("EC", perAnalyzer.Sum(p => p.Item2))))
                    {
                        (measured.TryGetValue(name, out var list) ? list : measured[name] = new List<double>()).Add(ms);
                    }
                }
            }

            Console.WriteLine($"  median after {options.Warmup} warm-up rounds: {string.Join(", ", measured.Select(p => $"{p.Key} {Median(p.Value):F1}"))}");
        }

        /// <summary>
        /// The IDE case: one controller document of about <see cref="BenchOptions.IdeLines"/> lines added to the
        /// largest project; the semantic diagnostics of the EC analyzers for that document alone, on a compilation
        /// whose binding is done (as in the IDE, where the compiler's own diagnostics have been computed).
        /// </summary>
        public async Task<IdeResult> MeasureIdeAsync(int size)
        {
            var (trees, _, lines) = Generate(size);
            var ideGenerator = new Generator(options.Seed + 1);
            var file = ideGenerator.GenerateLargeController(options.IdeLines);
            var tree = CSharpSyntaxTree.ParseText(file.Text, parseOptions, "/bench/project/" + file.Path);
            var compilation = Compile(trees.Append(tree));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            foreach (var error in errors.Take(10))
            {
                Console.WriteLine("  compiler error (IDE case): " + error);
            }

            var model = compilation.GetSemanticModel(tree);
            model.GetDiagnostics();
            Console.WriteLine();
            Console.WriteLine($"== IDE case: {file.Lines:N0}-line controller document in a {lines + file.Lines:N0}-line project");

            var analyzerOptions = RunOptions.For(env.Contract);
            var ec = new List<double>();
            var ecExecution = new List<double>();
            var empty = new List<double>();
            Dictionary<string, int>? reported = null;
            for (var round = -options.Warmup - 2; round < Math.Max(options.Rounds, 10); round++)
            {
                Collect();
                var withEc = compilation.WithAnalyzers(env.EcAnalyzers, new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                var ecModel = withEc.Compilation.GetSemanticModel(tree);
                ecModel.GetDiagnostics();
                var stopwatch = Stopwatch.StartNew();
                var diagnostics = await withEc.GetAnalyzerSemanticDiagnosticsAsync(ecModel, null, CancellationToken.None);
                var wall = stopwatch.Elapsed.TotalMilliseconds;
                var execution = 0.0;
                foreach (var analyzer in env.EcAnalyzers)
                {
                    execution += (await withEc.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
                }

                var withEmpty = compilation.WithAnalyzers(ImmutableArray.Create(env.EmptyAnalyzer), new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                var emptyModel = withEmpty.Compilation.GetSemanticModel(tree);
                emptyModel.GetDiagnostics();
                stopwatch.Restart();
                await withEmpty.GetAnalyzerSemanticDiagnosticsAsync(emptyModel, null, CancellationToken.None);
                var emptyWall = stopwatch.Elapsed.TotalMilliseconds;

                reported ??= diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
                if (round >= 0)
                {
                    ec.Add(wall);
                    ecExecution.Add(execution);
                    empty.Add(emptyWall);
                }
            }

            Console.WriteLine($"  median of {ec.Count} rounds: EC analyzers {Median(ec):F2} ms (wall; their own execution {Median(ecExecution):F2} ms), empty analyzer {Median(empty):F2} ms (wall)");
            return new IdeResult
            {
                ProjectLines = lines + file.Lines,
                DocumentLines = file.Lines,
                WallMs = Median(ec),
                EcExecutionMs = Median(ecExecution),
                EmptyWallMs = Median(empty),
                Reported = reported ?? new Dictionary<string, int>(),
                Expected = ideGenerator.Counts.ToDictionary(p => p.Key, p => p.Value),
            };
        }

        /// <summary>Development only: where the EC analyzers' time goes, per callback kind, summed over the rounds.</summary>
        public List<(string Analyzer, List<string[]> Rows)> ProfileCallbacks(int size)
        {
            var (trees, _, lines) = Generate(size);
            var profilers = env.EcAnalyzers.Select(a => new CallbackProfiler(a)).ToArray();
            for (var round = -options.Warmup; round < options.Rounds; round++)
            {
                if (round == 0)
                {
                    foreach (var profiler in profilers)
                    {
                        profiler.Timers.Clear();
                    }
                }

                Collect();
                var compilation = Compile(trees);
                compilation.GetDiagnostics();
                var withAnalyzers = compilation.WithAnalyzers(profilers.Cast<DiagnosticAnalyzer>().ToImmutableArray(), new CompilationWithAnalyzersOptions(
                    RunOptions.For(env.Contract), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                Console.WriteLine($"  round {round}: " + string.Join(", ", profilers.Select(p => withAnalyzers.GetAnalyzerTelemetryInfoAsync(p, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms")));
            }

            Console.WriteLine($"Callback times, {lines:N0} lines, summed over {options.Rounds} rounds:");
            for (var i = 0; i < profilers.Length; i++)
            {
                Console.WriteLine("  " + env.EcAnalyzers[i].GetType().Name);
                Console.WriteLine(profilers[i].Describe());
            }

            return profilers.Select((p, i) => (env.EcAnalyzers[i].GetType().Name, p.Rows(options.Rounds))).ToList();
        }

        private static bool SameCounts(Dictionary<string, int> a, Dictionary<string, int> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        private static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
