using System.Linq;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Contract
{
    /// <summary>
    /// <c>"format": "problemDetails"</c>: the RFC 9457 members declared for the contract, the per-status problem types (relative to
    /// <c>typeBase</c>) as the codes, titles as the messages, extension members allowed; and EC0000 for each way to get it wrong.
    /// </summary>
    public class ProblemDetailsContractTests
    {
        [Fact]
        public void The_problem_details_sample_declares_the_rfc_members_and_resolves_its_types()
        {
            var result = ContractParser.Parse(TestContracts.Get("problem-details"));
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var contract = result.Contract!;
            var body = contract.ErrorBody;

            Assert.True(body.IsProblemDetails);
            Assert.Equal("https://example.com/probs/", body.TypeBase);
            Assert.Equal(new[] { "type", "title", "status", "detail", "instance", "errors" }, body.Fields.Select(f => f.Name).ToArray());
            Assert.Equal(new[] { true, true, true, false, false, false }, body.Fields.Select(f => f.Required).ToArray());
            Assert.True(body.Find("status")!.EqualsStatus);
            Assert.Equal(new[] { 422 }, body.Find("errors")!.Statuses.ToArray());
            Assert.Equal("type", body.CodeField);
            Assert.Equal("title", body.MessageField);
            Assert.True(body.AdditionalFields);
            Assert.Equal("https://example.com/probs/not-found", contract.Statuses[404].ErrorCode);
            Assert.Equal("https://example.com/probs/validation-failed", contract.Statuses[422].ErrorCode);
            Assert.Equal(new[] { "errors" }, contract.Statuses[422].RequiredFields.ToArray());
            Assert.Equal(new[] { 200, 201, 204, 400, 401, 403, 404, 409, 422, 500 }, contract.Statuses.Keys.ToArray());
        }

        [Fact]
        public void Problem_details_alone_needs_no_fields_and_keeps_absolute_types()
        {
            var result = ContractParser.Parse("""
                {
                  "statuses": { "404": { "errorCode": "https://errors.example.org/not-found", "message": "Not Found" } },
                  "errorBody": { "format": "problemDetails" }
                }
                """);
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var body = result.Contract!.ErrorBody;
            Assert.Equal(new[] { "type", "title", "status", "detail", "instance" }, body.Fields.Select(f => f.Name).ToArray());
            Assert.Equal("https://errors.example.org/not-found", result.Contract.Statuses[404].ErrorCode);
        }

        [Fact]
        public void A_field_the_contract_declares_replaces_the_rfc_member_of_that_name()
        {
            var result = ContractParser.Parse("""
                {
                  "statuses": { "404": { } },
                  "errorBody": {
                    "format": "problemDetails",
                    "additionalFields": false,
                    "fields": { "title": { "type": "string" }, "traceId": { "type": "string", "required": true } }
                  }
                }
                """);
            Assert.True(result.Errors.Count == 0, ContractTestHelpers.Describe(result));
            var body = result.Contract!.ErrorBody;
            Assert.False(body.Find("title")!.Required);
            Assert.True(body.Find("traceId")!.Required);
            Assert.False(body.AdditionalFields);
            Assert.Null(body.CodeField);
        }

        [Fact]
        public void Without_the_format_the_body_is_what_its_fields_say()
        {
            var contract = ContractParser.Parse(TestContracts.Artworks).Contract!;
            Assert.False(contract.ErrorBody.IsProblemDetails);
            Assert.Null(contract.ErrorBody.TypeBase);
        }

        [Fact]
        public void An_unknown_format_is_reported_with_a_suggestion()
        {
            var error = ContractTestHelpers.AssertError(
                """
                {
                  "statuses": { "404": { } },
                  "errorBody": { "format": "problemdetail" }
                }
                """,
                "'format' of errorBody must be \"problemDetails\"",
                2,
                27);
            Assert.Contains("did you mean 'problemDetails'?", error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_type_base_that_is_not_an_absolute_uri_is_reported()
        {
            ContractTestHelpers.AssertError(
                """
                {
                  "statuses": { "404": { } },
                  "errorBody": { "format": "problemDetails", "typeBase": "/probs/" }
                }
                """,
                "'typeBase' of errorBody must be an absolute URI",
                2,
                57);
        }

        [Fact]
        public void A_type_base_without_problem_details_is_reported()
        {
            ContractTestHelpers.AssertError(
                """
                {
                  "statuses": { "404": { } },
                  "errorBody": { "fields": { "message": { "type": "string" } }, "typeBase": "https://example.com/probs/" }
                }
                """,
                "'typeBase' of errorBody is only used with \"format\": \"problemDetails\"",
                2,
                64);
        }

        [Fact]
        public void Without_fields_and_without_the_format_the_body_is_still_required()
        {
            ContractTestHelpers.AssertError(
                """
                {
                  "statuses": { "404": { } },
                  "errorBody": { }
                }
                """,
                "'errorBody' has no 'fields'",
                2,
                2);
        }
    }
}
