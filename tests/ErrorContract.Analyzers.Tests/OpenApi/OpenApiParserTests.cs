using System;
using System.Linq;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Contract.OpenApi;
using Xunit;

namespace ErrorContract.Analyzers.Tests.OpenApi
{
    /// <summary>
    /// Reading an OpenAPI document: its operations by method and path, each with the responses it documents (exact statuses,
    /// 1XX-5XX ranges, default) and their positions; and every mistake that stops it being read, at its position, never an exception.
    /// </summary>
    public sealed class OpenApiParserTests
    {
        private static OpenApiDocument Read(string text)
        {
            var result = OpenApiParser.Parse(text);
            Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
            return result.Document!;
        }

        private static ContractError Error(string text, string messagePart)
        {
            var result = OpenApiParser.Parse(text);
            Assert.Null(result.Document);
            OpenApiRobustnessTests.AssertConsistent(text, result);
            return Assert.Single(result.Errors, e => e.Message.Contains(messagePart, StringComparison.Ordinal));
        }

        [Fact]
        public void Operations_AreReadByMethodAndPath_InDocumentOrder_WithTheirPositions()
        {
            var document = Read(OpenApiDocuments.Artworks);

            Assert.Equal("3.0.1", document.Version);
            Assert.Equal(new[] { "GET /artworks", "POST /artworks", "GET /artworks/{id}", "DELETE /artworks/{id}" }, document.Operations.Select(o => o.Display));
            var get = document.Operations[2];
            Assert.Equal("/artworks/{}", get.Template);
            Assert.Equal("GetArtwork", get.OperationId);
            Assert.Equal((10, 6), (get.Line, get.Column));
            Assert.Equal(5, get.Length);
            Assert.Equal("\"get\"", OpenApiDocuments.Artworks.Substring(get.Start, get.Length));
        }

        [Fact]
        public void Responses_AreExactStatuses_Ranges_OrDefault_WithTheirPositions()
        {
            var document = Read(OpenApiDocuments.Artworks);
            var post = document.Operations[1];
            Assert.Equal(new[] { "201", "400", "409" }, post.Responses.Select(r => r.Key));
            Assert.Equal((6, 31), (post.Responses[0].Line, post.Responses[0].Column));

            var get = document.Operations[2];
            Assert.Equal(OpenApiResponseKind.Range, get.Responses[1].Kind);
            Assert.Equal(4, get.Responses[1].Status);
            Assert.Equal(OpenApiResponseKind.Default, document.Operations[3].Responses[1].Kind);
        }

        [Fact]
        public void A_status_is_documented_exactly_by_its_range_or_by_default()
        {
            var document = Read(OpenApiDocuments.Artworks);
            var post = document.Operations[1];
            Assert.True(post.Documents(409));
            Assert.False(post.Documents(404));
            Assert.False(post.Documents(200));

            var get = document.Operations[2];
            Assert.Equal("200", get.ResponseFor(200)!.Key);
            Assert.Equal("4XX", get.ResponseFor(404)!.Key);
            Assert.Null(get.ResponseFor(500));

            var delete = document.Operations[3];
            Assert.Equal("204", delete.ResponseFor(204)!.Key);
            Assert.Equal("default", delete.ResponseFor(500)!.Key);
            Assert.Equal("default", delete.ResponseFor(200)!.Key);
        }

        [Fact]
        public void An_exact_status_wins_over_its_range_and_a_range_over_default()
        {
            var document = Read("""{ "openapi": "3.1.0", "paths": { "/a": { "get": { "responses": { "default": {}, "4xx": {}, "404": {} } } } } }""");
            var get = document.Operations[0];
            Assert.Equal("404", get.ResponseFor(404)!.Key);
            Assert.Equal("4xx", get.ResponseFor(409)!.Key);
            Assert.Equal("default", get.ResponseFor(503)!.Key);
        }

        [Fact]
        public void An_operation_without_responses_documents_nothing()
        {
            var document = Read("""{ "openapi": "3.1.0", "paths": { "/a": { "get": { "summary": "no responses (allowed in 3.1)" } } } }""");
            Assert.False(document.Operations[0].HasResponses);
            Assert.False(document.Operations[0].Documents(200));
        }

        [Fact]
        public void PathItemFields_Extensions_AndRefs_AreNotOperations()
        {
            var document = Read("""
{ "openapi": "3.0.3", "paths": {
  "x-internal": { "get": {} },
  "/a": { "summary": "s", "description": "d", "servers": [], "parameters": [], "x-owner": "team", "get": { "responses": { "x-note": 1, "200": {} } } },
  "/b/{id}": { "$ref": "#/components/pathItems/B" } } }
""");
            var operation = Assert.Single(document.Operations);
            Assert.Equal("GET /a", operation.Display);
            Assert.Single(operation.Responses);
            Assert.True(document.IsReferencedPath("/b/{}"));
        }

        [Fact]
        public void ADocumentWithoutPaths_HasNoOperations()
        {
            Assert.Empty(Read("""{ "openapi": "3.1.0", "webhooks": {} }""").Operations);
        }

        [Fact]
        public void ServerUrls_WithAPath_ArePrefixesOfEveryPath()
        {
            var document = Read("""
{ "openapi": "3.0.1", "servers": [ { "url": "https://api.example.com/v1/" }, { "url": "/v2" }, { "url": "https://{region}.example.com/v3" }, { "url": "https://example.com" } ],
  "paths": { "/artworks": { "get": { "responses": { "200": {} } } } } }
""");
            Assert.Equal(new[] { string.Empty, "/v1", "/v2" }, document.ServerPrefixes);
            var found = new System.Collections.Generic.List<OpenApiOperation>();
            document.FindOperations("/v1/artworks", "GET", found);
            document.FindOperations("/artworks", "GET", found);
            Assert.Single(found);
            found.Clear();
            document.FindOperations("/v3/artworks", "GET", found);
            Assert.Empty(found);
        }

        [Fact]
        public void NotJson_IsReported_AtTheOffendingCharacter()
        {
            var error = Error("{ \"openapi\": \"3.0.1\", }", "trailing comma");
            Assert.Equal((0, 20), (error.Line, error.Column));
        }

        [Fact]
        public void NotAnObject_IsReported()
        {
            var error = Error("[1, 2]", "an OpenAPI document must be a JSON object");
            Assert.Equal(0, error.Start);
        }

        [Fact]
        public void Swagger2_IsReportedAsNotSupported_OnTheSwaggerKey()
        {
            var error = Error("{\n  \"swagger\": \"2.0\",\n  \"paths\": {}\n}", "Swagger \"2.0\" documents are not supported; only OpenAPI 3.x is read");
            Assert.Equal((1, 2), (error.Line, error.Column));
        }

        [Fact]
        public void NoOpenApiField_IsReported_AtTheRoot()
        {
            Assert.Equal(0, Error("{ \"paths\": {} }", "the document has no 'openapi' field").Start);
        }

        [Theory]
        [InlineData("\"2.0\"", "OpenAPI version \"2.0\" is not supported")]
        [InlineData("\"4.0.0\"", "OpenAPI version \"4.0.0\" is not supported")]
        [InlineData("3.1", "'openapi' must be a string naming the version")]
        public void AnotherVersion_IsReported_OnTheValue(string value, string message)
        {
            var error = Error("{ \"openapi\": " + value + ", \"paths\": {} }", message);
            Assert.Equal(13, error.Start);
        }

        [Fact]
        public void PathsNotAnObject_IsReported_OnTheValue()
        {
            var error = Error("{ \"openapi\": \"3.0.1\", \"paths\": [] }", "'paths' must be an object mapping paths to their operations");
            Assert.Equal(31, error.Start);
        }

        [Fact]
        public void APathWithoutLeadingSlash_IsReported_OnTheKey()
        {
            var error = Error("{ \"openapi\": \"3.0.1\", \"paths\": { \"artworks\": {} } }", "the path \"artworks\" does not start with '/'");
            Assert.Equal(33, error.Start);
        }

        [Theory]
        [InlineData("\"GET\"", "(did you mean 'get'? methods are written in lower case)")]
        [InlineData("\"gett\"", "is not an HTTP method (did you mean 'get'?)")]
        [InlineData("\"psot\"", "is not an HTTP method (did you mean 'post'?)")]
        [InlineData("\"remove\"", "'remove' in the path \"/a\" is not an HTTP method; a path item holds")]
        public void AMethodKeyThatIsNotAnHttpMethod_IsReported_OnTheKey(string key, string message)
        {
            var text = "{ \"openapi\": \"3.0.1\", \"paths\": { \"/a\": { " + key + ": { \"responses\": {} } } } }";
            var error = Error(text, message);
            Assert.Equal(text.IndexOf(key, StringComparison.Ordinal), error.Start);
            Assert.Equal(key.Length, error.Length);
        }

        [Theory]
        [InlineData("\"20\"", "")]
        [InlineData("\"600\"", "")]
        [InlineData("\"4**\"", " (did you mean \"4XX\"?)")]
        [InlineData("\"Default\"", " (did you mean \"default\"? it is written in lower case)")]
        [InlineData("\"ok\"", "")]
        public void AResponseKeyThatIsNeitherAStatusARangeNorDefault_IsReported_OnTheKey(string key, string hint)
        {
            var text = "{ \"openapi\": \"3.0.1\", \"paths\": { \"/a\": { \"get\": { \"responses\": { " + key + ": {} } } } } }";
            var error = Error(text, "(a response of GET /a) is neither a status nor a range");
            Assert.Equal(text.IndexOf(key, StringComparison.Ordinal), error.Start);
            Assert.EndsWith("or \"default\"" + hint, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void EveryMistake_IsReported_InPositionOrder()
        {
            var text = "{ \"openapi\": \"3.0.1\", \"paths\": { \"/a\": { \"got\": {}, \"get\": { \"responses\": { \"2000\": {} } } }, \"/b\": 5 } }";
            var result = OpenApiParser.Parse(text);
            Assert.Null(result.Document);
            Assert.Equal(3, result.Errors.Count);
            OpenApiRobustnessTests.AssertConsistent(text, result);
        }

        [Fact]
        public void Comments_AreNotJson_AndTheMessageSpeaksOfAnOpenApiDocument()
        {
            var error = Error("{ // note\n \"openapi\": \"3.0.1\" }", "comments are not allowed: an OpenAPI document is strict JSON");
            Assert.Equal(2, error.Start);
        }
    }
}
