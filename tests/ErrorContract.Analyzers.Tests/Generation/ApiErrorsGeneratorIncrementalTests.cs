using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ErrorContract.Analyzers.Generation;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Generation
{
    /// <summary>
    /// The generator's caching, through Roslyn's incremental-step tracking: an edit that does not change the contract, the
    /// settings or what the compilation offers does no generator work past its first, cheap steps.
    /// </summary>
    public class ApiErrorsGeneratorIncrementalTests
    {
        private const string Source = """
            namespace Project;

            public class ArtworksController
            {
                public int Get(int id) => id;
            }
            """;

        [Fact]
        public void An_edit_of_code_reuses_the_generated_source()
        {
            var compilation = GeneratorHost.Compilation(Source);
            var driver = GeneratorHost.Driver(TestContracts.Artworks, trackSteps: true).RunGenerators(compilation, CancellationToken.None);

            // A method added, a statement typed: the compilation changes, the contract and settings do not.
            var edited = compilation.ReplaceSyntaxTree(
                compilation.SyntaxTrees.Single(),
                CSharpSyntaxTree.ParseText(Source.Replace("=> id;", "=> id + 1;\n    public int Other() => 2;"), GeneratorHost.Parse(LanguageVersion.CSharp12), "/project/Program.cs"));
            driver = driver.RunGenerators(edited, CancellationToken.None);
            var run = driver.GetRunResult().Results.Single();

            Assert.All(Reasons(run, ApiErrorsGenerator.Steps.ContractText), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
            Assert.All(Reasons(run, ApiErrorsGenerator.Steps.Settings), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

            // What the compilation offers is asked again (it is cheap) and found unchanged, so the source step is not run.
            Assert.All(Reasons(run, ApiErrorsGenerator.Steps.Platform), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
            Assert.All(Reasons(run, ApiErrorsGenerator.Steps.Source), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
            Assert.Single(run.GeneratedSources);
        }

        [Fact]
        public void A_contract_edit_regenerates_and_a_contract_broken_while_typing_removes_the_class()
        {
            var compilation = GeneratorHost.Compilation(Source);
            var original = new GeneratorHost.Text(GeneratorHost.ContractPath, TestContracts.Artworks);
            var driver = GeneratorHost.Driver(original, trackSteps: true).RunGenerators(compilation, CancellationToken.None);

            var changed = new GeneratorHost.Text(GeneratorHost.ContractPath, TestContracts.Artworks.Replace("\"errorCode\": \"not_found\"", "\"errorCode\": \"missing\""));
            driver = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation, CancellationToken.None);
            var run = driver.GetRunResult().Results.Single();
            Assert.All(Reasons(run, ApiErrorsGenerator.Steps.Source), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
            Assert.Contains("public static MissingResult Missing(", run.GeneratedSources.Single().SourceText.ToString());

            var typing = TestContracts.Artworks.Substring(0, TestContracts.Artworks.Length / 2);
            driver = driver.ReplaceAdditionalText(changed, new GeneratorHost.Text(GeneratorHost.ContractPath, typing)).RunGenerators(compilation, CancellationToken.None);
            run = driver.GetRunResult().Results.Single();
            Assert.Empty(run.GeneratedSources);
            Assert.Empty(run.Diagnostics);
        }

        [Fact]
        public void Rerunning_with_nothing_changed_caches_every_step()
        {
            var compilation = GeneratorHost.Compilation(Source);
            var driver = GeneratorHost.Driver(TestContracts.Studio, trackSteps: true).RunGenerators(compilation, CancellationToken.None);
            var run = driver.RunGenerators(compilation, CancellationToken.None).GetRunResult().Results.Single();
            foreach (var step in new[] { ApiErrorsGenerator.Steps.ContractText, ApiErrorsGenerator.Steps.Settings, ApiErrorsGenerator.Steps.Platform, ApiErrorsGenerator.Steps.Source })
            {
                Assert.All(Reasons(run, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
            }
        }

        private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult run, string step)
        {
            Assert.True(run.TrackedSteps.ContainsKey(step), "step " + step + " was not tracked");
            return run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        }
    }
}
