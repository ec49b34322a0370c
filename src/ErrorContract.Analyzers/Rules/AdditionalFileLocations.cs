using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>What the rules about the project's JSON files (EC0000 for the contract, EC0016 for the OpenAPI document) say of several files at once.</summary>
    internal static class AdditionalFileLocations
    {
        /// <summary>The start of a file, where a diagnostic about the whole file goes.</summary>
        public static Location StartOf(AdditionalText file) =>
            Location.Create(file.Path, new TextSpan(0, 0), new LinePositionSpan(default, default));

        /// <summary>
        /// Reports <paramref name="descriptor"/> at the start of each of <paramref name="files"/>: which one is meant is not a guess the
        /// analyzers make (the order of additional files is up to the host, so none is singled out). <paramref name="message"/> is given
        /// the count and the sorted, comma-separated paths; with <paramref name="withFileName"/> the file's name comes before it.
        /// </summary>
        public static void ReportEach(CompilationAnalysisContext context, DiagnosticDescriptor descriptor, ImmutableArray<AdditionalText> files, System.Func<int, string, string> message, bool withFileName)
        {
            var paths = new string[files.Length];
            for (var i = 0; i < files.Length; i++)
            {
                paths[i] = files[i].Path;
            }

            System.Array.Sort(paths, System.StringComparer.Ordinal);
            var text = message(files.Length, string.Join(", ", paths));
            foreach (var file in files)
            {
                context.ReportDiagnostic(withFileName
                    ? Diagnostic.Create(descriptor, StartOf(file), System.IO.Path.GetFileName(file.Path), text)
                    : Diagnostic.Create(descriptor, StartOf(file), text));
            }
        }
    }
}
