using System.Linq;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Contract
{
    /// <summary>
    /// The documented response headers of a status (<c>"headers"</c>) and the error content type
    /// (<c>errorBody.contentType</c>): what they mean once read, and each mistake at its line and column.
    /// </summary>
    public sealed class HeaderContractTests
    {
        [Fact]
        public void SeedA_Documents_XRateLimitReset_On429_AsAnIntegerOfEpochSeconds()
        {
            var contract = ContractParser.Parse(TestContracts.Artworks).Contract;
            Assert.NotNull(contract);
            var header = Assert.Single(contract!.Headers.RequiredFor(429));
            Assert.Equal("X-RateLimit-Reset", header.Name);
            Assert.Equal(HeaderValueType.Integer, header.Type);
            Assert.True(header.Required);
            Assert.Contains("epoch seconds", header.Description);
            Assert.Empty(contract.Headers.RequiredFor(404));
            Assert.Null(contract.ErrorContentType);
        }

        [Fact]
        public void SeedB_DocumentsNoHeaders_AndNoContentType()
        {
            var contract = ContractParser.Parse(TestContracts.Studio).Contract;
            Assert.NotNull(contract);
            Assert.False(contract!.Headers.AnyRequired);
            Assert.Empty(contract.Headers.ByStatus);
            Assert.Null(contract.ErrorContentType);
        }

        [Fact]
        public void Headers_DefaultToRequiredStrings_AndOptionalOnesAreNotDemanded()
        {
            const string text = """
                {
                  "statuses": {
                    "503": { "headers": { "Retry-After": {}, "X-Trace": { "type": "string", "required": false }, "Date": { "type": "date" } } }
                  },
                  "errorBody": { "fields": { "message": { "type": "string" } }, "contentType": "application/problem+json" }
                }
                """;
            var result = ContractParser.Parse(text);
            Assert.True(result.Contract != null, ContractTestHelpers.Describe(result));
            var contract = result.Contract!;
            Assert.Equal(3, contract.Headers.ByStatus[503].Length);
            Assert.Equal(new[] { "Retry-After", "Date" }, contract.Headers.RequiredFor(503).Select(h => h.Name));
            Assert.Equal(HeaderValueType.String, contract.Headers.RequiredFor(503)[0].Type);
            Assert.Equal(HeaderValueType.Date, contract.Headers.RequiredFor(503)[1].Type);
            Assert.Equal("application/problem+json", contract.ErrorContentType);
        }

        [Fact]
        public void OnlyOptionalHeaders_RequireNothing()
        {
            const string text = """
                {
                  "statuses": { "429": { "headers": { "Retry-After": { "required": false } } } },
                  "errorBody": { "fields": { "message": { "type": "string" } } }
                }
                """;
            var contract = ContractParser.Parse(text).Contract;
            Assert.NotNull(contract);
            Assert.False(contract!.Headers.AnyRequired);
            Assert.Empty(contract.Headers.RequiredFor(429));
        }

        [Theory]
        [InlineData("""
            {
              "statuses": { "429": { "headers": { "X Rate Reset": { "type": "integer" } } } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "\"X Rate Reset\" in 'headers' of status \"429\" is not a header name; a header name is letters, digits and !#$%&'*+-.^_`|~ only", 1, 38)]
        [InlineData("""
            {
              "statuses": { "429": { "headers": { "X-RateLimit-Reset:": {} } } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "\"X-RateLimit-Reset:\" in 'headers' of status \"429\" is not a header name", 1, 38)]
        [InlineData("""
            {
              "statuses": { "429": { "headers": { "Retry-After": { "type": "seconds" } } } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'type' of header \"Retry-After\" of 'headers' of status \"429\" must be one of \"string\", \"integer\" or \"date\", not \"seconds\"", 1, 63)]
        [InlineData("""
            {
              "statuses": { "429": { "headers": { "Retry-After": { "type": "integr" } } } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "not \"integr\" (did you mean 'integer'?)", 1, 63)]
        [InlineData("""
            {
              "statuses": { "429": { "headers": { "Retry-After": {}, "retry-after": {} } } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'headers' of status \"429\" documents \"retry-after\" twice (as \"Retry-After\" too; header names are case-insensitive)", 1, 57)]
        [InlineData("""
            {
              "statuses": { "429": { "headers": { "Retry-After": "integer" } } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "header \"Retry-After\" of 'headers' of status \"429\" must be an object such as { \"type\": \"integer\"", 1, 53)]
        [InlineData("""
            {
              "statuses": { "429": { "headers": ["Retry-After"] } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'headers' of status \"429\" must be an object mapping header names to entries", 1, 36)]
        [InlineData("""
            {
              "statuses": { "429": { "headers": { "Retry-After": { "required": "yes" } } } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "'required' of header \"Retry-After\" of 'headers' of status \"429\" must be true", 1, 67)]
        [InlineData("""
            {
              "statuses": { "429": { "headers": { "Retry-After": { "typ": "integer" } } } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "unknown property 'typ' in header \"Retry-After\" of 'headers' of status \"429\" (did you mean 'type'?); expected one of: type, description, required", 1, 55)]
        [InlineData("""
            {
              "statuses": { "429": { "headres": {} } },
              "errorBody": { "fields": { "message": { "type": "string" } } }
            }
            """, "unknown property 'headres' in status \"429\" (did you mean 'headers'?)", 1, 25)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "string" } }, "contentType": "problem+json" }
            }
            """, "'contentType' of errorBody must be a media type written type/subtype without parameters, such as \"application/problem+json\", not \"problem+json\"", 2, 79)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "string" } }, "contentType": "application/json; charset=utf-8" }
            }
            """, "'contentType' of errorBody must be a media type", 2, 79)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "string" } }, "contentType": 415 }
            }
            """, "'contentType' of errorBody must be a media type written type/subtype without parameters, such as \"application/problem+json\", not 415", 2, 79)]
        [InlineData("""
            {
              "statuses": { "400": {} },
              "errorBody": { "fields": { "message": { "type": "string" } }, "contentTyp": "application/problem+json" }
            }
            """, "unknown property 'contentTyp' in 'errorBody' (did you mean 'contentType'?)", 2, 64)]
        public void InvalidHeadersAndContentTypes_AreReported_AtTheOffendingKeyOrValue(string text, string message, int line, int column)
        {
            ContractTestHelpers.AssertError(text, message, line, column);
        }
    }
}
