using System;
using ErrorContract.Analyzers.Contract.OpenApi;
using ErrorContract.Analyzers.Tests.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ErrorContract.Analyzers.Tests.OpenApi
{
    /// <summary>The OpenAPI reader runs inside the compiler: no input may make it throw or report a position outside the text.</summary>
    public sealed class OpenApiRobustnessTests
    {
        /// <summary>Every result is a document or errors (never both, never neither), and every error's line/column matches its offset.</summary>
        internal static void AssertConsistent(string text, OpenApiParseResult result)
        {
            Assert.True((result.Document == null) != (result.Errors.Count == 0), "A result must hold a document or errors.");
            var previous = -1;
            foreach (var error in result.Errors)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                Assert.DoesNotContain("internal error", error.Message, StringComparison.Ordinal);
                Assert.InRange(error.Start, 0, text.Length);
                Assert.InRange(error.Length, 0, text.Length - error.Start);
                var (line, column) = ContractTestHelpers.LineColumn(text, error.Start);
                Assert.Equal(line, error.Line);
                Assert.Equal(column, error.Column);
                Assert.True(error.Start >= previous, "Errors must be sorted by position.");
                previous = error.Start;
            }
        }

        [Fact]
        public void Cut_off_at_every_character_never_throws()
        {
            var text = OpenApiDocuments.Artworks;
            var trimmed = text.TrimEnd();
            for (var length = 0; length <= text.Length; length++)
            {
                var cut = text.Substring(0, length);
                var result = OpenApiParser.Parse(cut);
                AssertConsistent(cut, result);
                if (length < trimmed.Length)
                {
                    Assert.Null(result.Document);
                    Assert.Single(result.Errors);
                }
                else
                {
                    Assert.NotNull(result.Document);
                }
            }
        }

        [Fact]
        public void Deleting_any_character_never_throws()
        {
            var text = OpenApiDocuments.Artworks;
            for (var i = 0; i < text.Length; i++)
            {
                var mutated = text.Remove(i, 1);
                AssertConsistent(mutated, OpenApiParser.Parse(mutated));
            }
        }

        [Fact]
        public void Random_mutations_never_throw()
        {
            var text = OpenApiDocuments.Artworks;
            const string alphabet = "{}[]\",:\\/ \n\r\t0123456789-+.eEXxtrufalsn*$\u0000\uFEFF\u2028\uD800abc";
            foreach (var mutated in JsonMutations.Random(text, 2121, alphabet, 3000))
            {
                AssertConsistent(mutated, OpenApiParser.Parse(mutated));
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("null")]
        [InlineData("\"openapi\"")]
        [InlineData("{ \"openapi\": \"3.\" }")]
        [InlineData("{ \"openapi\": \"3.0\", \"paths\": { \"/{\": { \"get\": {} } } }")]
        [InlineData("{ \"openapi\": \"3.0\", \"paths\": { \"/a\": { \"get\": { \"responses\": [] } } } }")]
        [InlineData("{ \"openapi\": \"3.0\", \"paths\": { \"/a\": { \"get\": null } } }")]
        [InlineData("{ \"openapi\": \"3.0\", \"servers\": [ null, { \"url\": 5 }, { \"url\": \"ftp:\" } ], \"paths\": {} }")]
        public void Odd_documents_never_throw(string text)
        {
            AssertConsistent(text, OpenApiParser.Parse(text));
        }
    }
}
