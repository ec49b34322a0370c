using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using ErrorContract.Analyzers.CodeFixes;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Generation;
using ErrorContract.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Meta
{
    /// <summary>
    /// The conventions every rule of the package keeps: a help link to its docs page (which exists),
    /// a release-tracking entry, an exported fixer with Fix All, and a schema in step with the parser.
    /// </summary>
    public sealed class PackageConventionTests
    {
        private static readonly Assembly AnalyzerAssembly = typeof(ResponseContractAnalyzer).Assembly;
        private static readonly Assembly CodeFixAssembly = typeof(UndocumentedStatusCodeFixProvider).Assembly;

        public static IEnumerable<object[]> Analyzers() =>
            AnalyzerAssembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => new object[] { t.Name });

        public static IEnumerable<object[]> Fixers() =>
            CodeFixAssembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                .Select(t => new object[] { t.Name });

        public static IEnumerable<object[]> SupportedDescriptors() =>
            AllDescriptors().Select(d => d.Id).Distinct().Select(id => new object[] { id });

        [Fact]
        public void ThereAreAnalyzersAndFixers()
        {
            Assert.NotEmpty(Analyzers());
            Assert.NotEmpty(Fixers());
        }

        [Theory]
        [MemberData(nameof(Analyzers))]
        public void EveryAnalyzer_IsACSharpDiagnosticAnalyzer(string name)
        {
            var type = AnalyzerAssembly.GetTypes().Single(t => t.Name == name);
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.NotNull(attribute);
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
            Assert.True(type.IsSealed, name + " should be sealed");
        }

        [Theory]
        [MemberData(nameof(SupportedDescriptors))]
        public void EveryRule_HasAHelpLink_ToItsDocsPage_WhichExists(string id)
        {
            var descriptor = AllDescriptors().First(d => d.Id == id);
            Assert.Matches("^EC[0-9]{4}$", id);
            Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            Assert.Equal(Descriptors.Category, descriptor.Category);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
            Assert.DoesNotContain(descriptor.Title.ToString(), "TODO", StringComparison.OrdinalIgnoreCase);

            var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), "missing docs page " + page);
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + id + ":", text, StringComparison.Ordinal);
            Assert.Contains("dotnet_diagnostic." + id + ".severity", text, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(SupportedDescriptors))]
        public void EveryRule_IsInTheReleaseTrackingFiles_WithItsSeverity(string id)
        {
            var descriptor = AllDescriptors().First(d => d.Id == id);
            var root = RepositoryRoot();
            var lines = File.ReadAllLines(Path.Combine(root, "AnalyzerReleases.Shipped.md"))
                .Concat(File.ReadAllLines(Path.Combine(root, "AnalyzerReleases.Unshipped.md")))
                .Where(l => l.StartsWith(id + " ", StringComparison.Ordinal))
                .ToList();
            var line = Assert.Single(lines);
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(descriptor.Category, cells[1]);

            // A rule off by default (EC0013, like API1002) is "Disabled" in the release tracking files, as RS2001 requires.
            Assert.Equal(descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled", cells[2]);
            var analyzer = AllAnalyzers().FirstOrDefault(a => a.SupportedDiagnostics.Any(d => d.Id == id))?.GetType().Name ?? nameof(ApiErrorsGenerator);
            Assert.StartsWith(analyzer + ",", cells[3], StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(SupportedDescriptors))]
        public void EveryRule_IsInTheReadmeRulesTable_WithItsTitleSeverityAndDocsLink(string id)
        {
            var descriptor = AllDescriptors().First(d => d.Id == id);
            var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
            var row = Assert.Single(readme, l => l.StartsWith("| [" + id + "](docs/rules/" + id + ".md) |", StringComparison.Ordinal));
            var cells = row.Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(descriptor.Title.ToString(), cells[2]);
            Assert.Equal(descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Off (" + descriptor.DefaultSeverity + " when turned on)", cells[3]);
            var hasFix = CodeFixAssembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                .Any(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds.Contains(id));
            Assert.Equal(hasFix, cells[4].StartsWith("Yes", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Fixers))]
        public void EveryFixer_IsExported_Shared_FixesAnExistingRule_AndSupportsFixAll(string name)
        {
            var type = CodeFixAssembly.GetTypes().Single(t => t.Name == name);
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            Assert.Equal(name, export.Name);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());

            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            var supported = AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, supported));
            Assert.NotNull(fixer.GetFixAllProvider());
        }

        [Fact]
        public void TheSchema_DeclaresExactlyTheKeysTheParserAccepts()
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "schema", "errorcontract.schema.json")));
            var root = schema.RootElement;
            var defs = root.GetProperty("$defs");
            AssertKeys(ContractParser.RootKeys, root.GetProperty("properties"));
            AssertKeys(ContractParser.StatusKeys, defs.GetProperty("status").GetProperty("properties"));
            AssertKeys(ContractParser.ErrorBodyKeys, defs.GetProperty("errorBody").GetProperty("properties"));
            AssertKeys(ContractParser.FieldKeys, defs.GetProperty("field").GetProperty("properties"));
            AssertKeys(ContractParser.ValidationKeys, defs.GetProperty("validation").GetProperty("properties"));
            AssertKeys(ContractParser.AuthorizationKeys, defs.GetProperty("authorization").GetProperty("properties"));
            AssertKeys(ContractParser.ItemKeys, defs.GetProperty("items").GetProperty("properties"));
            AssertKeys(ContractParser.CatalogKeys, defs.GetProperty("catalogCode").GetProperty("properties"));
            var types = defs.GetProperty("field").GetProperty("properties").GetProperty("type").GetProperty("enum")
                .EnumerateArray().Select(e => e.GetString()).ToArray();
            Assert.Equal(ContractParser.FieldTypes.OrderBy(k => k, StringComparer.Ordinal), types.OrderBy(k => k, StringComparer.Ordinal));
            AssertKeys(ContractParser.HeaderKeys, defs.GetProperty("header").GetProperty("properties"));
            var headerTypes = defs.GetProperty("header").GetProperty("properties").GetProperty("type").GetProperty("enum")
                .EnumerateArray().Select(e => e.GetString()).ToArray();
            Assert.Equal(ContractParser.HeaderTypes.OrderBy(k => k, StringComparer.Ordinal), headerTypes.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        [InlineData("payments")]
        [InlineData("header-key")]
        [InlineData("problem-details")]
        public void TheSeedContracts_PointAtTheSchema(string name)
        {
            var path = Path.Combine(RepositoryRoot(), "samples", "contracts", name, "errorcontract.json");
            using var contract = JsonDocument.Parse(File.ReadAllText(path));
            var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, contract.RootElement.GetProperty("$schema").GetString()!));
            Assert.True(File.Exists(schemaPath), schemaPath);
        }

        private static void AssertKeys(string[] parserKeys, JsonElement properties)
        {
            var schemaKeys = properties.EnumerateObject().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal);
            Assert.Equal(parserKeys.OrderBy(k => k, StringComparer.Ordinal), schemaKeys);
        }

        /// <summary>Every descriptor the package reports: the analyzers' and the error factory generator's.</summary>
        internal static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
            AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Concat(ApiErrorsGenerator.SupportedDiagnostics);

        private static IEnumerable<DiagnosticAnalyzer> AllAnalyzers() =>
            AnalyzerAssembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

        internal static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "ErrorContract.Analyzers.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("ErrorContract.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
