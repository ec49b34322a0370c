using System.Linq;
using ErrorContract.Analyzers.Contract;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Contract
{
    /// <summary>Well-formed JSON that is not a valid contract: every problem, each at the offending key or value.</summary>
    public class ContractErrorTests
    {
        [Theory]
        // The contract root.
        [InlineData("""
            {
              "statuses": { "404": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "statuss": {}
            }
            """, "unknown property 'statuss' in the contract root (did you mean 'statuses'?); expected one of: $schema, name, successStatuses, statuses, replacements, errorBody, authorization", 3, 2)]
        [InlineData("""
            {
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "the contract root has no 'statuses'", 0, 0)]
        [InlineData("""
            {
              "statuses": { "404": {} }
            }
            """, "the contract root has no 'errorBody'", 0, 0)]
        [InlineData("""
            {
              "statuses": [404],
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'statuses' must be an object mapping status codes to entries", 1, 14)]
        [InlineData("""
            {
              "statuses": {},
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'statuses' is empty; list at least one documented status", 1, 14)]
        [InlineData("""
            {
              "$schema": 1,
              "statuses": { "404": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'$schema' must be a string", 1, 13)]
        [InlineData("""
            {
              "name": 42,
              "statuses": { "404": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'name' must be a string naming the API, such as \"Artworks API\", not 42", 1, 10)]
        [InlineData("""
            {
              "successStatuses": "all",
              "statuses": { "404": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'successStatuses' must be \"documented\" (only the listed 1xx-3xx statuses are allowed) or \"any\" (success statuses are not restricted), not \"all\"", 1, 21)]
        // Status keys and entries.
        [InlineData("""
            {
              "statuses": { "999": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "\"999\" (a key of 'statuses') is an impossible status; a status must be an HTTP status code from 100 to 599", 1, 16)]
        [InlineData("""
            {
              "statuses": { "404": {}, "abc": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "\"abc\" (a key of 'statuses') is an impossible status", 1, 27)]
        [InlineData("""
            {
              "statuses": { "0404": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "\"0404\" (a key of 'statuses') is an impossible status", 1, 16)]
        [InlineData("""
            {
              "statuses": { "99": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "\"99\" (a key of 'statuses') is an impossible status", 1, 16)]
        [InlineData("""
            {
              "statuses": { "404": "Not found" },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "status \"404\" must be an object such as { \"description\": \"...\" }, not \"Not found\"", 1, 23)]
        [InlineData("""
            {
              "statuses": { "404": { "descripton": "x" } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "unknown property 'descripton' in status \"404\" (did you mean 'description'?); expected one of: description, errorCode, errorCodes, message, requiredFields", 1, 25)]
        [InlineData("""
            {
              "statuses": { "404": { "message": false } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'message' of status \"404\" must be a string (the default message a fix writes into the body), not false", 1, 36)]
        [InlineData("""
            {
              "statuses": { "404": { "description": null } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'description' of status \"404\" must be a string", 1, 40)]
        [InlineData("""
            {
              "statuses": { "429": { "requiredFields": ["retry_afte"] } },
              "errorBody": { "fields": { "message": { "type": "string" }, "retry_after": { "type": "integer" } } }
            }
            """, "'requiredFields' of status \"429\" names 'retry_afte', which is not declared in errorBody.fields; declared fields: message, retry_after (did you mean 'retry_after'?)", 1, 44)]
        [InlineData("""
            {
              "statuses": { "429": { "requiredFields": "retry_after" } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'requiredFields' of status \"429\" must be an array of strings, such as [\"retry_after\"], not \"retry_after\"", 1, 43)]
        [InlineData("""
            {
              "statuses": { "429": { "requiredFields": ["message", 7] } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "each item of 'requiredFields' of status \"429\" must be a string (a field name), not 7", 1, 55)]
        [InlineData("""
            {
              "statuses": { "429": { "requiredFields": ["message", "message"] } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'requiredFields' of status \"429\" lists 'message' twice", 1, 55)]
        [InlineData("""
            {
              "statuses": { "404": { "errorCode": "" } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'errorCode' of status \"404\" is empty", 1, 38)]
        // codeField needs an errorCode on every error status.
        [InlineData("""
            {
              "statuses": {
                "200": {},
                "400": { "errorCode": "bad_request" },
                "404": { "description": "Not found" }
              },
              "errorBody": { "fields": { "error": { "type": "string" } }, "codeField": "error" }
            }
            """, "status \"404\" has no 'errorCode', but errorBody.codeField is \"error\", so every error status (400 and above) needs one", 4, 4)]
        // Replacements.
        [InlineData("""
            {
              "statuses": { "400": {}, "404": {} },
              "replacements": { "422": 410 },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "replacement \"422\" -> 410 targets a status the contract does not document; a replacement must be one of the documented statuses: 400, 404", 2, 27)]
        [InlineData("""
            {
              "statuses": { "400": {}, "404": {} },
              "replacements": { "404": 400 },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "replacement \"404\" replaces a status the contract documents; only undocumented statuses can be replaced, so remove this entry", 2, 20)]
        [InlineData("""
            {
              "successStatuses": "any",
              "statuses": { "400": {} },
              "replacements": { "204": 400 },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "replacement \"204\" replaces a status the contract documents (success statuses are not restricted, because 'successStatuses' is \"any\")", 3, 20)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "replacements": { "422": "400" },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "the replacement for \"422\" must be a documented status code written as an integer, such as 400, not \"400\"", 2, 27)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "replacements": { "422": 400.0 },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "must be a documented status code written as an integer, such as 400, not 400.0", 2, 27)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "replacements": { "422": 4000 },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "\"4000\" (the replacement for \"422\") is an impossible status", 2, 27)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "replacements": { "abc": 400 },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "\"abc\" (a key of 'replacements') is an impossible status", 2, 20)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "replacements": [422, 400],
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'replacements' must be an object mapping undocumented statuses to documented ones, such as { \"422\": 400 }, not an array", 2, 18)]
        // The error body.
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "field": { "message": { "type": "string" } } }
            }
            """, "unknown property 'field' in 'errorBody' (did you mean 'fields'?)", 2, 17)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "messageField": "message" }
            }
            """, "'errorBody' has no 'fields'", 2, 2)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": {} }
            }
            """, "'errorBody.fields' is empty; declare at least one field", 2, 27)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": "message"
            }
            """, "'errorBody' must be an object such as", 2, 15)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "str" } } }
            }
            """, "'type' of field 'message' of errorBody.fields must be one of \"string\", \"integer\", \"number\", \"boolean\", \"array\" or \"object\", not \"str\"", 2, 50)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "required": true } } }
            }
            """, "field 'message' of errorBody.fields has no 'type'", 2, 29)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": "string" } }
            }
            """, "field 'message' of errorBody.fields must be an object such as { \"type\": \"string\", \"required\": true }, not \"string\"", 2, 40)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "string", "required": "yes" } } }
            }
            """, "'required' of field 'message' of errorBody.fields must be true or false, not \"yes\"", 2, 72)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "string", "optional": true } } }
            }
            """, "unknown property 'optional' in field 'message' of errorBody.fields; expected one of: type, required", 2, 60)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": {
                "fields": { "message": { "type": "string" } },
                "codeField": "error"
              }
            }
            """, "'codeField' of errorBody names 'error', which is not declared in errorBody.fields; declared fields: message", 4, 17)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": {
                "fields": { "message": { "type": "string" }, "retry_after": { "type": "integer" } },
                "messageField": "retry_after"
              }
            }
            """, "'messageField' of errorBody names 'retry_after', which is declared with type \"integer\"; it must name a field of type \"string\"", 4, 20)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": {
                "fields": { "message": { "type": "string" } },
                "messageField": true
              }
            }
            """, "'messageField' of errorBody must be a string naming a declared string field", 4, 20)]
        // The validation variant.
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": {
                "fields": { "message": { "type": "string" }, "errors": { "type": "object" } },
                "validation": { "field": "errors", "statuses": [400], "itemFields": ["field"] }
              }
            }
            """, "'field' of errorBody.validation names 'errors', which is declared with type \"object\"; it must name a field of type \"array\"", 4, 29)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": {
                "fields": { "message": { "type": "string" }, "errors": { "type": "array" } },
                "validation": { "field": "errors", "statuses": [422], "itemFields": ["field"] }
              }
            }
            """, "errorBody.validation.statuses lists 422, which is not a documented status; the contract documents 400", 4, 52)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": {
                "fields": { "message": { "type": "string" }, "errors": { "type": "array" } },
                "validation": { "field": "errors", "statuses": ["400"], "itemFields": ["field"] }
              }
            }
            """, "each item of 'statuses' in errorBody.validation must be a status code integer such as 400, not \"400\"", 4, 52)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": {
                "fields": { "message": { "type": "string" }, "errors": { "type": "array" } },
                "validation": { "field": "errors", "statuses": [400], "itemFields": [] }
              }
            }
            """, "'itemFields' of errorBody.validation is empty; list at least one field name", 4, 72)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": {
                "fields": { "message": { "type": "string" }, "errors": { "type": "array" } },
                "validation": { "field": "errors", "itemFields": ["field"] }
              }
            }
            """, "errorBody.validation has no 'statuses'", 4, 4)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": {
                "fields": { "message": { "type": "string" }, "errors": { "type": "array" } },
                "validation": { "field": "errors", "statuses": [400], "itemFields": ["field"], "items": 1 }
              }
            }
            """, "unknown property 'items' in errorBody.validation; expected one of: field, statuses, itemFields", 4, 83)]
        // Authorization.
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "bearer": 42 }
            }
            """, "'bearer' must be \"required\" or \"forbidden\", not 42", 3, 31)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "bearer": "Required" }
            }
            """, "'bearer' must be \"required\" or \"forbidden\", not \"Required\"", 3, 31)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "header": "Authorization" }
            }
            """, "'authorization' has no 'bearer'; add \"bearer\": \"required\"", 3, 2)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "bearer": "required", "prefix": "ak_" }
            }
            """, "unknown property 'prefix' in 'authorization'; expected one of: header, bearer, keyPrefix", 3, 43)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "bearer": "required", "header": "Authorization: Bearer" }
            }
            """, "'header' of 'authorization' must be a header name such as \"Authorization\"", 3, 53)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "bearer": "required", "keyPrefix": 1 }
            }
            """, "'keyPrefix' of 'authorization' must be a string", 3, 56)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": "Bearer"
            }
            """, "'authorization' must be an object such as { \"bearer\": \"required\" }, not \"Bearer\"", 3, 19)]
        // Authorization: the scheme, keyPrefix and never (where the key must never go).
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "bearer": "required", "scheme": "Basic" }
            }
            """, "'scheme' \"Basic\" contradicts 'bearer': \"required\", which means \"scheme\": \"Bearer\"", 3, 53)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "bearer": "forbidden", "scheme": "Token" }
            }
            """, "'scheme' \"Token\" contradicts 'bearer': \"forbidden\", which means \"scheme\": \"none\" (the bare key)", 3, 54)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "scheme": "Bearer " }
            }
            """, "'scheme' of 'authorization' must be one word, such as \"Bearer\", \"Basic\" or \"Token\"", 3, 31)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "scheme": "Bearer " }
            }
            """, "(did you mean \"Bearer\"? the space after the word is not part of it)", 3, 31)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "scheme": 7 }
            }
            """, "'scheme' of 'authorization' must be a string: the word before the key in the header", 3, 31)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "header": "X API Key" }
            }
            """, "'header' of 'authorization' must be a header name such as \"Authorization\" or \"X-API-Key\"", 3, 31)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "header": "X-API-Key", "never": ["x-api-key"] }
            }
            """, "'never' lists \"x-api-key\", the header the key travels in ('header' is \"X-API-Key\"): two placements that contradict each other", 3, 54)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "scheme": "Bearer", "never": ["Authorization"] }
            }
            """, "'never' lists \"Authorization\", the header the key travels in ('header' is \"Authorization\"): two placements that contradict each other", 3, 51)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "header": "X-API-Key", "never": ["querystring"] }
            }
            """, "each item of 'never' must be \"query\" (the query string) or a header name such as \"Authorization\" (letters, digits and - _ . only), not \"querystring\" (did you mean \"query\"?)", 3, 54)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "header": "X-API-Key", "never": ["Query"] }
            }
            """, "not \"Query\" (did you mean \"query\"?)", 3, 54)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "header": "X-API-Key", "never": ["query", "query"] }
            }
            """, "'never' lists \"query\" twice; list each place once", 3, 63)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "header": "X-API-Key", "never": ["Authorization", "authorization"] }
            }
            """, "'never' lists the header \"authorization\" twice (header names are compared in any case)", 3, 71)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "header": "X-API-Key", "never": "query" }
            }
            """, "'never' of 'authorization' must be an array of the places the key must never go, such as [\"query\", \"Authorization\"], not \"query\"", 3, 53)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "header": "X-API-Key", "never": [1] }
            }
            """, "each item of 'never' must be a string", 3, 54)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "scheme": "Bearer", "keyPrefix": "" }
            }
            """, "'keyPrefix' of 'authorization' must be the text every API key starts with", 3, 54)]
        [InlineData("""
            {
              "statuses": { "401": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "authorization": { "scheme": "Bearer", "sheme": "Basic" }
            }
            """, "unknown property 'sheme' in 'authorization' (did you mean 'scheme'?)", 3, 41)]
        public void Invalid_contract_is_reported_at_the_offending_key_or_value(string text, string message, int line, int column)
        {
            ContractTestHelpers.AssertError(text, message, line, column);
        }

        [Fact]
        public void All_errors_are_collected_in_document_order()
        {
            var text = """
                {
                  "statuses": { "999": {}, "abc": {}, "404": { "requiredFields": ["nope"] } },
                  "errorBody": { "fields": { "message": { "type": "text" } } },
                  "authorization": { "bearer": 42 },
                  "extra": true
                }
                """;
            var result = ContractParser.Parse(text);
            ContractTestHelpers.AssertConsistent(text, result);
            Assert.Null(result.Contract);
            Assert.Equal(6, result.Errors.Count);
            Assert.Contains("\"999\"", result.Errors[0].Message, System.StringComparison.Ordinal);
            Assert.Contains("\"abc\"", result.Errors[1].Message, System.StringComparison.Ordinal);
            Assert.Contains("'nope'", result.Errors[2].Message, System.StringComparison.Ordinal);
            Assert.Contains("\"text\"", result.Errors[3].Message, System.StringComparison.Ordinal);
            Assert.Contains("'bearer'", result.Errors[4].Message, System.StringComparison.Ordinal);
            Assert.Contains("'extra'", result.Errors[5].Message, System.StringComparison.Ordinal);
            Assert.Equal(new[] { 1, 1, 1, 2, 3, 4 }, result.Errors.Select(e => e.Line).ToArray());
        }

        [Fact]
        public void Error_spans_cover_the_offending_text()
        {
            var text = """
                {
                  "statuses": { "404": {} },
                  "errorBody": { "fields": { "message": { "type": "string" } } },
                  "authorization": { "bearer": "sometimes" }
                }
                """;
            var error = ContractTestHelpers.AssertError(text, "'bearer' must be", 3, 31);
            Assert.Equal("\"sometimes\"", text.Substring(error.Start, error.Length));

            var key = ContractTestHelpers.AssertError(text.Replace("\"authorization\"", "\"auth\""), "unknown property 'auth'", 3, 2);
            Assert.Equal(6, key.Length);
        }

        [Fact]
        public void Missing_required_parts_of_the_root_are_all_reported()
        {
            var result = ContractParser.Parse("{}");
            Assert.Equal(2, result.Errors.Count);
            Assert.Contains("no 'statuses'", result.Errors[0].Message, System.StringComparison.Ordinal);
            Assert.Contains("no 'errorBody'", result.Errors[1].Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Documented_success_statuses_can_be_replaced_when_restricted()
        {
            var result = ContractParser.Parse("""{ "statuses": { "200": {}, "400": {} }, "replacements": { "204": 200 }, "errorBody": { "fields": { "message": { "type": "string" } } } }""");
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            Assert.Equal(200, result.Contract!.Replacements[204]);
        }
    }
}
