using System.Linq;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Contract
{
    public class SampleContractTests
    {
        [Fact]
        public void Artworks_contract_parses()
        {
            var result = ContractParser.Parse(ContractTestHelpers.ReadArtworks());
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var contract = result.Contract!;

            Assert.Equal("Artworks API", contract.Name);
            Assert.True(contract.SuccessStatusesRestricted);
            Assert.Equal(new[] { 200, 201, 400, 401, 403, 404, 409, 429, 500 }, contract.Statuses.Keys.ToArray());
            Assert.Equal("200, 201, 400, 401, 403, 404, 409, 429, 500", contract.DocumentedList);

            Assert.Null(contract.Statuses[200].ErrorCode);
            Assert.Equal("Successful read", contract.Statuses[200].Description);
            Assert.Equal("bad_request", contract.Statuses[400].ErrorCode);
            Assert.Equal("unauthorized", contract.Statuses[401].ErrorCode);
            Assert.Equal("forbidden", contract.Statuses[403].ErrorCode);
            Assert.Equal("not_found", contract.Statuses[404].ErrorCode);
            Assert.Equal("Resource not found", contract.Statuses[404].Message);
            Assert.Equal("conflict", contract.Statuses[409].ErrorCode);
            Assert.Equal("rate_limited", contract.Statuses[429].ErrorCode);
            Assert.Equal("internal_error", contract.Statuses[500].ErrorCode);
            Assert.Equal(new[] { "retry_after" }, contract.Statuses[429].RequiredFields.ToArray());
            Assert.True(contract.Statuses[404].RequiredFields.IsEmpty);
            Assert.Equal(429, contract.Statuses[429].Code);

            Assert.Equal(8, contract.Replacements.Count);
            Assert.Equal(200, contract.Replacements[202]);
            Assert.Equal(200, contract.Replacements[204]);
            Assert.Equal(400, contract.Replacements[422]);
            Assert.Equal(500, contract.Replacements[504]);

            Assert.False(contract.IsDocumented(204));
            Assert.False(contract.IsDocumented(422));
            Assert.True(contract.IsDocumented(201));
            Assert.Equal(400, contract.GetReplacement(418));
            Assert.Equal(500, contract.GetReplacement(599));

            var body = contract.ErrorBody;
            Assert.Equal(new[] { "error", "message", "retry_after" }, body.Fields.Select(f => f.Name).ToArray());
            Assert.Equal(new[] { BodyFieldType.String, BodyFieldType.String, BodyFieldType.Integer }, body.Fields.Select(f => f.Type).ToArray());
            Assert.Equal(new[] { true, true, false }, body.Fields.Select(f => f.Required).ToArray());
            Assert.Equal("error", body.CodeField);
            Assert.Equal("message", body.MessageField);
            Assert.Null(body.Validation);

            var authorization = contract.Authorization!;
            Assert.Equal("Authorization", authorization.Header);
            Assert.Equal(BearerPolicy.Required, authorization.Bearer);
            Assert.Equal("ak_live_", authorization.KeyPrefix);
            Assert.Equal("Authorization: Bearer <ak_live_key>", authorization.Example);
        }

        [Fact]
        public void Studio_contract_parses()
        {
            var result = ContractParser.Parse(ContractTestHelpers.ReadStudio());
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var contract = result.Contract!;

            Assert.Equal("Studio API", contract.Name);
            Assert.False(contract.SuccessStatusesRestricted);
            Assert.Equal(new[] { 400, 401, 402, 403, 404, 429, 500, 502, 503 }, contract.Statuses.Keys.ToArray());
            Assert.All(contract.Statuses.Values, s => Assert.Null(s.ErrorCode));
            Assert.All(contract.Statuses.Values, s => Assert.True(s.RequiredFields.IsEmpty));
            Assert.Equal("Validation failed", contract.Statuses[400].Message);
            Assert.Equal("Not enough credits", contract.Statuses[402].Description);

            Assert.True(contract.IsDocumented(200));
            Assert.True(contract.IsDocumented(204));
            Assert.False(contract.IsDocumented(409));

            Assert.Equal(3, contract.Replacements.Count);
            Assert.Equal(400, contract.Replacements[409]);
            Assert.Equal(400, contract.Replacements[422]);
            Assert.Equal(503, contract.Replacements[504]);

            var body = contract.ErrorBody;
            Assert.Equal(new[] { "message", "errors" }, body.Fields.Select(f => f.Name).ToArray());
            Assert.Equal(BodyFieldType.String, body.Find("message")!.Type);
            Assert.True(body.Find("message")!.Required);
            Assert.Equal(BodyFieldType.Array, body.Find("errors")!.Type);
            Assert.False(body.Find("errors")!.Required);
            Assert.Null(body.CodeField);
            Assert.Equal("message", body.MessageField);

            var validation = body.Validation!;
            Assert.Equal("errors", validation.Field);
            Assert.Equal(new[] { 400 }, validation.Statuses.ToArray());
            Assert.Equal(new[] { "field", "message", "code" }, validation.ItemFields.ToArray());

            var authorization = contract.Authorization!;
            Assert.Equal("Authorization", authorization.Header);
            Assert.Equal(BearerPolicy.Forbidden, authorization.Bearer);
            Assert.Null(authorization.KeyPrefix);
            Assert.Equal("Authorization: <key>", authorization.Example);
        }

        [Fact]
        public void Samples_reference_the_schema()
        {
            Assert.Contains("\"$schema\": \"../../../schema/errorcontract.schema.json\"", ContractTestHelpers.ReadArtworks(), System.StringComparison.Ordinal);
            Assert.Contains("\"$schema\": \"../../../schema/errorcontract.schema.json\"", ContractTestHelpers.ReadStudio(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Byte_order_mark_is_accepted()
        {
            var result = ContractParser.Parse("\uFEFF" + ContractTestHelpers.ReadArtworks());
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            Assert.NotNull(result.Contract);
        }

        [Fact]
        public void Crlf_line_endings_are_accepted()
        {
            var text = ContractTestHelpers.ReadStudio().Replace("\r\n", "\n").Replace("\n", "\r\n");
            var result = ContractParser.Parse(text);
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
        }

        [Fact]
        public void Minimal_contract_uses_defaults()
        {
            var result = ContractParser.Parse("""{ "statuses": { "404": {} }, "errorBody": { "fields": { "message": { "type": "string" } } } }""");
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var contract = result.Contract!;
            Assert.Null(contract.Name);
            Assert.True(contract.SuccessStatusesRestricted);
            Assert.Empty(contract.Replacements);
            Assert.Null(contract.Authorization);
            Assert.False(contract.ErrorBody.Fields[0].Required);
            Assert.Null(contract.Statuses[404].Description);
        }

        [Fact]
        public void Authorization_header_defaults_to_Authorization()
        {
            var result = ContractParser.Parse("""{ "statuses": { "401": {} }, "errorBody": { "fields": { "message": { "type": "string" } } }, "authorization": { "bearer": "forbidden", "keyPrefix": "sk_" } }""");
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            Assert.Equal("Authorization", result.Contract!.Authorization!.Header);
            Assert.Equal("Authorization: <sk_key>", result.Contract.Authorization.Example);
        }

        [Fact]
        public void HeaderKey_contract_sends_the_bare_key_in_X_API_Key_never_in_Authorization_or_the_query()
        {
            var result = ContractParser.Parse(TestContracts.Get("header-key"));
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var contract = result.Contract!;
            Assert.False(contract.SuccessStatusesRestricted);
            Assert.Equal(new[] { 400, 401, 403, 404, 429, 500 }, contract.Statuses.Keys);
            Assert.Equal(new[] { "error", "message" }, contract.ErrorBody.Fields.Select(f => f.Name));
            Assert.All(contract.ErrorBody.Fields, f => Assert.True(f.Required));
            Assert.Null(contract.ErrorBody.CodeField);
            var authorization = contract.Authorization!;
            Assert.Equal("X-API-Key", authorization.Header);
            Assert.Null(authorization.Scheme);
            Assert.Equal(BearerPolicy.Forbidden, authorization.Bearer);
            Assert.True(authorization.QueryForbidden);
            Assert.Equal(new[] { "Authorization" }, authorization.ForbiddenHeaders);
            Assert.Equal("X-API-Key: <key>", authorization.Example);
        }

        [Theory]
        [InlineData("""{ "scheme": "Bearer" }""", "Authorization", "Bearer", "Authorization: Bearer <key>")]
        [InlineData("""{ "scheme": "bearer", "bearer": "required" }""", "Authorization", "bearer", "Authorization: bearer <key>")]
        [InlineData("""{ "scheme": "Basic" }""", "Authorization", "Basic", "Authorization: Basic <key>")]
        [InlineData("""{ "scheme": "Token", "keyPrefix": "tk_" }""", "Authorization", "Token", "Authorization: Token <tk_key>")]
        [InlineData("""{ "scheme": "none" }""", "Authorization", null, "Authorization: <key>")]
        [InlineData("""{ "bearer": "forbidden", "scheme": "none" }""", "Authorization", null, "Authorization: <key>")]
        [InlineData("""{ "header": "X-API-Key" }""", "X-API-Key", null, "X-API-Key: <key>")]
        [InlineData("""{ "header": "X-Auth", "scheme": "ApiKey" }""", "X-Auth", "ApiKey", "X-Auth: ApiKey <key>")]
        public void Authorization_scheme_is_the_word_before_the_key(string authorization, string header, string? scheme, string example)
        {
            var result = ContractParser.Parse("""{ "statuses": { "401": {} }, "errorBody": { "fields": { "message": { "type": "string" } } }, "authorization": """ + authorization + " }");
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var parsed = result.Contract!.Authorization!;
            Assert.Equal(header, parsed.Header);
            Assert.Equal(scheme, parsed.Scheme);
            Assert.Equal(example, parsed.Example);
            Assert.Equal(scheme != null && scheme.Equals("Bearer", System.StringComparison.OrdinalIgnoreCase), parsed.UsesBearer);
            Assert.False(parsed.HasForbiddenPlacements);
        }

        [Fact]
        public void Escapes_are_decoded()
        {
            var result = ContractParser.Parse("""{ "name": "Caf\u00e9 \"API\" \\ \/ \t", "statuses": { "404": {} }, "errorBody": { "fields": { "message": { "type": "string" } } } }""");
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            Assert.Equal("Café \"API\" \\ / \t", result.Contract!.Name);
        }
    }
}
