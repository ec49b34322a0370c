using System.Collections.Generic;
using System.Linq;
using ErrorContract.Analyzers.Discovery.Routes;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace ErrorContract.Analyzers.Tests.OpenApi
{
    /// <summary>
    /// The routes of endpoints, as ASP.NET Core builds them. Controller actions: [Route] on the controller and its base classes,
    /// [HttpGet("x")]/[Route] on the action, the [controller]/[action]/[area] tokens, '/' and '~/' overriding the controller's
    /// prefix, several attributes giving several routes. Minimal APIs: the Map call's pattern under every enclosing MapGroup,
    /// through chains and locals. A route that cannot be read gives no routes at all.
    /// </summary>
    public sealed class RouteDiscoveryTests
    {
        private static Compilation Compile(string source)
        {
            var trees = new[]
            {
                CSharpSyntaxTree.ParseText(source, path: "Test0.cs"),
                CSharpSyntaxTree.ParseText(ContractTest<ErrorContract.Analyzers.Rules.OpenApiAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>.GlobalUsings, path: "GlobalUsings.cs"),
            };
            var compilation = CSharpCompilation.Create(
                "Api",
                trees,
                TestReferences.AspNetCore,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS5001"));
            return compilation;
        }

        /// <summary>The routes of the action <paramref name="name"/> of <paramref name="type"/>, as "GET /template" (empty: none).</summary>
        private static string[] ActionRoutes(string source, string type, string name)
        {
            var compilation = Compile(source);
            var method = compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().Single();
            var routes = RouteDiscovery.OfAction(method, RouteTypes.Get(compilation));
            return routes.IsDefault ? new string[0] : routes.Select(r => r.Display).ToArray();
        }

        /// <summary>The routes of every Map call of the source, in order, each as its routes joined with " | " ("" when unreadable).</summary>
        private static string[] MapRoutes(string source)
        {
            var compilation = Compile(source);
            var tree = compilation.SyntaxTrees.First();
            var model = compilation.GetSemanticModel(tree);
            var types = RouteTypes.Get(compilation);
            var found = new List<string>();
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetOperation(call) is IInvocationOperation invocation && RouteDiscovery.IsMapCall(invocation, types))
                {
                    var routes = RouteDiscovery.OfMapCall(invocation, types);
                    found.Add(routes.IsDefault ? string.Empty : string.Join(" | ", routes.Select(r => r.Display)));
                }
            }

            return found.ToArray();
        }

        [Fact]
        public void ControllerRoute_AndActionTemplate_Combine()
        {
            const string source = """
[ApiController]
[Route("api/artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id:int}")]
    public IActionResult Get(int id) => Ok();
}
""";
            Assert.Equal(new[] { "GET /api/artworks/{id:int}" }, ActionRoutes(source, "ArtworksController", "Get"));
        }

        [Fact]
        public void AnActionWithoutATemplate_TakesTheControllersRoute()
        {
            const string source = """
[Route("api/artworks")]
public class ArtworksController : ControllerBase
{
    [HttpPost]
    public IActionResult Create() => Ok();
}
""";
            Assert.Equal(new[] { "POST /api/artworks" }, ActionRoutes(source, "ArtworksController", "Create"));
        }

        [Fact]
        public void ControllerAndActionAndAreaTokens_AreReplaced()
        {
            const string source = """
[Area("Gallery")]
[Route("[area]/[controller]")]
public class ArtworksController : ControllerBase
{
    [HttpGet("[action]/{id}")]
    public IActionResult Details(int id) => Ok();

    [HttpGet("[action]")]
    public Task<IActionResult> ListAsync() => Task.FromResult<IActionResult>(Ok());

    [HttpGet("[action]")]
    [ActionName("all")]
    public IActionResult Everything() => Ok();
}
""";
            Assert.Equal(new[] { "GET /Gallery/Artworks/Details/{id}" }, ActionRoutes(source, "ArtworksController", "Details"));
            Assert.Equal(new[] { "GET /Gallery/Artworks/List" }, ActionRoutes(source, "ArtworksController", "ListAsync"));
            Assert.Equal(new[] { "GET /Gallery/Artworks/all" }, ActionRoutes(source, "ArtworksController", "Everything"));
        }

        [Theory]
        [InlineData("/status")]
        [InlineData("~/status")]
        public void ARootedActionTemplate_OverridesTheControllersRoute(string template)
        {
            var source = """
[Route("api/artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet("
""" + template + """
")]
    public IActionResult Status() => Ok();
}
""";
            Assert.Equal(new[] { "GET /status" }, ActionRoutes(source, "ArtworksController", "Status"));
        }

        [Fact]
        public void AClassMarkedApiController_IsAController_WithoutTheSuffix()
        {
            const string source = """
[ApiController]
[Route("orders")]
public class Orders
{
    [HttpGet]
    public string List() => "";
}
""";
            Assert.Equal(new[] { "GET /orders" }, ActionRoutes(source, "Orders", "List"));
        }

        [Fact]
        public void TheBaseClassRoute_IsInherited()
        {
            const string source = """
[Route("api/[controller]")]
public abstract class ApiControllerBase : ControllerBase
{
}

public class PhotosController : ApiControllerBase
{
    [HttpDelete("{id}")]
    public IActionResult Remove(int id) => NoContent();
}
""";
            Assert.Equal(new[] { "DELETE /api/Photos/{id}" }, ActionRoutes(source, "PhotosController", "Remove"));
        }

        [Fact]
        public void SeveralAttributes_AreSeveralRoutes()
        {
            const string source = """
[Route("api/artworks")]
[Route("v1/artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [HttpHead("{id}")]
    public IActionResult Get(int id) => Ok();
}
""";
            Assert.Equal(
                new[] { "GET /api/artworks/{id}", "HEAD /api/artworks/{id}", "GET /v1/artworks/{id}", "HEAD /v1/artworks/{id}" },
                ActionRoutes(source, "ArtworksController", "Get"));
        }

        [Fact]
        public void AMethodAttribute_JoinsARouteAttribute_AsMvcSplitsThem()
        {
            // [HttpGet] [Route("x")] is one route, GET x; [HttpGet] [HttpPost("x")] is two: POST x, and GET at the controller's route.
            const string source = """
[Route("api/artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet]
    [Route("latest")]
    public IActionResult Latest() => Ok();

    [HttpGet]
    [HttpPost("search")]
    public IActionResult Search() => Ok();

    [AcceptVerbs("PUT", "PATCH", Route = "{id}")]
    public IActionResult Update(int id) => Ok();

    [Route("any")]
    public IActionResult Any() => Ok();
}
""";
            Assert.Equal(new[] { "GET /api/artworks/latest" }, ActionRoutes(source, "ArtworksController", "Latest"));
            Assert.Equal(new[] { "POST /api/artworks/search", "GET /api/artworks" }, ActionRoutes(source, "ArtworksController", "Search"));
            Assert.Equal(new[] { "PUT /api/artworks/{id}", "PATCH /api/artworks/{id}" }, ActionRoutes(source, "ArtworksController", "Update"));
            Assert.Equal(new[] { "ANY /api/artworks/any" }, ActionRoutes(source, "ArtworksController", "Any"));
        }

        [Fact]
        public void NoAttributeRoute_CustomRouteAttributes_AndNonActions_HaveNoRoutes()
        {
            const string source = """
public class HomeController : ControllerBase
{
    public IActionResult Index() => Ok();
}

public sealed class VersionedRouteAttribute : RouteAttribute
{
    public VersionedRouteAttribute(string template) : base("v1/" + template) { }
}

[VersionedRoute("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok();

    [NonAction]
    [HttpGet("helper")]
    public IActionResult Helper() => Ok();
}

[Route("widgets")]
public class Widgets
{
    [HttpGet]
    public string List() => "not a controller: no Controller suffix, no [Controller]";
}
""";
            Assert.Empty(ActionRoutes(source, "HomeController", "Index"));
            Assert.Empty(ActionRoutes(source, "ArtworksController", "List"));
            Assert.Empty(ActionRoutes(source, "ArtworksController", "Helper"));
            Assert.Empty(ActionRoutes(source, "Widgets", "List"));
        }

        [Fact]
        public void MapCalls_HaveTheirMethodAndPattern()
        {
            const string source = """
var app = WebApplication.Create();
app.MapGet("/artworks/{id:int}", (int id) => Results.Ok());
app.MapPost("artworks", () => Results.Created());
app.MapPut("/artworks/{id}", (int id) => Results.NoContent());
app.MapDelete("/artworks/{id}", (int id) => Results.NoContent());
app.MapPatch("/artworks/{id}", (int id) => Results.NoContent());
app.MapMethods("/artworks", new[] { "OPTIONS", "head" }, () => Results.Ok());
app.Map("/echo", () => Results.Ok());
app.Run();
""";
            Assert.Equal(
                new[]
                {
                    "GET /artworks/{id:int}", "POST /artworks", "PUT /artworks/{id}", "DELETE /artworks/{id}", "PATCH /artworks/{id}",
                    "OPTIONS /artworks | HEAD /artworks", "ANY /echo",
                },
                MapRoutes(source));
        }

        [Fact]
        public void MapGroupPrefixes_AreJoined_ThroughChainsAndLocals()
        {
            const string source = """
var app = WebApplication.Create();
var api = app.MapGroup("/api").RequireAuthorization();
var v1 = api.MapGroup("v1/");
v1.MapGet("/artworks", () => Results.Ok());
v1.MapGroup("photos").WithTags("Photos").MapDelete("{id}", (int id) => Results.NoContent());
app.MapGroup("/admin").MapPost("/reindex", () => Results.Accepted());
app.Run();
""";
            Assert.Equal(new[] { "GET /api/v1/artworks", "DELETE /api/v1/photos/{id}", "POST /admin/reindex" }, MapRoutes(source));
        }

        [Fact]
        public void AnEndpointsOperations_AndTheirDocumentedResponses_AreFoundForPerOperationRules()
        {
            const string source = """
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id:int}")]
    public IActionResult Get(int id) => Ok();

    [Route("{id}")]
    public IActionResult Any(int id) => Ok();

    [HttpGet("/unknown")]
    public IActionResult Unknown() => Ok();
}
""";
            var compilation = Compile(source);
            var types = RouteTypes.Get(compilation);
            var document = ErrorContract.Analyzers.Contract.OpenApi.OpenApiParser.Parse(OpenApiDocuments.Artworks).Document!;
            var controller = compilation.GetTypeByMetadataName("ArtworksController")!;
            IMethodSymbol Action(string name) => controller.GetMembers(name).OfType<IMethodSymbol>().Single();

            var get = Assert.Single(OpenApiMatching.OperationsOf(document, Action("Get"), types));
            Assert.Equal("GET /artworks/{id}", get.Display);
            Assert.Equal(new[] { "200", "4XX" }, get.Responses.Select(r => r.Key));
            Assert.True(get.Documents(404));
            Assert.False(get.Documents(500));

            Assert.Equal(new[] { "GET /artworks/{id}", "DELETE /artworks/{id}" }, OpenApiMatching.OperationsOf(document, Action("Any"), types).Select(o => o.Display));
            Assert.Empty(OpenApiMatching.OperationsOf(document, Action("Unknown"), types));
        }

        [Fact]
        public void AnUnreadablePrefixOrPattern_GivesNoRoutes()
        {
            const string source = """
var app = WebApplication.Create();
var pattern = args.Length > 0 ? "/a" : "/b";
app.MapGet(pattern, () => Results.Ok());
var group = app.MapGroup("/one");
group = app.MapGroup("/two");
group.MapGet("/x", () => Results.Ok());
Endpoints.Map(app.MapGroup("/v1"));
app.Run();

static class Endpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/artworks", () => Results.Ok());
    }
}
""";
            Assert.Equal(new[] { string.Empty, string.Empty, string.Empty }, MapRoutes(source));
        }
    }
}
