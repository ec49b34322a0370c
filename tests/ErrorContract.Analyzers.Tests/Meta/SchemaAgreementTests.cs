using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Json.Schema;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Meta
{
    /// <summary>
    /// The JSON Schema and the parser accept exactly the same files: every sample contract, and a corpus of valid and invalid
    /// snippets of the error body language, are validated by a real JSON Schema validator and by the parser, which must agree.
    /// (What the schema cannot state, such as a path naming a declared field or a status being documented, is the parser's
    /// alone, and is tested in <c>Contract/BodyLanguageContractTests</c>.)
    /// </summary>
    public sealed class SchemaAgreementTests
    {
        private static readonly Lazy<JsonSchema> Schema = new Lazy<JsonSchema>(() => JsonSchema.FromText(
            File.ReadAllText(Path.Combine(PackageConventionTests.RepositoryRoot(), "schema", "errorcontract.schema.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

        private static readonly Dictionary<string, (bool Valid, string Json)> Corpus = new Dictionary<string, (bool Valid, string Json)>
        {
            ["flat_fields"] = (true, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "code": { "type": "string", "required": true } }, "codeField": "code" } }"""),
            ["nested_object_with_code_path"] = (true, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "error": { "type": "object", "required": true, "fields": { "code": { "type": "string", "required": true }, "message": { "type": "string" } } } }, "codeField": "error.code", "messageField": "error.message" } }"""),
            ["open_body_and_open_object"] = (true, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "code": { "type": "string" }, "meta": { "type": "object", "additionalFields": true } }, "codeField": "code", "additionalFields": true } }"""),
            ["typed_items"] = (true, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "code": { "type": "string" }, "errors": { "type": "array", "items": { "type": "object", "fields": { "field": { "type": "string", "required": true } } } }, "tags": { "type": "array", "items": { "type": "string", "enum": ["a", "b"] } } }, "codeField": "code" } }"""),
            ["enum_const_equals_status_statuses"] = (true, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "code": { "type": "string", "enum": ["bad", "invalid"] }, "ok": { "type": "boolean", "const": false }, "status": { "type": "integer", "equalsStatus": true }, "rate": { "type": "number", "enum": [0.5, 1] }, "errors": { "type": "object", "statuses": [422] } }, "codeField": "code" } }"""),
            ["error_codes_and_catalog"] = (true, """{ "statuses": { "400": { "errorCodes": ["bad", "worse"] }, "429": {} }, "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" }, "codes": { "slow_down": { "status": 429, "message": "Slow down", "description": "Too many requests" } } }"""),
            ["integer_codes"] = (true, """{ "statuses": { "400": { "errorCode": 1001 }, "422": { "errorCodes": [1022, 1023] } }, "errorBody": { "fields": { "code": { "type": "integer" } }, "codeField": "code" } }"""),
            ["fields_on_a_string"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "message": { "type": "string", "fields": { "a": { "type": "string" } } } } } }"""),
            ["additional_fields_on_an_array"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "errors": { "type": "array", "additionalFields": true } } } }"""),
            ["items_on_an_object"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "errors": { "type": "object", "items": { "type": "string" } } } } }"""),
            ["empty_nested_fields"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "error": { "type": "object", "fields": {} } } } }"""),
            ["enum_value_of_the_wrong_type"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "kind": { "type": "string", "enum": ["a", 42] } } } }"""),
            ["integer_enum_with_a_fraction"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "kind": { "type": "integer", "enum": [1, 2.5] } } } }"""),
            ["const_of_the_wrong_type"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "ok": { "type": "boolean", "const": "false" } } } }"""),
            ["enum_on_an_object"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "error": { "type": "object", "enum": ["a"] } } } }"""),
            ["enum_and_const"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "ok": { "type": "boolean", "enum": [false], "const": false } } } }"""),
            ["empty_enum"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "kind": { "type": "string", "enum": [] } } } }"""),
            ["duplicate_enum_values"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "kind": { "type": "string", "enum": ["a", "a"] } } } }"""),
            ["equals_status_on_a_string"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "status": { "type": "string", "equalsStatus": true } } } }"""),
            ["equals_status_not_a_boolean"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "status": { "type": "integer", "equalsStatus": "yes" } } } }"""),
            ["empty_field_statuses"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "errors": { "type": "object", "statuses": [] } } } }"""),
            ["impossible_field_status"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "errors": { "type": "object", "statuses": [999] } } } }"""),
            ["required_in_items"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "errors": { "type": "array", "items": { "type": "string", "required": true } } } } }"""),
            ["items_without_type"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "errors": { "type": "array", "items": { "enum": ["a"] } } } } }"""),
            ["additional_fields_not_a_boolean"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "message": { "type": "string" } }, "additionalFields": "yes" } }"""),
            ["error_code_and_error_codes"] = (false, """{ "statuses": { "400": { "errorCode": "bad", "errorCodes": ["worse"] } }, "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" } }"""),
            ["empty_error_codes"] = (false, """{ "statuses": { "400": { "errorCodes": [] } }, "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" } }"""),
            ["empty_error_code"] = (false, """{ "statuses": { "400": { "errorCode": "" } }, "errorBody": { "fields": { "code": { "type": "string" } } } }"""),
            ["error_code_not_a_string_or_integer"] = (false, """{ "statuses": { "400": { "errorCode": true } }, "errorBody": { "fields": { "code": { "type": "string" } } } }"""),
            ["catalog_entry_without_status"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" }, "codes": { "slow_down": { "message": "Slow down" } } }"""),
            ["catalog_entry_with_an_unknown_key"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" }, "codes": { "bad": { "status": 400, "hint": "x" } } }"""),
            ["catalog_not_an_object"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "code": { "type": "string" } }, "codeField": "code" }, "codes": ["bad"] }"""),
            ["unknown_key_in_a_nested_field"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "error": { "type": "object", "fields": { "code": { "type": "string", "requird": true } } } } } }"""),
            ["empty_nested_field_name"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "error": { "type": "object", "fields": { "": { "type": "string" } } } } } }"""),
            ["description_not_a_string"] = (false, """{ "statuses": { "400": { "errorCode": "bad" }, "422": { "errorCode": "invalid" } }, "errorBody": { "fields": { "message": { "type": "string", "description": 1 } } } }"""),
        };

        public static IEnumerable<object[]> CorpusNames => Corpus.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public void EverySampleContract_IsValid_ForTheSchemaAndTheParser(string name)
        {
            var text = TestContracts.Get(name);
            Assert.True(SchemaAccepts(text), name + " is refused by the schema");
            var result = ContractParser.Parse(text);
            Assert.True(result.Contract != null, name + " is refused by the parser: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        [Theory]
        [MemberData(nameof(CorpusNames))]
        public void TheSchemaAndTheParser_AgreeOnEverySnippet(string name)
        {
            var (valid, json) = Corpus[name];
            var result = ContractParser.Parse(json);
            Assert.True(valid == (result.Contract != null), name + ": the parser " + (valid ? "refuses it: " + string.Join("; ", result.Errors.Select(e => e.Message)) : "accepts it"));
            Assert.True(valid == SchemaAccepts(json), name + ": the schema " + (valid ? "refuses it" : "accepts it"));
        }

        private static bool SchemaAccepts(string json)
        {
            using var document = JsonDocument.Parse(json);
            return Schema.Value.Evaluate(document.RootElement).IsValid;
        }
    }
}
