using ErrorContract.Analyzers.Contract;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Contract
{
    /// <summary>Text that is not JSON: one clear error at the place where reading stopped.</summary>
    public class JsonSyntaxErrorTests
    {
        [Theory]
        [InlineData("", "the file is empty", 0, 0)]
        [InlineData("\uFEFF", "the file is empty", 0, 0)]
        [InlineData("   \n\t  ", "the file holds only whitespace", 0, 0)]
        [InlineData("""{"name": "x}""", "unterminated string; the file ends before its closing '\"'", 0, 9)]
        [InlineData("{\"name\": \"a\nb\"}", "unterminated string; a string must end with '\"' on the line it starts on", 0, 9)]
        [InlineData("""{"name": "x",}""", "trailing comma after property \"name\"; JSON allows no ',' before '}'", 0, 12)]
        [InlineData("{\n  \"name\": \"x\",\n}", "trailing comma after property \"name\"", 1, 13)]
        [InlineData("""{"a": [1, 2,]}""", "trailing comma after the last item of an array", 0, 11)]
        [InlineData("""{"statuses" {}}""", "expected ':' after property name \"statuses\", found '{'", 0, 12)]
        [InlineData("""{"statuses" """, "unexpected end of file; expected ':' after property name \"statuses\"", 0, 12)]
        [InlineData("""{} x""", "unexpected 'x' after the end of the JSON value", 0, 3)]
        [InlineData("""{}}""", "unexpected '}' after the end of the JSON value", 0, 2)]
        [InlineData("{}\n{}", "unexpected '{' after the end of the JSON value", 1, 0)]
        [InlineData("{\"name\": \"a\tb\"}", "control character U+0009 inside a string", 0, 11)]
        [InlineData("{\"name\": \"a\u0001b\"}", "control character U+0001 inside a string", 0, 11)]
        [InlineData("{\u0001}", "expected a property name in double quotes, found character U+0001", 0, 1)]
        [InlineData("""{"name": "a\qb"}""", "invalid escape '\\q' in a string", 0, 11)]
        [InlineData("""{"name": "\u12G4"}""", "invalid escape '\\u12G4' in a string; \\u must be followed by exactly four hexadecimal digits", 0, 10)]
        [InlineData("""{"name": "\u12"}""", "invalid escape '\\u12'", 0, 10)]
        [InlineData("""{"a": 01}""", "invalid number '01'", 0, 6)]
        [InlineData("""{"a": 1.}""", "invalid number '1.'", 0, 6)]
        [InlineData("""{"a": +1}""", "invalid number '+1'", 0, 6)]
        [InlineData("""{"a": .5}""", "invalid number '.5'", 0, 6)]
        [InlineData("""{"a": -}""", "invalid number '-'", 0, 6)]
        [InlineData("""{"a": 1e}""", "invalid number '1e'", 0, 6)]
        [InlineData("""{"a": 12px}""", "invalid number '12px'", 0, 6)]
        [InlineData("""{"a": True}""", "JSON literals are lowercase: write true", 0, 6)]
        [InlineData("""{"a": NULL}""", "JSON literals are lowercase: write null", 0, 6)]
        [InlineData("""{"a": NaN}""", "unexpected 'NaN' where a JSON value", 0, 6)]
        [InlineData("""{"a": nul}""", "unexpected 'nul' where a JSON value", 0, 6)]
        [InlineData("""{"a": undocumented}""", "put it in double quotes: \"undocumented\"", 0, 6)]
        [InlineData("""{'a': 1}""", "property names must be in double quotes", 0, 1)]
        [InlineData("""{"a": 'x'}""", "strings must be in double quotes (\"...\"), not single quotes", 0, 6)]
        [InlineData("// the contract\n{}", "comments are not allowed", 0, 0)]
        [InlineData("""{"a": 1 /* note */}""", "comments are not allowed: a contract file is strict JSON, so remove the '/*' comment", 0, 8)]
        [InlineData("{\n  \"a\": 1, // note\n  \"b\": 2\n}", "remove the '//' comment", 1, 10)]
        [InlineData("""{"a": 1 "b": 2}""", "expected ',' or '}' after the value of property \"a\", found '\"' (is a ',' missing?)", 0, 8)]
        [InlineData("""{"a": """, "unexpected end of file; expected a JSON value (an object, an array, a string in double quotes, a number, true, false or null) for property \"a\"", 0, 6)]
        [InlineData("""{"a": 1""", "unexpected end of file; expected ',' or '}' after the value of property \"a\"", 0, 7)]
        [InlineData("""{""", "unexpected end of file inside an object", 0, 1)]
        [InlineData("""{"a": 1,""", "unexpected end of file inside an object; expected a property name", 0, 8)]
        [InlineData("""{"a": [1""", "unexpected end of file inside an array", 0, 8)]
        [InlineData("""{"a": [1 2]}""", "expected ',' or ']' after an array item, found '2'", 0, 9)]
        [InlineData("""{"a": [,]}""", "expected a JSON value", 0, 7)]
        [InlineData("""{1: 2}""", "expected a property name in double quotes, found '1'", 0, 1)]
        [InlineData("""{"a": 1, }""", "trailing comma after property \"a\"", 0, 7)]
        [InlineData("""{"a": 1,, "b": 2}""", "expected a property name in double quotes, found ',' (after property \"a\")", 0, 8)]
        [InlineData("""{"a": :}""", "expected a JSON value", 0, 6)]
        [InlineData("}", "expected a JSON value (an object, an array, a string in double quotes, a number, true, false or null), found '}'", 0, 0)]
        [InlineData("\r\n\r\n  {\"a\" 1}", "expected ':' after property name \"a\", found '1'", 2, 7)]
        [InlineData("\r\r{\"a\" 1}", "expected ':' after property name \"a\"", 2, 5)]
        public void Bad_json_is_one_error_at_its_position(string text, string message, int line, int column)
        {
            var result = ContractParser.Parse(text);
            Assert.Null(result.Contract);
            Assert.True(result.Errors.Count == 1, ContractTestHelpers.Describe(result));
            ContractTestHelpers.AssertError(text, message, line, column);
        }

        [Theory]
        [InlineData("[]", "the contract must be a JSON object ({ \"statuses\": ..., \"errorBody\": ... }), not an array", 0, 0)]
        [InlineData("  \"statuses\"", "the contract must be a JSON object", 0, 2)]
        [InlineData("42", "not 42", 0, 0)]
        [InlineData("null", "not null", 0, 0)]
        [InlineData("\uFEFFtrue", "not true", 0, 1)]
        public void Root_must_be_an_object(string text, string message, int line, int column)
        {
            ContractTestHelpers.AssertError(text, message, line, column);
        }

        [Fact]
        public void Duplicate_keys_are_reported_at_the_second_key()
        {
            var text = "{\n  \"name\": \"A\",\n  \"name\": \"B\"\n}";
            var error = ContractTestHelpers.AssertError(text, "duplicate property \"name\"; it is already set on line 2", 2, 2);
            Assert.Equal(6, error.Length);
        }

        [Fact]
        public void Duplicate_status_keys_are_reported_with_the_other_errors()
        {
            var text = "{\n  \"statuses\": {\n    \"404\": {},\n    \"404\": {}\n  },\n  \"statuss\": 1\n}";
            ContractTestHelpers.AssertError(text, "duplicate property \"404\"", 3, 4);
            ContractTestHelpers.AssertError(text, "unknown property 'statuss'", 5, 2);
            ContractTestHelpers.AssertError(text, "the contract root has no 'errorBody'", 0, 0);
        }

        [Fact]
        public void Duplicate_keys_with_crlf_line_endings()
        {
            ContractTestHelpers.AssertError("{\r\n\"a\": 1,\r\n\"a\": 2}", "duplicate property \"a\"", 2, 0);
        }

        [Fact]
        public void Nesting_of_1000_levels_is_one_error_at_the_65th_level()
        {
            var text = new string('[', 1000) + new string(']', 1000);
            var error = ContractTestHelpers.AssertError(text, "nested more than 64 levels deep", 0, 64);
            Assert.Single(ContractParser.Parse(text).Errors);
            Assert.Equal(1, error.Length);

            var objects = "{\"statuses\": " + string.Concat(System.Linq.Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1001);
            ContractTestHelpers.AssertError(objects, "nested more than 64 levels deep", 0, 13 + (63 * 5));
        }

        [Fact]
        public void Nesting_of_64_levels_is_accepted_as_json()
        {
            var text = new string('[', 64) + new string(']', 64);
            ContractTestHelpers.AssertError(text, "the contract must be a JSON object", 0, 0);
        }

        [Fact]
        public void Too_large_text_is_refused()
        {
            var text = "{\"name\": \"" + new string('x', 2_000_000) + "\"}";
            ContractTestHelpers.AssertError(text, "the file is too large (2,000,012 characters)", 0, 0);
        }

        [Fact]
        public void Large_but_allowed_text_is_read()
        {
            var text = "{\"name\": \"" + new string('x', 500_000) + "\", \"statuses\": { \"404\": {} }, \"errorBody\": { \"fields\": { \"message\": { \"type\": \"string\" } } } }";
            var result = ContractParser.Parse(text);
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            Assert.Equal(500_000, result.Contract!.Name!.Length);
        }

        [Fact]
        public void Surrogate_pairs_and_unicode_line_separators_inside_strings_are_accepted()
        {
            var text = "{\"name\": \"API \uD83D\uDE80 \u2028 x\", \"statuses\": { \"404\": {} }, \"errorBody\": { \"fields\": { \"message\": { \"type\": \"string\" } } } }";
            var result = ContractParser.Parse(text);
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
        }

        [Fact]
        public void Null_text_is_an_empty_file()
        {
            var result = ContractParser.Parse(null!);
            Assert.Contains("the file is empty", result.Errors[0].Message, System.StringComparison.Ordinal);
        }
    }
}
