using System.Linq;
using ErrorContract.Analyzers.Contract;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Contract
{
    /// <summary>
    /// The error body language: nested fields, items, enum, const, equalsStatus, per-status fields, open bodies, dotted code and
    /// message paths, several codes per status, the codes catalog and integer codes; and EC0000 for each way to get them wrong.
    /// </summary>
    public class BodyLanguageContractTests
    {
        [Fact]
        public void Payments_contract_parses_into_a_nested_body_with_a_code_path()
        {
            var text = System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "contracts", "payments", "errorcontract.json"));
            var result = ContractParser.Parse(text);
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var contract = result.Contract!;

            Assert.Equal("Payments API", contract.Name);
            Assert.True(contract.SuccessStatusesRestricted);
            Assert.Equal(new[] { 200, 400, 401, 402, 403, 404, 409, 429, 500 }, contract.Statuses.Keys.ToArray());
            Assert.Equal("card_error", contract.Statuses[402].ErrorCode);
            Assert.Equal("idempotency_error", contract.Statuses[409].ErrorCode);
            Assert.Equal("api_error", contract.Statuses[500].ErrorCode);
            Assert.All(new[] { 400, 401, 403, 404, 429 }, s => Assert.Equal("invalid_request_error", contract.Statuses[s].ErrorCode));

            var body = contract.ErrorBody;
            Assert.Equal("error.type", body.CodeField);
            Assert.Equal(new[] { "error", "type" }, body.CodePath.ToArray());
            Assert.Equal(new[] { "error", "message" }, body.MessagePath.ToArray());
            Assert.False(body.AdditionalFields);
            Assert.True(body.UsesNestedLanguage);
            var error = Assert.Single(body.Fields);
            Assert.Equal(BodyFieldType.Object, error.Type);
            Assert.True(error.Required);
            Assert.False(error.AdditionalFields);
            Assert.Equal(new[] { "type", "code", "message", "param", "doc_url" }, error.Fields.Select(f => f.Name).ToArray());
            Assert.Equal(new[] { true, false, true, false, false }, error.Fields.Select(f => f.Required).ToArray());
            Assert.Equal(new[] { "api_error", "card_error", "idempotency_error", "invalid_request_error" }, error.Find("type")!.Enum.Select(v => v.Text).ToArray());
            Assert.Same(error.Find("message"), body.FindPath("error.message"));
            Assert.Equal("sk_live_", contract.Authorization!.KeyPrefix);
        }

        [Fact]
        public void The_seed_contracts_use_none_of_the_new_language()
        {
            Assert.False(ContractParser.Parse(ContractTestHelpers.ReadArtworks()).Contract!.ErrorBody.UsesNestedLanguage);
            Assert.False(ContractParser.Parse(ContractTestHelpers.ReadStudio()).Contract!.ErrorBody.UsesNestedLanguage);
        }

        [Fact]
        public void Every_new_construct_is_read()
        {
            var result = ContractParser.Parse("""
                {
                  "statuses": {
                    "400": { "errorCodes": [1001, 1002] },
                    "422": { "errorCode": 1022, "requiredFields": ["detail.reason"] },
                    "429": {}
                  },
                  "errorBody": {
                    "fields": {
                      "code": { "type": "integer", "required": true, "description": "The error number." },
                      "status": { "type": "integer", "equalsStatus": true },
                      "ok": { "type": "boolean", "const": false },
                      "level": { "type": "string", "enum": ["warn", "fatal"] },
                      "detail": { "type": "object", "additionalFields": true, "fields": { "reason": { "type": "string" } } },
                      "errors": { "type": "array", "statuses": [422], "items": { "type": "object", "fields": { "field": { "type": "string", "required": true } } } },
                      "tags": { "type": "array", "items": { "type": "string" } }
                    },
                    "codeField": "code",
                    "additionalFields": true
                  },
                  "codes": { "1029": { "status": 429, "message": "Slow down", "description": "Too many requests" }, "1003": { "status": 400 } }
                }
                """);
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var contract = result.Contract!;
            var body = contract.ErrorBody;
            Assert.True(body.AdditionalFields);
            Assert.Equal(BodyFieldType.Integer, body.CodeType);
            Assert.Equal(new[] { "1001", "1002", "1003" }, contract.Statuses[400].ErrorCodes.ToArray());
            Assert.Equal("1001", contract.Statuses[400].ErrorCode);
            Assert.Equal(new[] { "1029" }, contract.Statuses[429].ErrorCodes.ToArray());
            Assert.Equal("Slow down", contract.Statuses[429].Message);
            Assert.Equal(new[] { "detail.reason" }, contract.Statuses[422].RequiredFields.ToArray());
            Assert.Equal(2, contract.Codes.Length);
            Assert.Equal("Too many requests", contract.Codes[0].Description);
            Assert.Equal("The error number.", body.Find("code")!.Description);
            Assert.True(body.Find("status")!.EqualsStatus);
            Assert.Equal("false", body.Find("ok")!.Const!.Text);
            Assert.Equal(BodyFieldType.Boolean, body.Find("ok")!.Const!.Type);
            Assert.Equal(new[] { "warn", "fatal" }, body.Find("level")!.Enum.Select(v => v.Text).ToArray());
            Assert.True(body.Find("detail")!.AdditionalFields);
            Assert.Equal(new[] { 422 }, body.Find("errors")!.Statuses.ToArray());
            Assert.True(body.Find("errors")!.AllowedOn(422));
            Assert.False(body.Find("errors")!.AllowedOn(400));
            Assert.Equal("field", body.Find("errors")!.Items!.Fields.Single().Name);
            Assert.Equal(BodyFieldType.String, body.Find("tags")!.Items!.Type);
        }

        [Fact]
        public void A_top_level_name_with_a_dot_is_still_a_name()
        {
            var result = ContractParser.Parse("""{ "statuses": { "400": { "errorCode": "bad" } }, "errorBody": { "fields": { "error.code": { "type": "string" } }, "codeField": "error.code" } }""");
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            Assert.Equal(new[] { "error.code" }, result.Contract!.ErrorBody.CodePath.ToArray());
        }

        [Fact]
        public void A_catalog_code_gives_a_status_its_code()
        {
            var result = ContractParser.Parse("""
                {
                  "statuses": { "400": { "errorCode": "bad" }, "429": {} },
                  "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" },
                  "codes": { "rate_limit_exceeded": { "status": 429 }, "insufficient_quota": { "status": 429 } }
                }
                """);
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            Assert.Equal(new[] { "rate_limit_exceeded", "insufficient_quota" }, result.Contract!.Statuses[429].ErrorCodes.ToArray());
            Assert.Equal(new[] { "bad" }, result.Contract.Statuses[400].ErrorCodes.ToArray());
        }

        [Theory]
        [InlineData("""
            {
              "statuses": { "400": { "errorCode": "bad" } },
              "errorBody": { "fields": { "error": { "type": "object", "fields": { "code": { "type": "string" } } } }, "codeField": "error.cod" }
            }
            """, "'codeField' of errorBody names 'error.cod', but 'error' declares no field 'cod'; its fields: code (did you mean 'code'?)", 2, 119)]
        [InlineData("""
            {
              "statuses": { "400": { "errorCode": "bad" } },
              "errorBody": { "fields": { "eror": { "type": "object", "fields": { "code": { "type": "string" } } } }, "codeField": "error.code" }
            }
            """, "'codeField' of errorBody names 'error.code', but errorBody.fields declares no field 'error'; its fields: eror (did you mean 'eror'?)", 2, 118)]
        [InlineData("""
            {
              "statuses": { "400": { "errorCode": "bad" } },
              "errorBody": { "fields": { "error": { "type": "string" } }, "codeField": "error.code" }
            }
            """, "'codeField' of errorBody names 'error.code', but 'error' is declared with type \"string\"; a path can only go through object fields declared with their 'fields'", 2, 75)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "error": { "type": "object", "fields": { "text": { "type": "string" } } } }, "messageField": "error.txt" }
            }
            """, "'messageField' of errorBody names 'error.txt', but 'error' declares no field 'txt'; its fields: text (did you mean 'text'?)", 2, 122)]
        [InlineData("""
            {
              "statuses": { "400": { "requiredFields": ["error.parm"] } },
              "errorBody": { "fields": { "error": { "type": "object", "fields": { "param": { "type": "string" } } } } }
            }
            """, "'requiredFields' of status \"400\" names 'error.parm', but 'error' declares no field 'parm'; its fields: param (did you mean 'param'?)", 1, 44)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "string", "fields": { "a": { "type": "string" } } } } }
            }
            """, "'fields' of field 'message' of errorBody.fields is only allowed with \"type\": \"object\"; the field is declared with type \"string\"", 2, 60)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "errors": { "type": "object", "items": { "type": "string" } } } }
            }
            """, "'items' of field 'errors' of errorBody.fields is only allowed with \"type\": \"array\"; the field is declared with type \"object\"", 2, 59)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "type": { "type": "string", "enum": ["api_error", 42] } } }
            }
            """, "each value of 'enum' of field 'type' of errorBody.fields must be a string, the field's type, not 42", 2, 79)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "ok": { "type": "boolean", "const": "false" } } }
            }
            """, "'const' of field 'ok' of errorBody.fields must be a boolean (true or false), the field's type, not \"false\"", 2, 65)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "status": { "type": "string", "equalsStatus": true } } }
            }
            """, "'equalsStatus' of field 'status' of errorBody.fields is only allowed with \"type\": \"integer\"", 2, 59)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "type": { "type": "string", "enum": [] } } }
            }
            """, "'enum' of field 'type' of errorBody.fields is empty", 2, 65)]
        [InlineData("""
            {
              "statuses": { "400": { "errorCodes": ["a", "b"] } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'errorCodes' of status \"400\" lists codes, but errorBody has no 'codeField'", 1, 40)]
        [InlineData("""
            {
              "statuses": { "400": { "errorCode": "a", "errorCodes": ["b"] } },
              "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" }
            }
            """, "status \"400\" has both 'errorCode' and 'errorCodes'", 1, 43)]
        [InlineData("""
            {
              "statuses": { "200": {}, "400": { "errorCode": "bad" } },
              "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" },
              "codes": { "rate_limited": { "status": 429 } }
            }
            """, "'status' of code \"rate_limited\" of 'codes' is 429, which is not a documented error status; a code belongs to one of the error statuses the contract documents: 400", 3, 41)]
        [InlineData("""
            {
              "statuses": { "200": {}, "400": { "errorCode": "bad" } },
              "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" },
              "codes": { "ok": { "status": 200 } }
            }
            """, "'status' of code \"ok\" of 'codes' is 200, which is not a documented error status", 3, 31)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "string" } } },
              "codes": { "bad": { "status": 400 } }
            }
            """, "'codes' lists error codes, but errorBody has no 'codeField'", 3, 2)]
        [InlineData("""
            {
              "statuses": { "400": {}, "422": {} },
              "errorBody": { "fields": { "errors": { "type": "object", "statuses": [422, 409] } } }
            }
            """, "'statuses' of field 'errors' of errorBody.fields lists 409, which is not a documented error status; the contract documents the error statuses 400, 422", 2, 77)]
        [InlineData("""
            {
              "statuses": { "400": { "errorCode": "bad" } },
              "errorBody": { "fields": { "code": { "type": "integer" } }, "codeField": "code" }
            }
            """, "'errorCode' of status \"400\" must be an integer, because the code field 'code' is declared with type \"integer\", not \"bad\"", 1, 38)]
        [InlineData("""
            {
              "statuses": { "400": { "errorCode": "oops" } },
              "errorBody": { "fields": { "type": { "type": "string", "enum": ["bad", "worse"] } }, "codeField": "type" }
            }
            """, "'errorCode' of status \"400\" is \"oops\", which the 'enum' of the code field 'type' does not list; it lists \"bad\", \"worse\"", 1, 38)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "error": { "type": "object", "fields": { "typ": { "type": "string", "requird": true } } } } }
            }
            """, "unknown property 'requird' in field 'error.typ' of errorBody.fields (did you mean 'required'?)", 2, 97)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "errors": { "type": "array", "items": { "type": "object", "required": true } } } }
            }
            """, "unknown property 'required' in the 'items' of field 'errors' of errorBody.fields", 2, 87)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "ok": { "type": "boolean", "enum": [false], "const": false } } }
            }
            """, "'const' of field 'ok' of errorBody.fields cannot be used together with 'enum'", 2, 73)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "string" } }, "additionalFields": "yes" }
            }
            """, "'additionalFields' of errorBody must be true", 2, 84)]

        public void Invalid_body_language_is_reported_at_the_offending_key_or_value(string text, string message, int line, int column)
        {
            ContractTestHelpers.AssertError(text, message, line, column);
        }
    }
}
