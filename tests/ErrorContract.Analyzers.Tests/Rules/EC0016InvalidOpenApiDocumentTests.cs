using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using ErrorContract.Analyzers.Tests.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyOpenApi = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.OpenApiAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0016: the project's OpenAPI document cannot be read as a JSON OpenAPI 3.x document. It is reported on the document, at the
    /// line and column of the mistake (like EC0000 for the contract), and the rules that compare endpoints with the document stay
    /// silent until it is fixed. A YAML document, a Swagger 2.0 document and several documents are reported, not ignored.
    /// </summary>
    public sealed class EC0016InvalidOpenApiDocumentTests
    {
        private const string Path = OpenApiDocuments.Path;

        private const string Controller = """

[ApiController]
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok();
}
""";

        private static DiagnosticResult EC0016(string message, string file = "openapi.json") =>
            new DiagnosticResult(RuleIds.InvalidOpenApiDocument, DiagnosticSeverity.Warning)
                .WithMessage(file + ": " + message + "; the OpenAPI rules are off until the document is fixed");

        private static System.Action<ContractTest<ErrorContract.Analyzers.Rules.OpenApiAnalyzer, EmptyCodeFixProvider>> Document(string text, string path = Path) =>
            test => test.TestState.AdditionalFiles.Add((path, text));

        [Fact]
        public async Task AValidDocument_IsNotReported()
        {
            const string document = """{ "openapi": "3.0.1", "paths": { "/artworks": { "get": { "responses": { "200": {} } } } } }""";
            await VerifyOpenApi.AnalyzerAsync(null, Controller, Document(document));
        }

        [Fact]
        public async Task BadJson_IsReported_AtTheOffendingCharacter()
        {
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                Document("{\n  \"openapi\": \"3.0.1\",\n  \"paths\": {},\n}"),
                EC0016("trailing comma after property \"paths\"; JSON allows no ',' before '}', so remove it").WithSpan(Path, 3, 14, 3, 15));
        }

        [Fact]
        public async Task Swagger2_IsReported_AsNotSupported_OnTheSwaggerKey()
        {
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                Document("{\n  \"swagger\": \"2.0\",\n  \"paths\": {}\n}"),
                EC0016("Swagger \"2.0\" documents are not supported; only OpenAPI 3.x is read: convert the document (for example with https://converter.swagger.io or the Swagger Editor's 'Convert to OpenAPI 3'), or generate an OpenAPI 3 document")
                    .WithSpan(Path, 2, 3, 2, 12));
        }

        [Fact]
        public async Task AResponseKey_ThatIsNoStatus_IsReported_OnTheKey()
        {
            const string document = """
{
  "openapi": "3.0.1",
  "paths": {
    "/artworks": { "get": { "responses": { "200": {}, "4**": {} } } }
  }
}
""";
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                Document(document),
                EC0016("\"4**\" (a response of GET /artworks) is neither a status nor a range; a response key is an HTTP status code from 100 to 599 (\"404\"), a range (\"1XX\" to \"5XX\") or \"default\" (did you mean \"4XX\"?)")
                    .WithSpan(Path, 4, 55, 4, 60));
        }

        [Fact]
        public async Task AMethodKey_ThatIsNoHttpMethod_IsReported_OnTheKey()
        {
            const string document = """
{
  "openapi": "3.1.0",
  "paths": {
    "/artworks": { "Get": { "responses": { "200": {} } } }
  }
}
""";
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                Document(document),
                EC0016("'Get' in the path \"/artworks\" is not an HTTP method (did you mean 'get'? methods are written in lower case); a path item holds the operations get, put, post, delete, options, head, patch, trace, and the fields summary, description, servers, parameters, $ref and x-*")
                    .WithSpan(Path, 4, 20, 4, 25));
        }

        [Theory]
        [InlineData("/0/openapi.yaml", "openapi.yaml")]
        [InlineData("/0/artworks.openapi.yml", "artworks.openapi.yml")]
        public async Task AYamlDocument_IsReported_AsNotSupported(string path, string name)
        {
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                Document("openapi: 3.0.1\npaths: {}\n", path),
                EC0016("YAML OpenAPI documents are not supported; convert it to JSON (for example: yq -o=json '" + name + "' > openapi.json, or export JSON from the tool that writes it) and give the analyzers the JSON document", name)
                    .WithSpan(path, 1, 1, 1, 1));
        }

        [Fact]
        public async Task TwoDocuments_AreBothReported()
        {
            const string valid = """{ "openapi": "3.0.1", "paths": {} }""";
            const string message = "the project has 2 OpenAPI documents (/0/admin.openapi.json, /0/openapi.json); keep one among the AdditionalFiles, or set the ErrorContractOpenApiFile property to the one to use";
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                test =>
                {
                    test.TestState.AdditionalFiles.Add((Path, valid));
                    test.TestState.AdditionalFiles.Add(("/0/admin.openapi.json", valid));
                },
                EC0016(message).WithSpan(Path, 1, 1, 1, 1),
                EC0016(message, "admin.openapi.json").WithSpan("/0/admin.openapi.json", 1, 1, 1, 1));
        }

        [Fact]
        public async Task TheSameFileAddedTwice_IsOneDocument()
        {
            // The package adds openapi.json beside the project, and the project adds it too.
            const string valid = """{ "openapi": "3.0.1", "paths": { "/artworks": { "get": { "responses": { "200": {} } } } } }""";
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                test =>
                {
                    test.TestState.AdditionalFiles.Add((Path, valid));
                    test.TestState.AdditionalFiles.Add((Path, valid));
                });
        }

        [Fact]
        public async Task TheMsBuildProperty_NamesTheDocument_AndOnlyThatOneIsRead()
        {
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                test =>
                {
                    test.TestState.AdditionalFiles.Add(("/0/openapi.json", "not read"));
                    test.TestState.AdditionalFiles.Add(("/0/docs/api-v1.json", "{ \"openapi\": \"3.0.1\", \"paths\": 5 }"));
                    test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ErrorContractOpenApiFile = docs/api-v1.json\n"));
                },
                EC0016("'paths' must be an object mapping paths to their operations, such as { \"/artworks/{id}\": { \"get\": { ... } } }, not 5", "api-v1.json")
                    .WithSpan("/0/docs/api-v1.json", 1, 32, 1, 33));
        }

        [Fact]
        public async Task TheMsBuildProperty_NamingNoAdditionalFile_IsReported()
        {
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                test => test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ErrorContractOpenApiFile = docs/missing.json\n")),
                EC0016("the ErrorContractOpenApiFile property names 'docs/missing.json', which is not among the project's AdditionalFiles; check the path (relative to the project directory), or add it as <AdditionalFiles Include=\"docs/missing.json\" />", "missing.json"));
        }

        [Fact]
        public async Task OtherJsonFiles_AreIgnored()
        {
            await VerifyOpenApi.AnalyzerAsync(
                null,
                Controller,
                test =>
                {
                    test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ not json"));
                    test.TestState.AdditionalFiles.Add(("/0/openapi-notes.json", "{ not json"));
                });
        }
    }
}
