using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Meta
{
    /// <summary>
    /// The places outside the descriptors that list rule ids by hand are checked against the descriptors, so that a new
    /// rule cannot be forgotten in one of them: the package props' <c>ErrorContractTreatWarningsAsErrors</c> list (every
    /// rule reported as a warning) and the end-to-end script's <c>RULES</c> (every warning about source code, which
    /// <c>dotnet format</c> is asked to fix: all of them but EC0000, EC0016 and EC0018, which are about the contract file, the OpenAPI
    /// document and the generated factories' name).
    /// </summary>
    public sealed class RuleListTests
    {
        private static IReadOnlyList<string> WarningIds() =>
            PackageConventionTests.AllDescriptors()
                .Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning)
                .Select(d => d.Id)
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();

        [Fact]
        public void ThePropsWarningsAsErrorsList_NamesEveryWarningRule()
        {
            var props = File.ReadAllText(Path.Combine(
                PackageConventionTests.RepositoryRoot(), "src", "ErrorContract.Analyzers.Package", "buildTransitive", "ErrorContract.Analyzers.props"));
            var list = Regex.Match(props, @"<WarningsAsErrors>\$\(WarningsAsErrors\);([^<]*)</WarningsAsErrors>");
            Assert.True(list.Success, "the props file has no WarningsAsErrors list for ErrorContractTreatWarningsAsErrors");

            var listed = list.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries).OrderBy(id => id, StringComparer.Ordinal).ToList();
            Assert.Equal(WarningIds(), listed);
        }

        [Fact]
        public void TheEndToEndRuleList_NamesEveryWarningRuleAboutSource()
        {
            var script = File.ReadAllText(Path.Combine(PackageConventionTests.RepositoryRoot(), "tests", "e2e", "run.sh"));
            var list = Regex.Match(script, @"^RULES=\(([^)]*)\)", RegexOptions.Multiline);
            Assert.True(list.Success, "tests/e2e/run.sh has no RULES=(...) line");

            var listed = list.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderBy(id => id, StringComparer.Ordinal).ToList();
            Assert.Equal(WarningIds().Where(id => id != RuleIds.InvalidContract && id != RuleIds.InvalidOpenApiDocument && id != RuleIds.FactoriesNotGenerated), listed);
        }
    }
}
