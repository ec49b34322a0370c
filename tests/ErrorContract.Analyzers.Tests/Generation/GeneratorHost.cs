using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using ErrorContract.Analyzers.Generation;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Tests.Generation
{
    /// <summary>
    /// Runs the error factory generator as the compiler does: a compilation of the project's code against .NET and ASP.NET
    /// Core, its errorcontract.json as an additional file, and its MSBuild properties as global options.
    /// </summary>
    internal static class GeneratorHost
    {
        public const string ContractPath = "/project/errorcontract.json";

        public static CSharpCompilation Compilation(string source, LanguageVersion language = LanguageVersion.CSharp12, ImmutableArray<MetadataReference>? references = null, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
            CSharpCompilation.Create(
                "Project",
                new[] { CSharpSyntaxTree.ParseText(source, Parse(language), path: "/project/Program.cs") },
                references ?? TestReferences.AspNetCore,
                new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>The parse options of a project that writes documentation: missing comments on public members are reported (CS1591).</summary>
        public static CSharpParseOptions Parse(LanguageVersion language) => new CSharpParseOptions(language, DocumentationMode.Diagnose);

        public static GeneratorDriver Driver(string? contract, IReadOnlyDictionary<string, string>? properties = null, bool trackSteps = false, LanguageVersion language = LanguageVersion.CSharp12) =>
            Driver(contract == null ? null : new Text(ContractPath, contract), properties, trackSteps, language);

        /// <summary>A driver with this contract file (an edit replaces this very object: <c>ReplaceAdditionalText</c>).</summary>
        public static GeneratorDriver Driver(AdditionalText? contract, IReadOnlyDictionary<string, string>? properties = null, bool trackSteps = false, LanguageVersion language = LanguageVersion.CSharp12)
        {
            var texts = contract == null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create(contract);
            var options = new OptionsProvider(properties ?? new Dictionary<string, string> { ["build_property.RootNamespace"] = "Project" });
            return CSharpGeneratorDriver.Create(
                new[] { new ApiErrorsGenerator().AsSourceGenerator() },
                texts,
                Parse(language),
                options,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        }

        /// <summary>Runs the generator: the compilation with the generated code, and the generator's result.</summary>
        public static (Compilation Output, GeneratorRunResult Result) Run(string source, string? contract, IReadOnlyDictionary<string, string>? properties = null, LanguageVersion language = LanguageVersion.CSharp12, ImmutableArray<MetadataReference>? references = null, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        {
            var driver = Driver(contract, properties, language: language).RunGeneratorsAndUpdateCompilation(Compilation(source, language, references, kind), out var output, out _, CancellationToken.None);
            return (output, driver.GetRunResult().Results.Single());
        }

        /// <summary>
        /// The errors of a compilation, and the warnings in the generated code (a warning there fails a build with warnings as
        /// errors), as text: empty when it compiles cleanly.
        /// </summary>
        public static string[] Problems(Compilation compilation) =>
            compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true))
                .Select(d => d.ToString())
                .ToArray();

        /// <summary>An additional file of the project.</summary>
        public sealed class Text : AdditionalText
        {
            private readonly string text;

            public Text(string path, string text)
            {
                Path = path;
                this.text = text;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options global;

            public OptionsProvider(IReadOnlyDictionary<string, string> properties) => global = new Options(properties);

            public override AnalyzerConfigOptions GlobalOptions => global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new Options(new Dictionary<string, string>());

            private readonly IReadOnlyDictionary<string, string> values;

            public Options(IReadOnlyDictionary<string, string> values) => this.values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
