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
    /// EC0015 (information): an endpoint of the project that has no operation in the OpenAPI document, reported at the action's
    /// name or the Map call, and an operation of the document that no endpoint matches, reported at the operation in the file.
    /// Endpoints and operations are matched by HTTP method and route: the controller's [Route] and the action's template, the Map
    /// call's pattern under its MapGroup prefixes; parameter names, constraints, defaults and the case of literals do not matter.
    /// An endpoint whose route cannot be read is never reported, and then no operation is said to lack an endpoint either (a
    /// Map call under a group prefix made elsewhere serves, for that purpose, every operation its pattern ends).
    /// </summary>
    public sealed class EC0015OpenApiOperationWithoutEndpointTests
    {
        private const string Path = OpenApiDocuments.Path;

        /// <summary>The four operations of <see cref="OpenApiDocuments.Artworks"/>, each served once.</summary>
        private const string AllFour = """

[ApiController]
[Route("Artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok();

    [HttpPost]
    public IActionResult Create() => StatusCode(201);

    [HttpGet("{artworkId:int}")]
    public IActionResult Get(int artworkId) => Ok();

    [HttpDelete("{id?}")]
    public IActionResult Delete(int id) => NoContent();
}
""";

        private static DiagnosticResult EC0015 => new DiagnosticResult(RuleIds.OpenApiOperationWithoutEndpoint, DiagnosticSeverity.Info);

        private static DiagnosticResult Endpoint(int location, string route, string key) =>
            EC0015.WithLocation(location)
                .WithMessage("The endpoint " + route + " has no operation in openapi.json: document it there (" + key + "), or correct the route if the document is right");

        private static DiagnosticResult Operation(string operation, int line, int column, int length) =>
            EC0015.WithSpan(Path, line, column, line, column + length)
                .WithMessage("The operation " + operation + " in openapi.json has no endpoint in the project: map it, or remove it from the document if the API does not offer it");

        private static System.Action<ContractTest<ErrorContract.Analyzers.Rules.OpenApiAnalyzer, EmptyCodeFixProvider>> Document(string text = OpenApiDocuments.Artworks) =>
            test => test.TestState.AdditionalFiles.Add((Path, text));

        [Fact]
        public async Task EveryEndpointDocumented_AndEveryOperationServed_IsSilent_WhateverTheParameterNamesConstraintsAndCase()
        {
            await VerifyOpenApi.AnalyzerAsync(null, AllFour, Document());
        }

        [Fact]
        public async Task TheAppsPages_AViewControllersViewActionAndAHandlerThatOnlyRedirects_AreNotEndpointsWithoutOperation()
        {
            var source = AllFour + """

public class AccountController : Controller
{
    [HttpGet("account/login")]
    public IActionResult Login() => View();
}

public static class Home
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("https://docs.example.com/api"));
    }
}
""";
            await VerifyOpenApi.AnalyzerAsync(null, source, Document());
        }

        [Fact]
        public async Task AnApiEndpointBesideThePages_IsStillReported()
        {
            var source = AllFour + """

public static class Home
{
    public static void Map(WebApplication app)
    {
        app.{|#0:MapGet|}("/status", () => Results.Ok());
    }
}
""";
            await VerifyOpenApi.AnalyzerAsync(null, source, Document(), Endpoint(0, "GET /status", "paths./status.get"));
        }

        [Fact]
        public async Task WithoutAnOpenApiDocument_NothingIsReported()
        {
            await VerifyOpenApi.AnalyzerAsync(null, AllFour);
        }

        [Fact]
        public async Task AnActionWithoutOperation_IsReported_AtItsName()
        {
            var source = AllFour.Replace("""
    [HttpDelete("{id?}")]
""", """
    [HttpPost("{id}/archive")]
    public IActionResult {|#0:Archive|}(int id) => NoContent();

    [HttpDelete("{id?}")]
""");
            await VerifyOpenApi.AnalyzerAsync(null, source, Document(), Endpoint(0, "POST /Artworks/{id}/archive", "paths./Artworks/{id}/archive.post"));
        }

        [Fact]
        public async Task AnOperationWithoutEndpoint_IsReported_AtTheOperationInTheDocument()
        {
            // A [NonAction] method of the controller is no endpoint, and no reason to doubt the rest.
            var source = AllFour.Replace("""
    [HttpDelete("{id?}")]
    public IActionResult Delete(int id) => NoContent();
""", """
    [NonAction]
    public IActionResult Helper() => NoContent();
""");
            await VerifyOpenApi.AnalyzerAsync(null, source, Document(), Operation("DELETE /artworks/{id}", 12, 7, 8));
        }

        [Fact]
        public async Task AnEndpointOfAnotherMethod_DoesNotServeTheOperation()
        {
            var source = AllFour.Replace("[HttpDelete(\"{id?}\")]\n    public IActionResult Delete", "[HttpPut(\"{id?}\")]\n    public IActionResult {|#0:Delete|}");
            await VerifyOpenApi.AnalyzerAsync(
                null,
                source,
                Document(),
                Endpoint(0, "PUT /Artworks/{id?}", "paths./Artworks/{id}.put"),
                Operation("DELETE /artworks/{id}", 12, 7, 8));
        }

        [Fact]
        public async Task ActionsInheritedFromABaseClass_AreTheControllersEndpoints_UnderItsRoute()
        {
            // ArtworksController serves GET /artworks and GET /artworks/{id} through CrudController<T>; it overrides Get, which
            // stays one endpoint. Nothing serves POST /artworks or DELETE /artworks/{id}; PhotosController's inherited GET
            // /photos is not in the document, and is reported at the class.
            const string source = """

public abstract class CrudController<T> : ControllerBase
{
    [HttpGet]
    public virtual IActionResult List() => Ok();

    [HttpGet("{id}")]
    public virtual IActionResult Get(int id) => Ok();

    protected IActionResult Helper() => Ok();
}

[Route("artworks")]
public class ArtworksController : CrudController<string>
{
    [HttpGet("{id:int}")]
    public override IActionResult Get(int id) => Ok();
}

[Route("photos")]
public class {|#0:PhotosController|} : CrudController<int>
{
}
""";
            await VerifyOpenApi.AnalyzerAsync(
                null,
                source,
                Document(),
                Endpoint(0, "GET /photos", "paths./photos.get"),
                Endpoint(0, "GET /photos/{id}", "paths./photos/{id}.get"),
                Operation("POST /artworks", 7, 7, 6),
                Operation("DELETE /artworks/{id}", 12, 7, 8));
        }

        [Fact]
        public async Task AnEndpointWithoutMethodConstraint_ServesEveryMethodOfItsPath()
        {
            const string source = """

[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [Route("")]
    public IActionResult Collection() => Ok();

    [Route("{id}")]
    public IActionResult Item(int id) => Ok();
}
""";
            await VerifyOpenApi.AnalyzerAsync(null, source, Document());
        }

        [Fact]
        public async Task MinimalApis_AreMatchedUnderTheirGroupPrefixes_AndReportedAtTheMapCall()
        {
            const string document = """
{
  "openapi": "3.0.1",
  "paths": {
    "/api/artworks": { "get": { "responses": { "200": {} } } },
    "/api/artworks/{id}": { "get": { "responses": { "200": {}, "404": {} } } }
  }
}
""";
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/API").WithTags("Artworks");
        api.MapGet("/artworks", () => Results.Ok());
        api.MapGet("/artworks/{id:int}", (int id) => Results.Ok());
        api.{|#0:MapPost|}("/artworks", () => Results.Created());
    }
}
""";
            await VerifyOpenApi.AnalyzerAsync(null, source, Document(document), Endpoint(0, "POST /API/artworks", "paths./API/artworks.post"));
        }

        [Fact]
        public async Task AServerUrlPath_IsAPrefixOfEveryPath()
        {
            const string document = """
{
  "openapi": "3.0.1",
  "servers": [ { "url": "https://api.example.com/v1" } ],
  "paths": { "/artworks": { "get": { "responses": { "200": {} } } } }
}
""";
            const string source = """

[Route("v1/artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok();
}
""";
            await VerifyOpenApi.AnalyzerAsync(null, source, Document(document));
        }

        [Fact]
        public async Task AnEndpointWhoseRouteCannotBeRead_IsNotReported_AndNoOperationIsSaidToLackAnEndpoint()
        {
            const string source = """

public static class Endpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        // The pattern is not a constant: this endpoint may be any operation.
        routes.MapGet(Paths.Item, (int id) => Results.Ok());
    }
}

public static class Paths
{
    public static string Item = "/artworks/{id}";
}

public static class More
{
    public static void Map(WebApplication app)
    {
        app.{|#0:MapPost|}("/archive", () => Results.Ok());
    }
}
""";
            await VerifyOpenApi.AnalyzerAsync(null, source, Document(), Endpoint(0, "POST /archive", "paths./archive.post"));
        }

        [Fact]
        public async Task AMapCallUnderAPrefixFromElsewhere_ServesTheOperationsItsPatternEnds()
        {
            // The group is made by the caller: GET {prefix}/artworks/{id} may be GET /artworks/{id}, so that operation is not
            // reported; nothing ends with /photos, so the other three are. The endpoints themselves are not reported.
            const string source = """

public static class Endpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/artworks/{id}", (int id) => Results.Ok());
        routes.MapPost("/photos", () => Results.Ok());
    }
}
""";
            await VerifyOpenApi.AnalyzerAsync(
                null,
                source,
                Document(),
                Operation("GET /artworks", 6, 7, 5),
                Operation("POST /artworks", 7, 7, 6),
                Operation("DELETE /artworks/{id}", 12, 7, 8));
        }

        [Fact]
        public async Task APathItemWrittenAsARef_DocumentsEveryEndpointAtIt()
        {
            const string document = """
{
  "openapi": "3.1.0",
  "paths": { "/artworks": { "$ref": "#/components/pathItems/Artworks" } }
}
""";
            const string source = """

[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok();
}
""";
            await VerifyOpenApi.AnalyzerAsync(null, source, Document(document));
        }

        [Fact]
        public async Task EndpointsOutsideTheContractsApiRoutes_AreNotReported()
        {
            const string contract = """
{
  "apiRoutes": ["/artworks/**"],
  "successStatuses": "any",
  "statuses": { "404": { "description": "Not found" } },
  "errorBody": { "fields": { "message": { "type": "string" } } }
}
""";
            var source = AllFour + """

public class HealthController : ControllerBase
{
    [HttpGet("/health")]
    public IActionResult Health() => Ok();
}

[Route("artworks/legacy")]
public class LegacyController : ControllerBase
{
    [HttpGet]
    public IActionResult {|#0:List|}() => Ok();

    // One route inside the API, one outside: only the one inside is the document's business.
    [HttpGet("/old/legacy/{id}")]
    [HttpGet("{id}")]
    public IActionResult {|#1:Get|}(int id) => Ok();
}
""";
            await VerifyOpenApi.AnalyzerAsync(contract, source, Document(), Endpoint(0, "GET /artworks/legacy", "paths./artworks/legacy.get"),
                Endpoint(1, "GET /artworks/legacy/{id}", "paths./artworks/legacy/{id}.get"));
        }

        [Fact]
        public async Task AnInvalidDocument_IsEC0016s_AndEC0015IsSilent()
        {
            await VerifyOpenApi.AnalyzerAsync(
                null,
                "\npublic class EmptyController : ControllerBase\n{\n    [HttpGet(\"/nowhere\")]\n    public IActionResult Get() => Ok();\n}\n",
                Document("{ \"openapi\": \"3.0.1\", \"paths\": 5 }"),
                new DiagnosticResult(RuleIds.InvalidOpenApiDocument, DiagnosticSeverity.Warning).WithSpan(Path, 1, 32, 1, 33));
        }
    }
}
