using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorContract.Analyzers
{
    /// <summary>How every EC analyzer treats generated code (one setting, passed to <c>ConfigureGeneratedCodeAnalysis</c>).</summary>
    internal static class GeneratedCode
    {
        /// <summary>
        /// <see cref="GeneratedCodeAnalysisFlags.Analyze"/> is off: the driver runs no callback on generated code (files
        /// with an <c>&lt;auto-generated&gt;</c> header or a <c>.g.cs</c>/<c>.designer.cs</c> name, symbols under
        /// <c>[GeneratedCode]</c>), so nothing in it is analysed or flagged.
        /// <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/> is on because every EC diagnostic is reported in the
        /// code being analysed, which is never generated: without it the driver checks each reported diagnostic again,
        /// and the first diagnostic in a file makes it walk every token of that file looking for <c>[GeneratedCode]</c>,
        /// which cost about half of the analyzers' time on the benchmark (docs/performance.md).
        /// <c>Robustness/GeneratedCodeTests</c> checks that generated code stays silent.
        /// </summary>
        public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.ReportDiagnostics;
    }
}
