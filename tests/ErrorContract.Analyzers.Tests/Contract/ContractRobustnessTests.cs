using System;
using System.Text;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Contract
{
    /// <summary>The reader runs inside the compiler: no input may make it throw or report a position outside the text.</summary>
    public class ContractRobustnessTests
    {
        public static TheoryData<string> Samples => new TheoryData<string> { "artworks", "studio" };

        private static string Read(string sample) => sample == "artworks" ? ContractTestHelpers.ReadArtworks() : ContractTestHelpers.ReadStudio();

        [Theory]
        [MemberData(nameof(Samples))]
        public void Cut_off_at_every_character_never_throws(string sample)
        {
            var text = Read(sample);
            var trimmed = text.TrimEnd();
            for (var length = 0; length <= text.Length; length++)
            {
                var cut = text.Substring(0, length);
                var result = ContractParser.Parse(cut);
                ContractTestHelpers.AssertConsistent(cut, result);
                if (length < trimmed.Length)
                {
                    // Until the closing brace is there, the text is not JSON: exactly one syntax error.
                    Assert.Null(result.Contract);
                    Assert.Single(result.Errors);
                }
                else
                {
                    Assert.NotNull(result.Contract);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Samples))]
        public void Deleting_any_character_never_throws(string sample)
        {
            var text = Read(sample);
            for (var i = 0; i < text.Length; i++)
            {
                var mutated = text.Remove(i, 1);
                ContractTestHelpers.AssertConsistent(mutated, ContractParser.Parse(mutated));
            }
        }

        [Theory]
        [MemberData(nameof(Samples))]
        public void Random_mutations_never_throw(string sample)
        {
            var text = Read(sample);
            const string alphabet = "{}[]\",:\\/ \n\r\t0123456789-+.eEtrufalsn*\u0000\u001F\uFEFF\u2028\uD800abc";
            foreach (var mutated in JsonMutations.Random(text, 12345, alphabet, 3000))
            {
                ContractTestHelpers.AssertConsistent(mutated, ContractParser.Parse(mutated));
            }
        }

        [Fact]
        public void Random_garbage_never_throws()
        {
            var random = new Random(678);
            for (var round = 0; round < 2000; round++)
            {
                var chars = new char[random.Next(0, 60)];
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : "{}[]\":,0-1e.tfn \\u"[random.Next(18)];
                }

                var text = new string(chars);
                ContractTestHelpers.AssertConsistent(text, ContractParser.Parse(text));
            }
        }

        [Theory]
        [InlineData("[{\"a\":")]
        [InlineData("[")]
        [InlineData("{\"a\":")]
        [InlineData("{\"a\":[")]
        public void Deep_unclosed_nesting_never_throws(string unit)
        {
            var text = new StringBuilder().Insert(0, unit, 100_000).ToString();
            var result = ContractParser.Parse(text);
            ContractTestHelpers.AssertConsistent(text, result);
            Assert.Contains("nested more than 64 levels deep", result.Errors[0].Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public void Wrong_encodings_never_throw(string sample)
        {
            var text = sample == "artworks" ? ContractTestHelpers.ReadArtworks() : ContractTestHelpers.ReadStudio();

            // UTF-16 bytes read as UTF-8 (NULs between the characters), Latin-1 mojibake, a byte-order mark.
            var utf16AsUtf8 = Encoding.UTF8.GetString(Encoding.Unicode.GetBytes(text));
            var latin1 = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text.Replace("API", "API \u00e9\u00e8 \u2014 caf\u00e9")));
            var bom = "\uFEFF" + text;
            foreach (var variant in new[] { utf16AsUtf8, latin1, bom, "\0\0\0", "\uFFFD\uFFFD" })
            {
                var result = ContractParser.Parse(variant);
                ContractTestHelpers.AssertConsistent(variant, result);
            }

            Assert.NotEmpty(ContractParser.Parse(utf16AsUtf8).Errors);
        }

        [Fact]
        public void Huge_contracts_never_throw()
        {
            // A field list of 200,000 names and a string of 2 million characters.
            var names = new StringBuilder();
            for (var i = 0; i < 200_000; i++)
            {
                names.Append(i == 0 ? string.Empty : ", ").Append("\"f").Append(i).Append('"');
            }

            var text = "{ \"name\": \"" + new string('x', 2_000_000) + "\", \"statuses\": { \"400\": { \"requiredFields\": [" + names
                + "] } }, \"errorBody\": { \"fields\": { \"message\": { \"type\": \"string\" } } } }";
            var result = ContractParser.Parse(text);
            ContractTestHelpers.AssertConsistent(text, result);
            Assert.NotEmpty(result.Errors);
        }
    }
}
