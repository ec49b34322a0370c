using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>Where the SDK is, the reference assemblies, the analyzers under test and the contract.</summary>
    public sealed class BenchEnvironment
    {
        public required string DotnetRoot { get; init; }

        public required string NetCoreRefVersion { get; init; }

        public required string AspNetCoreRefVersion { get; init; }

        public required ImmutableArray<MetadataReference> References { get; init; }

        public required ImmutableArray<DiagnosticAnalyzer> EcAnalyzers { get; init; }

        public required ImmutableArray<DiagnosticAnalyzer> AspNetCoreAnalyzers { get; init; }

        public required string AspNetCoreAnalyzerPath { get; init; }

        public required List<string> AspNetCoreLoadErrors { get; init; }

        public required DiagnosticAnalyzer EmptyAnalyzer { get; init; }

        public required AdditionalText Contract { get; init; }

        public required string ContractPath { get; init; }

        /// <summary>
        /// Every sample contract, <c>samples/contracts/*/errorcontract.json</c>, in the order of their folder names (the
        /// <c>contracts</c> workload measures each): a contract added there is measured without an edit here.
        /// </summary>
        public required IReadOnlyList<SampleContract> Contracts { get; init; }

        public static BenchEnvironment Create(string repositoryRoot)
        {
            var root = FindDotnetRoot();
            var netCore = NewestVersionDirectory(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"));
            var aspNetCore = NewestVersionDirectory(Path.Combine(root, "packs", "Microsoft.AspNetCore.App.Ref"));
            var references = Directory.GetFiles(Path.Combine(netCore, "ref", "net10.0"), "*.dll")
                .Concat(Directory.GetFiles(Path.Combine(aspNetCore, "ref", "net10.0"), "*.dll"))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();

            var ecAnalyzers = typeof(RuleIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

            var aspPath = Path.Combine(aspNetCore, "analyzers", "dotnet", "cs", "Microsoft.AspNetCore.App.Analyzers.dll");
            var errors = new List<string>();
            var aspAnalyzers = ImmutableArray<DiagnosticAnalyzer>.Empty;
            if (File.Exists(aspPath))
            {
                var reference = new AnalyzerFileReference(aspPath, new AssemblyLoader());
                reference.AnalyzerLoadFailed += (_, e) => errors.Add(e.ErrorCode + ": " + e.Message + " " + e.Exception?.Message);
                aspAnalyzers = reference.GetAnalyzers(LanguageNames.CSharp);
            }
            else
            {
                errors.Add("not found: " + aspPath);
            }

            var contractPath = Path.Combine(repositoryRoot, "samples", "contracts", "artworks", "errorcontract.json");
            var contract = new InMemoryAdditionalText("/bench/project/errorcontract.json", File.ReadAllText(contractPath));
            var contractsDirectory = Path.Combine(repositoryRoot, "samples", "contracts");
            var contracts = (Directory.Exists(contractsDirectory) ? Directory.GetDirectories(contractsDirectory) : Array.Empty<string>())
                .Select(d => Path.Combine(d, "errorcontract.json"))
                .Where(File.Exists)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new SampleContract(
                    Path.GetFileName(Path.GetDirectoryName(p)!),
                    Path.GetRelativePath(repositoryRoot, p).Replace('\\', '/'),
                    new InMemoryAdditionalText("/bench/project/errorcontract.json", File.ReadAllText(p))))
                .ToList();

            return new BenchEnvironment
            {
                DotnetRoot = root,
                NetCoreRefVersion = Path.GetFileName(netCore),
                AspNetCoreRefVersion = Path.GetFileName(aspNetCore),
                References = references,
                EcAnalyzers = ecAnalyzers,
                AspNetCoreAnalyzers = aspAnalyzers,
                AspNetCoreAnalyzerPath = aspPath,
                AspNetCoreLoadErrors = errors,
                EmptyAnalyzer = new EmptyAnalyzer(),
                Contract = contract,
                ContractPath = Path.GetRelativePath(repositoryRoot, contractPath),
                Contracts = contracts,
            };
        }

        /// <summary>The running runtime's root, else DOTNET_ROOT, else where <c>dotnet</c> on PATH points.</summary>
        private static string FindDotnetRoot()
        {
            var candidates = new List<string>();
            var coreLib = typeof(object).Assembly.Location;
            if (!string.IsNullOrEmpty(coreLib))
            {
                // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
                var dir = Path.GetDirectoryName(coreLib);
                for (var i = 0; i < 3 && dir != null; i++)
                {
                    dir = Path.GetDirectoryName(dir);
                }

                if (dir != null)
                {
                    candidates.Add(dir);
                }
            }

            var env = System.Environment.GetEnvironmentVariable("DOTNET_ROOT");
            if (!string.IsNullOrEmpty(env))
            {
                candidates.Add(env);
            }

            foreach (var dir in (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                var exe = Path.Combine(dir, "dotnet");
                if (File.Exists(exe))
                {
                    var info = new FileInfo(exe);
                    var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
                    candidates.Add(Path.GetDirectoryName(target)!);
                }
            }

            foreach (var candidate in candidates)
            {
                if (Directory.Exists(Path.Combine(candidate, "packs", "Microsoft.AspNetCore.App.Ref")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("No .NET root with packs/Microsoft.AspNetCore.App.Ref found (tried: " + string.Join(", ", candidates) + ")");
        }

        /// <summary>The newest <c>10.0.*</c> version directory (a release beats its previews).</summary>
        private static string NewestVersionDirectory(string packDirectory)
        {
            var best = Directory.GetDirectories(packDirectory)
                .Select(d => (Dir: d, Name: Path.GetFileName(d)))
                .Where(d => d.Name.StartsWith("10.0.", StringComparison.Ordinal))
                .Select(d =>
                {
                    var dash = d.Name.IndexOf('-');
                    var core = dash < 0 ? d.Name : d.Name.Substring(0, dash);
                    return (d.Dir, Version: Version.TryParse(core, out var v) ? v : new Version(0, 0), Release: dash < 0, d.Name);
                })
                .OrderByDescending(d => d.Version)
                .ThenByDescending(d => d.Release)
                .ThenByDescending(d => d.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Dir == null)
            {
                throw new InvalidOperationException("No 10.0.* version under " + packDirectory);
            }

            return best.Dir;
        }

        private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }

    /// <summary>A sample contract: its folder's name (<c>artworks</c>), its path from the repository root, and its text as the project's <c>errorcontract.json</c>.</summary>
    public sealed record SampleContract(string Name, string RelativePath, AdditionalText Text);

    /// <summary>An additional file held in memory.</summary>
    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText text;

        public InMemoryAdditionalText(string path, string content)
        {
            Path = path;
            text = SourceText.From(content);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}

namespace ErrorContract.Analyzers.Benchmarks
{
    using System.Collections.Concurrent;
    using System.Collections.Generic;
    using System.Collections.Immutable;
    using ErrorContract.Analyzers.Contract;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Diagnostics;

    /// <summary>
    /// The analyzer options of every run: the project's contract, and the error page generated from it (docs/errors.md, named by
    /// the ErrorContractPageFile property), as a team that publishes its page has them. EC0017 then compares the page with the
    /// contract in every round, and reports nothing (the page is the one the contract generates).
    /// </summary>
    public static class RunOptions
    {
        public const string PagePath = "/bench/project/docs/errors.md";

        private static readonly ConcurrentDictionary<string, AdditionalText?> Pages = new();

        public static AnalyzerOptions For(AdditionalText contract)
        {
            var contractText = contract.GetText()!.ToString();
            var page = Pages.GetOrAdd(contractText, text =>
                ContractParser.Parse(text).Contract is ErrorContractModel model
                    ? new InMemoryAdditionalText(PagePath, ErrorPage.Render(model, "errorcontract.json"))
                    : null);
            var files = page == null ? ImmutableArray.Create(contract) : ImmutableArray.Create(contract, page);
            return new AnalyzerOptions(files, new GlobalOptionsProvider("docs/errors.md"));
        }

        private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options global;

            public GlobalOptionsProvider(string pageFile) => global = new Options(new Dictionary<string, string>
            {
                ["build_property.ErrorContractPageFile"] = pageFile,
                ["build_property.RootNamespace"] = "Bench.Api",
            });

            public override AnalyzerConfigOptions GlobalOptions => global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            private readonly Dictionary<string, string> values;

            public Options(Dictionary<string, string> values) => this.values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
