using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>One project the benchmark measures: its syntax trees, its contract and what the generator counted in it.</summary>
    public sealed class Workload
    {
        public required string Name { get; init; }

        public required List<SyntaxTree> Trees { get; init; }

        public required int Lines { get; init; }

        public int GeneratedLines { get; init; }

        public required AdditionalText Contract { get; init; }

        public required string ContractName { get; init; }

        public required IReadOnlyDictionary<string, int> Expected { get; init; }

        public required IReadOnlyDictionary<string, int> ExpectedForms { get; init; }

        /// <summary>Measured in the allocation rounds only (the sizes, whose times the growth workload's own rounds measure).</summary>
        public bool AllocationOnly { get; init; }

        /// <summary>The <c>contracts</c> workload: the sample contract this project is analyzed under (null for the other workloads).</summary>
        public SampleContract? SampleContract { get; init; }

        /// <summary>
        /// Whether <see cref="Expected"/> is what the analyzers must report: the generator counts violations of contract A, so
        /// under another contract its counts say nothing (the <c>contracts</c> workload reports what is found, unchecked).
        /// </summary>
        public bool CountsKnown { get; init; } = true;
    }

    /// <summary>A value per measured round, with its median and spread.</summary>
    public sealed class Series
    {
        public List<double> Values { get; } = new();

        public double Median => Runner.Median(Values);

        public double Min => Values.Count == 0 ? double.NaN : Values.Min();

        public double Max => Values.Count == 0 ? double.NaN : Values.Max();

        public void Add(double value) => Values.Add(value);

        public string Format(string format) => Values.Count == 0
            ? "n/a"
            : Median.ToString(format, CultureInfo.InvariantCulture) + " (" + Min.ToString(format, CultureInfo.InvariantCulture) + "–" + Max.ToString(format, CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>A workload's figures: times per round, allocations per allocation round, diagnostics.</summary>
    public sealed class WorkloadResult
    {
        public required Workload Workload { get; init; }

        public int Files => Workload.Trees.Count;

        public int CompilerErrors { get; set; }

        public Series Binding { get; } = new();

        public Series Ec { get; } = new();

        public Series AspNetCore { get; } = new();

        public Series Empty { get; } = new();

        public Series Wall { get; } = new();

        public Dictionary<string, Series> PerAnalyzer { get; } = new(StringComparer.Ordinal);

        /// <summary>Per allocation round: bytes allocated by a run of the EC analyzers alone, minus a run of their mirrors alone (<see cref="MirrorAnalyzer"/>).</summary>
        public Series EcBytes { get; } = new();

        /// <summary>The same for the ASP.NET Core analyzers.</summary>
        public Series AspNetCoreBytes { get; } = new();

        /// <summary>The runs themselves, per allocation round (binding included).</summary>
        public Series EcRunBytes { get; } = new();

        public Series EcFloorBytes { get; } = new();

        public Series AspNetCoreRunBytes { get; } = new();

        public Series AspNetCoreFloorBytes { get; } = new();

        /// <summary>
        /// The figure: the smallest EC run minus the smallest run of their mirrors. What a run allocates is the same in every
        /// round but for what something else in the process allocates meanwhile, which only adds: the smallest is the run's own.
        /// </summary>
        public double EcBeyond => EcRunBytes.Min - EcFloorBytes.Min;

        public double AspNetCoreBeyond => AspNetCoreRunBytes.Min - AspNetCoreFloorBytes.Min;

        /// <summary>Bytes each EC analyzer's callbacks allocated on their own threads (<see cref="CallbackProfiler"/>, one run).</summary>
        public Dictionary<string, long> EcCallbackBytes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Reported { get; set; } = new(StringComparer.Ordinal);

        public bool CountsStable { get; set; } = true;

        public List<string> AnalyzerExceptions { get; } = new();
    }

    /// <summary>The IDE edit: per EC analyzer, what one edit of a document costs it.</summary>
    public sealed class IdeEditResult
    {
        public required string ProjectName { get; init; }

        public int ProjectLines { get; init; }

        public int GeneratedLines { get; init; }

        public int DocumentLines { get; init; }

        public Series EcTotal { get; } = new();

        public Series Wall { get; } = new();

        public Series EmptyWall { get; } = new();

        public Dictionary<string, Series> PerAnalyzer { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Series> CompilationStart { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Reported { get; set; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Expected { get; init; } = new(StringComparer.Ordinal);
    }

    /// <summary>The workloads of issue 18: first adoption, generated-heavy with and without its generated files, the IDE edit.</summary>
    public sealed partial class Runner
    {
        public const string AdoptionName = "first adoption";
        public const string GeneratedHeavyName = "generated-heavy";
        public const string WithoutGeneratedName = "generated-heavy without generated files";

        private bool mirrorsShown;

        private Workload MakeWorkload(string name, List<GeneratedFile> files, AdditionalText contract, string contractName, Generator generator, bool allocationOnly = false)
        {
            return new Workload
            {
                Name = name,
                Trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, "/bench/project/" + f.Path)).ToList(),
                Lines = files.Sum(f => f.Lines),
                GeneratedLines = files.Where(f => f.Generated).Sum(f => f.Lines),
                Contract = contract,
                ContractName = contractName,
                Expected = generator.Counts.ToDictionary(p => p.Key, p => p.Value),
                ExpectedForms = generator.Forms,
                AllocationOnly = allocationOnly,
            };
        }

        /// <summary>The growth workload at one size, for the allocation rounds.</summary>
        public Workload SizeWorkload(int size)
        {
            var generator = new Generator(options.Seed);
            return MakeWorkload("sizes " + (size / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k", generator.GenerateProject(size), env.Contract, "A", generator, allocationOnly: true);
        }

        /// <summary>
        /// The <c>contracts</c> workload: the growth workload's project (seed <c>--seed</c>, <see cref="BenchOptions.ContractLines"/>
        /// lines; the same syntax trees for all) under every sample contract (<see cref="BenchEnvironment.Contracts"/>), one
        /// workload each. The generator's counts are checked only under contract A, the contract it writes against.
        /// </summary>
        public List<Workload> ContractWorkloads()
        {
            var generator = new Generator(options.Seed);
            var files = generator.GenerateProject(options.ContractLines);
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, "/bench/project/" + f.Path)).ToList();
            var contractA = env.Contract.GetText()!.ToString();
            return env.Contracts.Select(c =>
            {
                var isA = c.Text.GetText()!.ToString() == contractA;
                return new Workload
                {
                    Name = "contract " + c.Name,
                    Trees = trees,
                    Lines = files.Sum(f => f.Lines),
                    Contract = c.Text,
                    ContractName = c.RelativePath,
                    Expected = isA ? generator.Counts.ToDictionary(p => p.Key, p => p.Value) : new Dictionary<string, int>(),
                    ExpectedForms = generator.Forms,
                    SampleContract = c,
                    CountsKnown = isA,
                };
            }).ToList();
        }

        /// <summary>The first-adoption workload (seeded like the rest: <c>--seed</c> + 2).</summary>
        public Workload AdoptionWorkload()
        {
            var generator = new Generator(options.Seed + 2, GeneratorMode.FirstAdoption);
            var files = generator.GenerateAdoptionProject(options.AdoptionModules);
            var contract = new InMemoryAdditionalText("/bench/project/errorcontract.json", Generator.BearerForbiddenContract(env.Contract.GetText()!.ToString()));
            return MakeWorkload(AdoptionName, files, contract, "A, Bearer forbidden", generator);
        }

        /// <summary>
        /// <c>--profile-workload NAME</c>: the EC analyzers alone through the driver on one issue-18 workload (adoption,
        /// generated, without-generated), <c>--rounds</c> times, for an external profiler (as <c>--profile-loop</c> does for
        /// the largest size); <c>contract:NAME</c> profiles the <c>contracts</c> workload under <c>samples/contracts/NAME</c>, and
        /// then times its callbacks one by one (<see cref="CallbackProfiler"/>), to show which rule's callbacks dominate.
        /// </summary>
        public void ProfileWorkload(string name, int rounds)
        {
            Workload workload;
            switch (name)
            {
                case var _ when name.StartsWith("contract:", StringComparison.Ordinal):
                    var contractName = name.Substring("contract:".Length);
                    workload = ContractWorkloads().FirstOrDefault(w => w.SampleContract!.Name == contractName)
                        ?? throw new ArgumentException($"no sample contract {contractName} (known: {string.Join(", ", env.Contracts.Select(c => c.Name))})");
                    break;
                case "adoption":
                    workload = AdoptionWorkload();
                    break;
                case "generated":
                    workload = GeneratedHeavyWorkloads().WithGenerated;
                    break;
                case "without-generated":
                    workload = GeneratedHeavyWorkloads().WithoutGenerated;
                    break;
                default:
                    throw new ArgumentException("--profile-workload takes adoption, generated, without-generated or contract:NAME, not " + name);
            }

            var compilation = Compile(workload.Trees, workload.Contract);
            compilation.GetDiagnostics();
            var analyzerOptions = RunOptions.For(workload.Contract);
            var measured = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var withEc = compilation.WithAnalyzers(env.EcAnalyzers, new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                var diagnostics = withEc.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                var perAnalyzer = env.EcAnalyzers.Select(a => (a.GetType().Name, withEc.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds)).ToList();
                var total = perAnalyzer.Sum(p => p.Item2);
                Console.WriteLine($"  {workload.Name} round {round + 1}: {diagnostics.Length} diagnostics, EC execution {total:F1} ms ({string.Join(", ", perAnalyzer.Select(p => $"{p.Item1} {p.Item2:F1}"))})");
                if (round >= options.Warmup)
                {
                    measured.Add(total);
                }
            }

            Console.WriteLine($"  median after {options.Warmup} warm-up rounds: EC {Median(measured):F1} ms");
            if (workload.SampleContract == null)
            {
                return;
            }

            var profilers = env.EcAnalyzers.Select(a => new CallbackProfiler(a)).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                if (round == options.Warmup)
                {
                    foreach (var profiler in profilers)
                    {
                        profiler.Timers.Clear();
                    }
                }

                Compile(workload.Trees, workload.Contract).WithAnalyzers(profilers.Cast<DiagnosticAnalyzer>().ToImmutableArray(), AnalyzerRunOptions(workload.Contract))
                    .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            Console.WriteLine($"Callback times, {workload.Name}, {workload.Lines:N0} lines, summed over {Math.Max(1, rounds - options.Warmup)} rounds:");
            for (var i = 0; i < profilers.Length; i++)
            {
                Console.WriteLine("  " + env.EcAnalyzers[i].GetType().Name);
                Console.WriteLine(profilers[i].Describe());
            }
        }

        /// <summary>The generated-heavy project's files (seed <c>--seed</c> + 3) and its generator.</summary>
        public (List<GeneratedFile> Files, Generator Generator) GeneratedHeavyFiles()
        {
            var generator = new Generator(options.Seed + 3);
            return (generator.GenerateGeneratedHeavyProject(options.GeneratedLines), generator);
        }

        /// <summary>Generated-heavy, and the same project with its generated files removed (the same counts: no violation is in generated code).</summary>
        public (Workload WithGenerated, Workload WithoutGenerated) GeneratedHeavyWorkloads()
        {
            var (files, generator) = GeneratedHeavyFiles();
            return (
                MakeWorkload(GeneratedHeavyName, files, env.Contract, "A", generator),
                MakeWorkload(WithoutGeneratedName, files.Where(f => !f.Generated).ToList(), env.Contract, "A", generator));
        }

        /// <summary>
        /// Every workload in every round (like <see cref="MeasureSizes"/>: the host's drift falls on all alike, and the
        /// generated-heavy budget divides two of them), then the allocation rounds.
        /// </summary>
        public List<WorkloadResult> MeasureWorkloads(IReadOnlyList<Workload> workloads)
        {
            var results = workloads.Select(w => new WorkloadResult { Workload = w }).ToList();
            foreach (var result in results)
            {
                var workload = result.Workload;
                var errors = Compile(workload.Trees, workload.Contract).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                result.CompilerErrors = errors.Count;
                Console.WriteLine();
                Console.WriteLine($"== {workload.Name}: {workload.Lines:N0} lines in {workload.Trees.Count} files"
                    + (workload.GeneratedLines > 0 ? $", {workload.GeneratedLines:N0} of them generated ({100.0 * workload.GeneratedLines / workload.Lines:F0}%)" : string.Empty)
                    + $", contract {workload.ContractName}, "
                    + (workload.CountsKnown ? $"{workload.Expected.Values.Sum():N0} violations written" : "violations not counted (the generator writes against contract A)"));
                foreach (var error in errors.Take(10))
                {
                    Console.WriteLine("  compiler error: " + error);
                }
            }

            for (var round = -options.Warmup; round < options.Rounds; round++)
            {
                foreach (var result in results.Where(r => !r.Workload.AllocationOnly))
                {
                    TimeRound(result, round);
                }
            }

            for (var round = 0; round < options.AllocRounds; round++)
            {
                foreach (var result in results)
                {
                    AllocationRound(result, round);
                }
            }

            return results;
        }

        private CompilationWithAnalyzersOptions AnalyzerRunOptions(AdditionalText contract, ConcurrentBag<string>? exceptions = null) => new(
            RunOptions.For(contract),
            exceptions == null ? null : (exception, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

        /// <summary>One round as the sizes' rounds: binding of a fresh compilation, then EC + ASP.NET Core + empty analyzers in one run.</summary>
        private void TimeRound(WorkloadResult result, int round)
        {
            var workload = result.Workload;
            var all = env.EcAnalyzers.Concat(options.EcOnly ? Enumerable.Empty<DiagnosticAnalyzer>() : env.AspNetCoreAnalyzers).Append(env.EmptyAnalyzer).ToImmutableArray();
            Collect();
            var compilation = Compile(workload.Trees, workload.Contract);
            var generatorMs = LastGeneratorMs;
            var stopwatch = Stopwatch.StartNew();
            compilation.GetDiagnostics();
            var binding = stopwatch.Elapsed.TotalMilliseconds;

            Collect();
            var exceptions = new ConcurrentBag<string>();
            var withAnalyzers = compilation.WithAnalyzers(all, AnalyzerRunOptions(workload.Contract, exceptions));
            stopwatch.Restart();
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var wall = stopwatch.Elapsed.TotalMilliseconds;

            double Time(DiagnosticAnalyzer analyzer) =>
                withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;

            var ec = env.EcAnalyzers.Sum(Time) + generatorMs;
            var asp = options.EcOnly ? 0 : env.AspNetCoreAnalyzers.Sum(Time);
            var empty = Time(env.EmptyAnalyzer);
            if (round >= 0)
            {
                if (!result.PerAnalyzer.TryGetValue(GeneratorName, out var generatorSeries))
                {
                    result.PerAnalyzer[GeneratorName] = generatorSeries = new Series();
                }

                generatorSeries.Add(generatorMs);
                result.Binding.Add(binding);
                result.Ec.Add(ec);
                result.AspNetCore.Add(asp);
                result.Empty.Add(empty);
                result.Wall.Add(wall);
                foreach (var analyzer in all.Where(a => a != env.EmptyAnalyzer))
                {
                    var name = (env.EcAnalyzers.Contains(analyzer) ? "EC " : "ASP.NET ") + analyzer.GetType().Name;
                    if (!result.PerAnalyzer.TryGetValue(name, out var series))
                    {
                        result.PerAnalyzer[name] = series = new Series();
                    }

                    series.Add(Time(analyzer));
                }
            }

            foreach (var exception in exceptions.Distinct().Where(e => !result.AnalyzerExceptions.Contains(e)))
            {
                result.AnalyzerExceptions.Add(exception);
            }

            var ids = EcRuleIds;
            var counted = diagnostics.Where(d => ids.Contains(d.Id)).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            if (round == -options.Warmup)
            {
                result.Reported = counted;
            }
            else if (!SameCounts(result.Reported, counted))
            {
                result.CountsStable = false;
                Console.WriteLine("  warning: the diagnostic counts differ between rounds");
            }

            Console.WriteLine($"  {workload.Name} {(round < 0 ? "warm-up" : "round " + (round + 1))}: binding {binding,9:F1} ms | EC {ec,7:F1} ms | ASP.NET Core {asp,8:F1} ms | empty {empty,6:F1} ms | analyzer run (wall, all) {wall,9:F1} ms"
                + " | " + string.Join(", ", env.EcAnalyzers.Select(a => a.GetType().Name + " " + Time(a).ToString("F1", CultureInfo.InvariantCulture))));
        }

        /// <summary>
        /// Allocation: <c>GC.GetTotalAllocatedBytes(precise: true)</c> around a non-concurrent run of one analyzer set alone on a
        /// fresh compilation of the same trees (binding included, the same in every run), for the EC analyzers, their mirrors, the
        /// ASP.NET Core analyzers and theirs. A set's figure is its run minus its mirrors' run. The first round also runs the EC
        /// analyzers under <see cref="CallbackProfiler"/>, whose per-callback <c>GC.GetAllocatedBytesForCurrentThread</c> gives each
        /// EC analyzer's own bytes.
        /// </summary>
        private void AllocationRound(WorkloadResult result, int round)
        {
            var workload = result.Workload;
            var probe = Compile(workload.Trees, workload.Contract);
            var analyzerOptions = RunOptions.For(workload.Contract);
            var ecMirrors = env.EcAnalyzers.Select(a => (DiagnosticAnalyzer)new MirrorAnalyzer(a, probe, analyzerOptions)).ToImmutableArray();
            var aspMirrors = (options.EcOnly ? ImmutableArray<DiagnosticAnalyzer>.Empty : env.AspNetCoreAnalyzers).Select(a => (DiagnosticAnalyzer)new MirrorAnalyzer(a, probe, analyzerOptions)).ToImmutableArray();
            var threadShares = new List<string>();
            long Allocated(ImmutableArray<DiagnosticAnalyzer> analyzers)
            {
                var compilation = Compile(workload.Trees, workload.Contract);
                Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var beforeThread = GC.GetAllocatedBytesForCurrentThread();
                var withAnalyzers = compilation.WithAnalyzers(analyzers, AnalyzerRunOptions(workload.Contract));
                withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                var thread = GC.GetAllocatedBytesForCurrentThread() - beforeThread;
                var total = GC.GetTotalAllocatedBytes(precise: true) - before;
                threadShares.Add((100.0 * thread / Math.Max(1, total)).ToString("F0", CultureInfo.InvariantCulture) + "%");
                return total;
            }

            var ecFloor = Allocated(ecMirrors);
            var ec = Allocated(env.EcAnalyzers);
            var aspFloor = aspMirrors.IsEmpty ? 0 : Allocated(aspMirrors);
            var asp = aspMirrors.IsEmpty ? 0 : Allocated(env.AspNetCoreAnalyzers);
            result.EcRunBytes.Add(ec);
            result.EcFloorBytes.Add(ecFloor);
            result.EcBytes.Add(ec - ecFloor);
            result.AspNetCoreRunBytes.Add(asp);
            result.AspNetCoreFloorBytes.Add(aspFloor);
            result.AspNetCoreBytes.Add(asp - aspFloor);
            Console.WriteLine($"  {workload.Name} allocation round {round + 1}: EC {Mb(ec - ecFloor)} beyond their mirrors ({Mb(ecFloor)} floor run), ASP.NET Core {Mb(asp - aspFloor)} beyond theirs ({Mb(aspFloor)} floor run);"
                + $" on this thread: {string.Join(", ", threadShares)} of each run");
            if (round == 0)
            {
                foreach (var mirror in ecMirrors.Concat(aspMirrors).Cast<MirrorAnalyzer>().Where(m => m.Problem != null || !mirrorsShown))
                {
                    Console.WriteLine($"  mirror of {mirror.Name}: {mirror.Describe()}");
                }

                mirrorsShown = true;

                var profilers = env.EcAnalyzers.Select(a => new CallbackProfiler(a)).ToArray();
                var compilation = Compile(workload.Trees, workload.Contract);
                compilation.WithAnalyzers(profilers.Cast<DiagnosticAnalyzer>().ToImmutableArray(), AnalyzerRunOptions(workload.Contract))
                    .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                for (var i = 0; i < profilers.Length; i++)
                {
                    result.EcCallbackBytes[env.EcAnalyzers[i].GetType().Name] = profilers[i].Timers.Values.Sum(v => v.Bytes);
                }
            }
        }

        public static string Mb(double bytes) => (bytes / (1024.0 * 1024.0)).ToString("F2", CultureInfo.InvariantCulture) + " MB";

        public static string Kb(double bytes) => (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KB";

        /// <summary>
        /// The IDE edit: a controller document of about <see cref="BenchOptions.IdeLines"/> lines in <paramref name="workload"/>'s
        /// project, edited once per round (a comment line inserted in it, the tree re-parsed incrementally, the compilation's
        /// tree replaced: a new compilation, as on every keystroke). Per round: a new <c>CompilationWithAnalyzers</c> of the EC
        /// analyzers, the document's semantic model bound first (the compiler's diagnostics, as in the IDE), then
        /// <c>GetAnalyzerSemanticDiagnosticsAsync</c> for that document: every EC analyzer's execution time in that call
        /// (document callbacks and compilation start). A second run under <see cref="CallbackProfiler"/> times the compilation
        /// start actions alone, and a third with the empty analyzer gives the driver's own wall-clock time.
        /// </summary>
        public async Task<IdeEditResult> MeasureIdeEditAsync(Workload workload)
        {
            var ideGenerator = new Generator(options.Seed + 1);
            var file = ideGenerator.GenerateLargeController(options.IdeLines);
            var tree = CSharpSyntaxTree.ParseText(file.Text, parseOptions, "/bench/project/" + file.Path);
            var baseCompilation = Compile(workload.Trees.Append(tree), workload.Contract);
            var errors = baseCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            foreach (var error in errors.Take(10))
            {
                Console.WriteLine("  compiler error (IDE edit): " + error);
            }

            Console.WriteLine();
            Console.WriteLine($"== IDE edit: a {file.Lines:N0}-line controller document in the {workload.Name} project ({workload.Lines + file.Lines:N0} lines, {workload.GeneratedLines:N0} generated)");
            var result = new IdeEditResult
            {
                ProjectName = workload.Name,
                ProjectLines = workload.Lines + file.Lines,
                GeneratedLines = workload.GeneratedLines,
                DocumentLines = file.Lines,
                Expected = ideGenerator.Counts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            };

            var text = tree.GetText();
            var insertAt = file.Text.LastIndexOf("\n}", StringComparison.Ordinal) + 1;
            var profilers = env.EcAnalyzers.Select(a => new CallbackProfiler(a)).ToArray();
            var rounds = Math.Max(options.Rounds, 10);
            for (var round = -options.Warmup - 2; round < rounds; round++)
            {
                var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(insertAt, 0), $"    // edit {round + 100}\n")));
                var compilation = baseCompilation.ReplaceSyntaxTree(tree, edited);
                Collect();

                var withEc = compilation.WithAnalyzers(env.EcAnalyzers, AnalyzerRunOptions(workload.Contract));
                var model = withEc.Compilation.GetSemanticModel(edited);
                model.GetDiagnostics();
                var stopwatch = Stopwatch.StartNew();
                var diagnostics = await withEc.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
                var wall = stopwatch.Elapsed.TotalMilliseconds;
                var perAnalyzer = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var analyzer in env.EcAnalyzers)
                {
                    perAnalyzer[analyzer.GetType().Name] = (await withEc.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
                }

                foreach (var profiler in profilers)
                {
                    profiler.Timers.Clear();
                }

                var withProfilers = compilation.WithAnalyzers(profilers.Cast<DiagnosticAnalyzer>().ToImmutableArray(), AnalyzerRunOptions(workload.Contract));
                var profiledModel = withProfilers.Compilation.GetSemanticModel(edited);
                profiledModel.GetDiagnostics();
                await withProfilers.GetAnalyzerSemanticDiagnosticsAsync(profiledModel, null, CancellationToken.None);

                var withEmpty = compilation.WithAnalyzers(ImmutableArray.Create(env.EmptyAnalyzer), AnalyzerRunOptions(workload.Contract));
                var emptyModel = withEmpty.Compilation.GetSemanticModel(edited);
                emptyModel.GetDiagnostics();
                stopwatch.Restart();
                await withEmpty.GetAnalyzerSemanticDiagnosticsAsync(emptyModel, null, CancellationToken.None);
                var emptyWall = stopwatch.Elapsed.TotalMilliseconds;

                var counted = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                if (round == -options.Warmup - 2)
                {
                    result.Reported = counted;
                }

                if (round < 0)
                {
                    continue;
                }

                result.EcTotal.Add(perAnalyzer.Values.Sum());
                result.Wall.Add(wall);
                result.EmptyWall.Add(emptyWall);
                for (var i = 0; i < profilers.Length; i++)
                {
                    var name = env.EcAnalyzers[i].GetType().Name;
                    (result.PerAnalyzer.TryGetValue(name, out var series) ? series : result.PerAnalyzer[name] = new Series()).Add(perAnalyzer[name]);
                    var start = profilers[i].Timers.TryGetValue("compilation start", out var timer) ? timer.Ticks * 1000.0 / Stopwatch.Frequency : 0;
                    (result.CompilationStart.TryGetValue(name, out var startSeries) ? startSeries : result.CompilationStart[name] = new Series()).Add(start);
                }
            }

            Console.WriteLine($"  median of {rounds} rounds: EC analyzers {result.EcTotal.Format("F2")} ms ({string.Join(", ", result.PerAnalyzer.Select(p => p.Key + " " + p.Value.Median.ToString("F2", CultureInfo.InvariantCulture)))}),"
                + $" call wall {result.Wall.Median:F1} ms, empty analyzer {result.EmptyWall.Median:F1} ms");
            return result;
        }

        /// <summary>Writes the generated-heavy project to a folder, for a look at what it is (<c>--write-generated DIR</c>).</summary>
        public void WriteGeneratedHeavy(string directory)
        {
            var (files, _) = GeneratedHeavyFiles();
            foreach (var file in files)
            {
                var path = Path.Combine(directory, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            Console.WriteLine($"{files.Count} files written to {directory}");
        }
    }
}
