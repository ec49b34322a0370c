using System.Globalization;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.CodeFixes.Internals
{
    /// <summary>
    /// Reads the properties a rule put on its diagnostic for the fix. The keys are the constants of
    /// <see cref="DiagnosticProperties"/>, never bare strings.
    /// </summary>
    internal static class DiagnosticPropertyReader
    {
        /// <summary>The text under <paramref name="key"/>, or null when the rule wrote none.</summary>
        public static string? GetString(Diagnostic diagnostic, string key)
        {
            return diagnostic.Properties.TryGetValue(key, out var text) ? text : null;
        }

        /// <summary>The integer under <paramref name="key"/> (a status such as <c>"418"</c>), read with the invariant culture.</summary>
        public static bool TryGetInt(Diagnostic diagnostic, string key, out int value)
        {
            value = 0;
            return diagnostic.Properties.TryGetValue(key, out var text)
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        }
    }
}
