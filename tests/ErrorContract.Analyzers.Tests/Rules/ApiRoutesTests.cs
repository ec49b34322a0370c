using System.Threading.Tasks;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyContract = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ContractFileAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using VerifyStatus = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.UndocumentedStatusCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// The contract's <c>apiRoutes</c> say which routes are the API (<c>["/v1/**"]</c>: '*' one segment, '**' any number). Code
    /// of an endpoint whose every route is outside them — a controller action, a minimal API handler lambda — is not judged by
    /// the contract; an endpoint with one route inside is; code whose endpoint or route cannot be determined (middleware, helpers,
    /// a handler passed as a method group, a group prefix from elsewhere) is judged as without apiRoutes. A malformed pattern is
    /// EC0000, at the pattern.
    /// </summary>
    public sealed class ApiRoutesTests
    {
        private const string Contract = """
{
  "apiRoutes": ["/v1/**"],
  "successStatuses": "any",
  "statuses": { "400": { "description": "Bad request" }, "404": { "description": "Not found" } },
  "errorBody": { "fields": { "message": { "type": "string" } } }
}
""";

        private static string ContractWith(string apiRoutes) => Contract.Replace("[\"/v1/**\"]", apiRoutes);

        [Fact]
        public void ThePatterns_AreRead_IntoTheContract()
        {
            var contract = ContractParser.Parse(ContractWith("[\"/v1/**\", \"/internal/*/status\"]")).Contract!;
            Assert.Equal(new[] { "/v1/**", "/internal/*/status" }, contract.ApiRoutes);
            Assert.True(contract.IsApiRoute("/v1/artworks/{}"));
            Assert.True(contract.IsApiRoute("/internal/{}/status"));
            Assert.False(contract.IsApiRoute("/health"));
        }

        [Fact]
        public void WithoutApiRoutes_EveryRouteIsTheApi()
        {
            var contract = ContractParser.Parse(ContractTestHelpers.ReadArtworks()).Contract!;
            Assert.True(contract.ApiRoutes.IsEmpty);
            Assert.True(contract.IsApiRoute("/health"));
        }

        [Theory]
        [InlineData("\"/v1/**\"", "'apiRoutes' must be an array of route patterns, such as [\"/v1/**\", \"/api/**\"], not \"/v1/**\"", 2, 16, 2, 24)]
        [InlineData("[]", "'apiRoutes' is empty; list the routes that are the API, such as [\"/v1/**\"], or remove it to judge every route", 2, 16, 2, 18)]
        [InlineData("[\"v1/**\"]", "the API route pattern \"v1/**\" does not start with '/'; write the route from the root, such as \"/v1/**\"", 2, 17, 2, 24)]
        [InlineData("[\"/v1*\"]", "the API route pattern \"/v1*\" has 'v1*', where a star is part of a segment; '*' (one segment) and '**' (any number of segments) must be whole segments, such as \"/v1/**\"", 2, 17, 2, 23)]
        [InlineData("[\"/v1/{id}\"]", "the API route pattern \"/v1/{id}\" has the parameter '{id}'; write '*' for a segment that varies (\"/v1/artworks/*\")", 2, 17, 2, 27)]
        [InlineData("[\"/v1/**\", \"/v1/**\"]", "'apiRoutes' lists \"/v1/**\" twice; list each pattern once", 2, 27, 2, 35)]
        [InlineData("[7]", "each item of 'apiRoutes' must be a string (a route pattern such as \"/v1/**\"), not 7", 2, 17, 2, 18)]
        public async Task AMalformedPattern_IsEC0000_AtThePattern(string apiRoutes, string message, int line, int column, int endLine, int endColumn)
        {
            await VerifyContract.AnalyzerAsync(
                ContractWith(apiRoutes),
                "\npublic class C { }\n",
                new DiagnosticResult(RuleIds.InvalidContract, DiagnosticSeverity.Warning)
                    .WithSpan(ContractTest<ErrorContract.Analyzers.Rules.ContractFileAnalyzer, EmptyCodeFixProvider>.ContractPath, line, column, endLine, endColumn)
                    .WithMessage("errorcontract.json: " + message + "; the error contract rules are off until the file is fixed"));
        }

        [Fact]
        public async Task ControllerActions_AreJudgedInsideTheApiRoutes_AndSilentOutside()
        {
            const string source = """

[ApiController]
[Route("v1/artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => {|EC0001:StatusCode(418)|};

    // A route outside the API, next to one inside: the action is part of the API, and judged.
    [HttpGet("/legacy/artworks/{id}")]
    [HttpGet("{id}/legacy")]
    public IActionResult Legacy(int id) => {|EC0001:StatusCode(418)|};

    // Every route outside: not the contract's business.
    [HttpGet("/health")]
    public IActionResult Health() => StatusCode(418);
}

[Route("admin")]
[ProducesResponseType(418)]
public class AdminController : ControllerBase
{
    [HttpPost("reindex")]
    [ProducesResponseType(418)]
    public IActionResult Reindex()
    {
        IActionResult Local() => StatusCode(418);
        return Local();
    }
}
""";
            await VerifyStatus.AnalyzerAsync(Contract, source);
        }

        [Fact]
        public async Task AControllersOwnAttributes_AreJudged_WhenOneOfItsActionsIsInsideTheApi()
        {
            const string source = """

[Route("status")]
[{|EC0001:ProducesResponseType(418)|}]
public class StatusController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok();

    [HttpGet("/v1/status")]
    public IActionResult Versioned() => Ok();
}
""";
            await VerifyStatus.AnalyzerAsync(Contract, source);
        }

        [Fact]
        public async Task MinimalApiHandlers_AreJudgedInsideTheApiRoutes_AndSilentOutside()
        {
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapGet("/artworks/{id}", (int id) => {|EC0001:Results.StatusCode(418)|});
        app.MapGet("/health", () => Results.StatusCode(418));
        app.MapGroup("/internal").MapGet("/ping", () => Results.StatusCode(418));
    }
}

public class Startup
{
    public void Configure(WebApplication app)
    {
        app.MapGet("/health/ready", () => Results.StatusCode(418));
        app.MapGet("/v1/ready", () => {|EC0001:Results.StatusCode(418)|});
    }
}
""";
            await VerifyStatus.AnalyzerAsync(Contract, source);
        }

        [Fact]
        public async Task CodeWhoseEndpointOrRouteIsUnknown_IsJudgedAsBefore()
        {
            const string source = """

public static class Endpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        // The prefix comes from the caller: the route is unknown.
        routes.MapGet("/health", () => {|EC0001:Results.StatusCode(418)|});
    }

    public static IResult Teapot() => {|EC0001:Results.StatusCode(418)|};
}

[Route("health")]
public class HealthController : ControllerBase
{
    // No attribute route on the action and a controller route: /health, outside.
    [HttpGet]
    public IActionResult Get() => StatusCode(418);
}

public class HomeController : ControllerBase
{
    // Conventional routing: the route is unknown.
    public IActionResult Index() => {|EC0001:StatusCode(418)|};
}
""";
            await VerifyStatus.AnalyzerAsync(Contract, source);
        }

        [Fact]
        public async Task WithoutApiRoutes_EveryEndpointIsJudged()
        {
            const string source = """

[Route("health")]
public class HealthController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => {|EC0001:StatusCode(418)|};
}
""";
            await VerifyStatus.AnalyzerAsync(Contract.Replace("  \"apiRoutes\": [\"/v1/**\"],\n", string.Empty), source);
        }
    }
}
