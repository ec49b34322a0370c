using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using ErrorContract.Analyzers.Tests.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.EndpointContractAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0014: an endpoint declares, on itself, a status that its operation in the project's OpenAPI document does not document
    /// (not exactly, not through a range such as <c>4XX</c>, not through <c>default</c>). Endpoints and operations are matched by
    /// HTTP method and route (as for EC0015). And the document as a declaration: an endpoint that declares nothing in code is
    /// held to its operation's responses by EC0012. The document here (<see cref="OpenApiDocuments.Artworks"/>) documents
    /// <c>POST /artworks</c> with 201, 400 and 409, <c>GET /artworks</c> with 200, <c>GET /artworks/{id}</c> with 200 and 4XX,
    /// and <c>DELETE /artworks/{id}</c> with 204 and default. Seed A's contract documents every status used.
    /// </summary>
    public sealed class EC0014DeclarationContradictsOpenApiTests
    {
        private static Task Analyze(string source, bool withDocument, params DiagnosticResult[] expected) =>
            VerifyCS.AnalyzerAsync(
                TestContracts.Artworks,
                source,
                test =>
                {
                    test.DisabledDiagnostics.Add("EC0013");
                    if (withDocument)
                    {
                        test.TestState.AdditionalFiles.Add((OpenApiDocuments.Path, OpenApiDocuments.Artworks));
                    }
                },
                expected);

        private const string ControllerDeclaring404OnPost = """

[ApiController]
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [{|#0:ProducesResponseType(StatusCodes.Status404NotFound)|}]
    public IActionResult Create(int collectionId)
    {
        if (collectionId <= 0)
        {
            return NotFound();
        }

        return StatusCode(201);
    }
}
""";

        [Fact]
        public async Task AnActionDeclaringAStatusItsOperationDoesNotDocument_IsFlaggedAtTheDeclaration_WithTheOperationAndWhatItDocuments()
        {
            await Analyze(
                ControllerDeclaring404OnPost,
                withDocument: true,
                new DiagnosticResult(RuleIds.DeclarationContradictsOpenApi, DiagnosticSeverity.Warning)
                    .WithLocation(0)
                    .WithMessage("ArtworksController.Create declares 404, which its operation POST /artworks in the OpenAPI document does not document (it documents 201, 400, 409); add a 404 response to that operation, or remove the declaration"));
        }

        [Fact]
        public async Task WithoutAnOpenApiDocument_TheSameActionIsSilent()
        {
            await Analyze(ControllerDeclaring404OnPost.Replace("{|#0:", string.Empty).Replace("|}]", "]"), withDocument: false);
        }

        [Fact]
        public async Task AStatusTheContractDoesNotDocument_IsEC0001sAlone_NotAlsoEC0014()
        {
            // 422 is not in contract A: EC0001 reports the declaration (ResponseContractAnalyzer); EC0014 stays silent about it.
            const string source = """

[ApiController]
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public IActionResult Create(int collectionId) => collectionId <= 0 ? UnprocessableEntity() : StatusCode(201);
}
""";
            await Analyze(source, withDocument: true);
        }

        [Fact]
        public async Task AStatusDocumentedThroughA4XXRange_IsNoContradiction()
        {
            const string source = """

[ApiController]
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult Get(int id) => id <= 0 ? NotFound() : Ok();
}
""";
            await Analyze(source, withDocument: true);
        }

        [Fact]
        public async Task AnOperationWithADefaultResponse_DocumentsEveryStatus()
        {
            const string source = """

[ApiController]
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public IActionResult Delete(int id) => id <= 0 ? Conflict() : NoContent();
}
""";
            await Analyze(source, withDocument: true);
        }

        [Fact]
        public async Task AnEndpointWithoutAnOperation_IsNotJudgedByTheDocument()
        {
            // PUT /artworks/{id} is not in the document: EC0015 (OpenApiAnalyzer) says so; this rule has nothing to compare with.
            const string source = """

[ApiController]
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpPut("{id}")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public IActionResult Replace(int id) => id <= 0 ? Conflict() : StatusCode(201);
}
""";
            await Analyze(source, withDocument: true);
        }

        [Fact]
        public async Task AMinimalApiProducesCallTheOperationDoesNotDocument_IsFlagged()
        {
            const string source = """

public static class ArtworkEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/artworks", (int collectionId) => collectionId <= 0 ? Results.NotFound() : Results.StatusCode(201))
            .Produces(201)
            .{|#0:Produces(404)|};
    }
}
""";
            await Analyze(
                source,
                withDocument: true,
                new DiagnosticResult(RuleIds.DeclarationContradictsOpenApi, DiagnosticSeverity.Warning)
                    .WithLocation(0)
                    .WithMessage("MapPost(\"/artworks\") declares 404, which its operation POST /artworks in the OpenAPI document does not document (it documents 201, 400, 409); add a 404 response to that operation, or remove the declaration"));
        }

        [Fact]
        public async Task AnActionThatDeclaresNothing_IsHeldToItsOperation_ByEC0012()
        {
            const string source = """

[ApiController]
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List(int page)
    {
        if (page < 0)
        {
            return {|#0:NotFound()|};
        }

        return Ok();
    }
}
""";
            await Analyze(
                source,
                withDocument: true,
                new DiagnosticResult(RuleIds.UndeclaredStatusCode, DiagnosticSeverity.Warning)
                    .WithLocation(0)
                    .WithMessage("ArtworksController.List returns 404, which its operation GET /artworks in the OpenAPI document does not document (it documents 200); add a 404 response to that operation, or return a status it documents"));
        }

        [Fact]
        public async Task AnActionThatDeclaresNothing_AndReturnsOnlyDocumentedStatuses_IsSilent()
        {
            const string source = """

[ApiController]
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpPost]
    public IActionResult Create(int collectionId) => collectionId <= 0 ? Conflict() : StatusCode(201);
}
""";
            await Analyze(source, withDocument: true);
        }

        [Fact]
        public async Task AMinimalApiThatDeclaresNothing_IsHeldToItsOperation_ByEC0012()
        {
            const string source = """

public static class ArtworkEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/artworks", (int page) => page < 0 ? {|#0:Results.NotFound()|} : Results.Ok());
    }
}
""";
            await Analyze(
                source,
                withDocument: true,
                new DiagnosticResult(RuleIds.UndeclaredStatusCode, DiagnosticSeverity.Warning)
                    .WithLocation(0)
                    .WithMessage("MapGet(\"/artworks\") returns 404, which its operation GET /artworks in the OpenAPI document does not document (it documents 200); add a 404 response to that operation, or return a status it documents"));
        }

        [Fact]
        public async Task WithoutADocument_AnEndpointThatDeclaresNothing_IsNotJudged()
        {
            const string source = """

public static class ArtworkEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/artworks", (int page) => page < 0 ? Results.NotFound() : Results.Ok());
    }
}
""";
            await Analyze(source, withDocument: false);
        }

        private const string ToolsDocument = """
{ "openapi": "3.0.3", "info": { "title": "Tools", "version": "1" }, "paths": {
  "/api/v1/tools/{name}": { "get": { "responses": { "200": { "description": "The tool" } } } } } }
""";

        private const string MappingMethod = """
using Microsoft.AspNetCore.Http.HttpResults;

public sealed record Tool(string Name);

public sealed record ErrorBody(string Message);

public static class ToolEndpoints
{
    public static IEndpointRouteBuilder MapToolEndpoints(this IEndpointRouteBuilder app)
    {
        var tools = app.MapGroup("/api/v1/tools");
        tools.MapGet("/{name}", Results<Ok<Tool>, {|#0:NotFound<ErrorBody>|}> (string name) =>
            name.Length > 1
                ? TypedResults.Ok(new Tool(name))
                : TypedResults.NotFound(new ErrorBody("Not found")));
        return app;
    }
}

public static class Startup
{
    public static void Configure(WebApplication app)
    {
        CALL;
    }
}
""";

        private static Task AnalyzeTools(string source, params DiagnosticResult[] expected) =>
            VerifyCS.AnalyzerAsync(
                TestContracts.Artworks,
                source,
                test =>
                {
                    test.DisabledDiagnostics.Add("EC0013");
                    test.TestState.AdditionalFiles.Add((OpenApiDocuments.Path, ToolsDocument));
                },
                expected);

        [Fact]
        public async Task AMappingMethodCalledOnTheApplication_IsJudgedWithTheGroupItMakes_TheCommonExtensionMethodShape()
        {
            // static IEndpointRouteBuilder MapToolEndpoints(this IEndpointRouteBuilder app), called as app.MapToolEndpoints(): the
            // parameter is the application, so the group's prefix and declarations are all there is.
            await AnalyzeTools(
                MappingMethod.Replace("CALL", "app.MapToolEndpoints()"),
                new DiagnosticResult(RuleIds.DeclarationContradictsOpenApi, DiagnosticSeverity.Warning)
                    .WithLocation(0)
                    .WithMessage("MapGet(\"/{name}\") declares 404, which its operation GET /api/v1/tools/{name} in the OpenAPI document does not document (it documents 200); add a 404 response to that operation, or remove the declaration"));
        }

        [Fact]
        public async Task AMappingMethodCalledOnARouteGroup_IsNotJudged_ItsPrefixAndDeclarationsAreTheCallers()
        {
            await AnalyzeTools(MappingMethod.Replace("{|#0:", string.Empty).Replace("|}>", ">").Replace("CALL", "app.MapGroup(\"/v2\").ProducesProblem(404).MapToolEndpoints()"));
        }

        [Fact]
        public async Task AMappingMethodNeverCalled_IsNotJudged()
        {
            await AnalyzeTools(MappingMethod.Replace("{|#0:", string.Empty).Replace("|}>", ">").Replace("CALL", "app.MapGet(\"/\", () => Results.Ok())"));
        }
    }
}
