using System;
using ErrorContract.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// EC0017: the page the <c>ErrorContractPageFile</c> property names (among the AdditionalFiles) against the page the contract
    /// generates (<see cref="ErrorPage"/>). Line ends and trailing white space at the end of the file do not count; the first line
    /// that differs is where the diagnostic goes. Nothing is asked when the property is not set.
    /// </summary>
    internal static class ErrorPageCheck
    {
        /// <summary>The MSBuild property, as the analyzers see it.</summary>
        public const string FileProperty = "build_property.ErrorContractPageFile";

        public static void Check(CompilationAnalysisContext context, ErrorContractModel contract, AdditionalText contractFile)
        {
            if (!context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(FileProperty, out var named) || string.IsNullOrWhiteSpace(named))
            {
                return;
            }

            named = named.Trim();
            AdditionalText? page = null;
            foreach (var file in context.Options.AdditionalFiles)
            {
                if (OpenApiLoader.IsNamedFile(file.Path, named))
                {
                    page = file;
                    break;
                }
            }

            var name = System.IO.Path.GetFileName(named);
            var expected = ErrorPage.Normalize(ErrorPage.Render(contract, System.IO.Path.GetFileName(contractFile.Path)));
            var text = page?.GetText(context.CancellationToken);
            if (page == null || text == null)
            {
                // Named, but not there yet: written by the same command.
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EC0017_ErrorPageOutOfDate,
                    Location.Create(contractFile.Path, default, default),
                    name,
                    "the file does not exist",
                    ErrorPage.Command));
                return;
            }

            var actual = ErrorPage.Normalize(text.ToString());
            if (string.Equals(actual, expected, StringComparison.Ordinal))
            {
                return;
            }

            var line = FirstDifferentLine(actual, expected);
            var location = line < text.Lines.Count
                ? Location.Create(page.Path, text.Lines[line].Span, text.Lines.GetLinePositionSpan(text.Lines[line].Span))
                : Location.Create(page.Path, new TextSpan(text.Length, 0), new LinePositionSpan(text.Lines.GetLinePosition(text.Length), text.Lines.GetLinePosition(text.Length)));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EC0017_ErrorPageOutOfDate,
                location,
                name,
                "line " + (line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " differs",
                ErrorPage.Command));
        }

        private static int FirstDifferentLine(string actual, string expected)
        {
            var line = 0;
            var length = Math.Min(actual.Length, expected.Length);
            for (var i = 0; i < length; i++)
            {
                if (actual[i] != expected[i])
                {
                    return line;
                }

                if (actual[i] == '\n')
                {
                    line++;
                }
            }

            return line;
        }
    }
}
