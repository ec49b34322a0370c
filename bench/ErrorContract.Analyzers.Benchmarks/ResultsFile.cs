using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ErrorContract.Analyzers.Benchmarks
{
    /// <summary>
    /// The file a run's results go into (<c>docs/performance.md</c> by default): hand-written text around one region that
    /// the benchmark writes, between a line <c>&lt;!-- benchmark:begin --&gt;</c> and a line <c>&lt;!-- benchmark:end --&gt;</c>
    /// (HTML comments: not shown when the markdown is rendered). A run replaces what is between the two lines and keeps every
    /// byte outside them, the markers included. A file without exactly one of each marker, in that order, is an error and is
    /// left as it is; a file that does not exist yet is created with the markers around the region.
    /// </summary>
    internal static class ResultsFile
    {
        public const string BeginMarker = "<!-- benchmark:begin -->";
        public const string EndMarker = "<!-- benchmark:end -->";

        private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

        /// <summary>
        /// Checks, before the minutes of measuring, that <paramref name="path"/> can take a run's results: it has the markers
        /// (or does not exist yet, in a directory that does). Returns why not, or null.
        /// </summary>
        public static string? Check(string path)
        {
            try
            {
                if (!File.Exists(path))
                {
                    return Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path)))
                        ? null
                        : $"{path}: the directory does not exist.";
                }

                Splice(path, Read(path).Text, string.Empty);
                return null;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return e.Message;
            }
        }

        /// <summary>
        /// Replaces the region of <paramref name="path"/> with <paramref name="region"/>, read again now so that hand edits
        /// made during the run are kept. Throws <see cref="InvalidDataException"/> (the file unchanged) when the markers are not
        /// as they should be.
        /// </summary>
        public static void Write(string path, string region)
        {
            string text;
            var bom = false;
            if (File.Exists(path))
            {
                (text, bom) = Read(path);
                text = Splice(path, text, region);
            }
            else
            {
                text = BeginMarker + "\n\n" + Body(region, "\n") + EndMarker + "\n";
            }

            // A new file beside the old one, then renamed over it: a run that dies while writing leaves the old file whole.
            var temporary = path + ".benchmark-" + System.Environment.ProcessId + ".tmp";
            try
            {
                File.WriteAllBytes(temporary, (bom ? Utf8Bom : Array.Empty<byte>()).Concat(new UTF8Encoding(false).GetBytes(text)).ToArray());
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        /// <summary>
        /// The text with the lines between the begin marker's line and the end marker's line replaced by
        /// <paramref name="region"/>, set off by a blank line on each side, in the line endings of the begin marker's line.
        /// Everything before the end of the begin marker's line and from the start of the end marker's line on is kept as is.
        /// </summary>
        public static string Splice(string path, string text, string region)
        {
            var begins = new List<(int Start, int Next, string NewLine, int Line)>();
            var ends = new List<(int Start, int Next, string NewLine, int Line)>();
            var line = 0;
            for (var start = 0; start < text.Length;)
            {
                line++;
                var newLine = text.IndexOf('\n', start);
                var end = newLine < 0 ? text.Length : newLine;
                var next = newLine < 0 ? text.Length : newLine + 1;
                var content = text.AsSpan(start, end - start).Trim();
                var ending = newLine < 0 ? string.Empty : end > start && text[end - 1] == '\r' ? "\r\n" : "\n";
                if (content.SequenceEqual(BeginMarker))
                {
                    begins.Add((start, next, ending, line));
                }
                else if (content.SequenceEqual(EndMarker))
                {
                    ends.Add((start, next, ending, line));
                }

                start = next;
            }

            if (begins.Count != 1 || ends.Count != 1 || begins[0].Start > ends[0].Start)
            {
                static string Count(List<(int Start, int Next, string NewLine, int Line)> found, string kind) => found.Count switch
                {
                    0 => $"no {kind} marker",
                    1 => $"one {kind} marker (line {found[0].Line})",
                    _ => $"{found.Count} {kind} markers (lines {string.Join(", ", found.Select(f => f.Line))})",
                };
                var found = begins.Count == 1 && ends.Count == 1
                    ? $"its end marker (line {ends[0].Line}) comes before its begin marker (line {begins[0].Line})"
                    : begins.Count + ends.Count == 0 ? "it has neither" : $"it has {Count(begins, "begin")} and {Count(ends, "end")}";
                throw new InvalidDataException(
                    $"{path}: the benchmark writes its results only between a line '{BeginMarker}' and a later line '{EndMarker}', "
                    + $"one of each, and {found}. The file is left as it is: put the two lines around the results section "
                    + "(everything outside them is kept byte for byte), or pass --out with another file or --no-out.");
            }

            var begin = begins[0];
            var endMarker = ends[0];
            var lineEnding = begin.NewLine.Length > 0 ? begin.NewLine : "\n";
            return string.Concat(text.AsSpan(0, begin.Next), lineEnding + Body(region, lineEnding), text.AsSpan(endMarker.Start));
        }

        /// <summary>The region's lines, in <paramref name="lineEnding"/>, ending with a line break and a blank line.</summary>
        private static string Body(string region, string lineEnding)
        {
            var body = region.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
            return body.Length == 0 ? string.Empty : (body + "\n\n").Replace("\n", lineEnding, StringComparison.Ordinal);
        }

        private static (string Text, bool Bom) Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var bom = bytes.AsSpan().StartsWith(Utf8Bom);
            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom ? Utf8Bom.Length : 0, bytes.Length - (bom ? Utf8Bom.Length : 0));
                return (text, bom);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException($"{path}: not UTF-8 text; the file is left as it is.");
            }
        }
    }
}
