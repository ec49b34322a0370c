using System;
using System.Collections.Immutable;
using System.Threading;
using ErrorContract.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Generation
{
    /// <summary>
    /// Generates the project's error factories (<c>ApiErrors.NotFound("…")</c>) from its <c>errorcontract.json</c>. Incremental:
    /// the contract's text, the MSBuild settings and what the compilation offers are each reduced to a value compared by
    /// equality, so an edit that changes none of them (any edit of code that does not declare a type of the class's name)
    /// stops before the contract is read or any C# written. A missing, ambiguous or invalid contract generates nothing
    /// (EC0000 says what is wrong with it).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ApiErrorsGenerator : IIncrementalGenerator
    {
        /// <summary>The names of the generator's steps, as the incremental-step tracking reports them.</summary>
        public static class Steps
        {
            public const string ContractText = "ContractText";
            public const string Settings = "Settings";
            public const string Platform = "Platform";
            public const string Source = "Source";
        }

        /// <summary>What the generator reports (an analyzer's <c>SupportedDiagnostics</c>, for the package's own conventions).</summary>
        public static ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EC0018_FactoriesNotGenerated);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var contractText = context.AdditionalTextsProvider
                .Where(ContractLoader.IsContractFile)
                .Select((file, cancellationToken) => file.GetText(cancellationToken)?.ToString())
                .Collect()
                .Select((texts, _) => texts.Length == 1 ? texts[0] : null)
                .WithTrackingName(Steps.ContractText);

            var settings = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => FactorySettings.From(options.GlobalOptions))
                .WithTrackingName(Steps.Settings);

            var platform = context.CompilationProvider
                .Combine(settings)
                .Select((pair, _) => PlatformFeatures.Of(pair.Left, pair.Right))
                .WithTrackingName(Steps.Platform);

            var source = contractText
                .Combine(settings)
                .Combine(platform)
                .Select((input, cancellationToken) => Generate(input.Left.Left, input.Left.Right, input.Right, cancellationToken))
                .WithTrackingName(Steps.Source);

            context.RegisterSourceOutput(source, static (production, output) =>
            {
                if (output.Problem != null)
                {
                    production.ReportDiagnostic(Diagnostic.Create(Descriptors.EC0018_FactoriesNotGenerated, Location.None, output.ClassName, output.Problem));
                }

                if (output.Text != null)
                {
                    production.AddSource(output.HintName, SourceText.From(output.Text, System.Text.Encoding.UTF8));
                }
            });
        }

        /// <summary>The factories' C#, or why there are none.</summary>
        internal static GeneratedFactories Generate(string? contractText, FactorySettings settings, PlatformFeatures platform, CancellationToken cancellationToken)
        {
            if (contractText == null || !settings.Enabled || !platform.AspNetCore)
            {
                return GeneratedFactories.None;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var contract = ContractLoader.Parse(contractText).Contract;
            if (contract == null)
            {
                return GeneratedFactories.None;
            }

            var problem = settings.Problem;
            if (problem == null && platform.Clash)
            {
                problem = "the project already declares a type named " + settings.MetadataName + "; set the ErrorContractFactoriesClass property to another name (or make it a 'static partial class' to add members to the generated one)";
            }

            if (problem != null)
            {
                return new GeneratedFactories(null, settings.MetadataName, problem, settings.ClassName + ".g.cs");
            }

            var plan = FactoryPlan.Create(contract, settings.ClassName);
            if (plan.Factories.IsEmpty)
            {
                return GeneratedFactories.None;
            }

            return new GeneratedFactories(FactoryWriter.Write(contract, plan, settings, platform), settings.MetadataName, null, settings.ClassName + ".g.cs");
        }
    }

    /// <summary>The generator's output, compared by value: its text, or the problem that stopped it.</summary>
    internal sealed class GeneratedFactories : IEquatable<GeneratedFactories>
    {
        public static readonly GeneratedFactories None = new GeneratedFactories(null, string.Empty, null, string.Empty);

        public GeneratedFactories(string? text, string className, string? problem, string hintName)
        {
            Text = text;
            ClassName = className;
            Problem = problem;
            HintName = hintName;
        }

        public string? Text { get; }

        public string ClassName { get; }

        public string? Problem { get; }

        public string HintName { get; }

        public bool Equals(GeneratedFactories? other) =>
            other != null && Text == other.Text && ClassName == other.ClassName && Problem == other.Problem && HintName == other.HintName;

        public override bool Equals(object? obj) => Equals(obj as GeneratedFactories);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text ?? Problem ?? string.Empty);
    }
}
