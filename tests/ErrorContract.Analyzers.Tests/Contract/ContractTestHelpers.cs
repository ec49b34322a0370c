using System;
using System.IO;
using System.Linq;
using ErrorContract.Analyzers.Contract;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Contract
{
    internal static class ContractTestHelpers
    {
        public static string ArtworksPath => Path.Combine(AppContext.BaseDirectory, "contracts", "artworks", "errorcontract.json");

        public static string StudioPath => Path.Combine(AppContext.BaseDirectory, "contracts", "studio", "errorcontract.json");

        public static string ReadArtworks() => File.ReadAllText(ArtworksPath);

        public static string ReadStudio() => File.ReadAllText(StudioPath);

        public static string Describe(ContractParseResult result)
            => string.Join(Environment.NewLine, result.Errors.Select(e => $"({e.Line},{e.Column}) [{e.Start}+{e.Length}] {e.Message}"));

        /// <summary>Asserts an error with this message part is reported at this zero-based line and column, and that the contract is refused.</summary>
        public static ContractError AssertError(string text, string messagePart, int line, int column)
        {
            var result = ContractParser.Parse(text);
            Assert.Null(result.Contract);
            AssertConsistent(text, result);
            var matches = result.Errors.Where(e => e.Message.Contains(messagePart, StringComparison.Ordinal)).ToList();
            Assert.True(matches.Count > 0, "No error contains '" + messagePart + "'. Errors:" + Environment.NewLine + Describe(result));
            Assert.True(
                matches.Any(e => e.Line == line && e.Column == column),
                "The error '" + messagePart + "' is not at (" + line + "," + column + "). Errors:" + Environment.NewLine + Describe(result));
            return matches.First(e => e.Line == line && e.Column == column);
        }

        /// <summary>Every result is a contract or errors (never both, never neither), and every error's line/column matches its offset.</summary>
        public static void AssertConsistent(string text, ContractParseResult result)
        {
            Assert.True((result.Contract == null) != (result.Errors.Count == 0), "A result must hold a contract or errors. Errors:" + Environment.NewLine + Describe(result));
            var previous = -1;
            foreach (var error in result.Errors)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                Assert.InRange(error.Start, 0, text.Length);
                Assert.InRange(error.Length, 0, text.Length - error.Start);
                var (line, column) = LineColumn(text, error.Start);
                Assert.Equal(line, error.Line);
                Assert.Equal(column, error.Column);
                Assert.True(error.Start >= previous, "Errors must be sorted by position.");
                previous = error.Start;
            }
        }

        /// <summary>An independent line/column computation (\r\n, \r and \n end a line).</summary>
        public static (int Line, int Column) LineColumn(string text, int offset)
        {
            var line = 0;
            var lineStart = 0;
            for (var i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                if (text[i] == '\r' || text[i] == '\n' || text[i] == '\u2028' || text[i] == '\u2029' || text[i] == '\u0085')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, offset - lineStart);
        }
    }
}
