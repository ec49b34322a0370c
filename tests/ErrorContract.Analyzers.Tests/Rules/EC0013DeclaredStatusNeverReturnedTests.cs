using System.Threading.Tasks;
using ErrorContract.Analyzers.Rules;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.EndpointContractAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0013 (off by default, like API1002): an endpoint declares a status it never returns. Reported on the declaration made
    /// on the endpoint itself (the attribute on the action or handler, the <c>.Produces(…)</c> call, the <c>Results&lt;…&gt;</c>
    /// type argument); silent when something the endpoint returns cannot be read, and for the statuses the framework answers
    /// by itself: 400 under [ApiController] or with bound parameters, 401/403 under authorization, 415 under [Consumes], 429
    /// under rate limiting, 500 always.
    /// </summary>
    public sealed partial class EC0013DeclaredStatusNeverReturnedTests
    {
        private static string A => TestContracts.Artworks;

        public static TheoryData<string> Seeds => new TheoryData<string> { "artworks", "studio" };

        private static DiagnosticResult Diagnostic() => new DiagnosticResult("EC0013", DiagnosticSeverity.Info);

        /// <summary>EC0013 alone (EC0012 has its own tests).</summary>
        private static Task Analyze(string contract, string source, params DiagnosticResult[] expected) =>
            VerifyCS.AnalyzerAsync(contract, source, test => test.DisabledDiagnostics.Add("EC0012"), expected);

        [Fact]
        public void TheRule_IsOffByDefault_AndAnInfoWhenTurnedOn()
        {
            foreach (var descriptor in new EndpointContractAnalyzer().SupportedDiagnostics)
            {
                if (descriptor.Id == "EC0013")
                {
                    Assert.False(descriptor.IsEnabledByDefault);
                    Assert.Equal(DiagnosticSeverity.Info, descriptor.DefaultSeverity);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task AnAttributeForAStatusTheActionNeverReturns_IsFlagged(string contract)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [{|EC0013:ProducesResponseType(StatusCodes.Status404NotFound)|}]
    public IActionResult Get(int id) => Ok();

    [HttpGet]
    [ProducesResponseType(200)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult List(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await Analyze(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task TheMessage_NamesTheStatusAndTheEndpoint()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpDelete("{id}")]
    [ProducesResponseType(200)]
    [{|#0:ProducesResponseType(409)|}]
    public IActionResult Delete(int id) => Ok();
}
""";
            await Analyze(
                A,
                source,
                Diagnostic().WithLocation(0).WithMessage("ArtworksController.Delete declares 409 but never returns it; remove the declaration, or return 409 where it applies"));
        }

        [Fact]
        public async Task AValueReturned_Is200_AndAHelperOrLocalFunctionsStatusCounts()
        {
            const string source = """

public abstract class ApiControllerBase : ControllerBase
{
    protected ActionResult Missing() => NotFound();
}

public class ArtworksController : ApiControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(409)]
    public ActionResult<string> Get(int id)
    {
        if (id == 0)
        {
            return Missing();
        }

        return id > 5 ? Taken() : "artwork";

        ActionResult Taken() => Conflict();
    }
}
""";
            await Analyze(A, source);
        }

        [Fact]
        public async Task AReturnWhoseStatusCannotBeKnown_SilencesTheRule()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public IActionResult Get(int id, int code) => id > 0 ? Ok() : StatusCode(code);

    [HttpGet]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public IActionResult List(IActionResult prepared) => prepared;
}
""";
            await Analyze(A, source);
        }

        [Fact]
        public async Task StatusesTheFrameworkAnswers_AreNotFlagged()
        {
            const string source = """
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

[ApiController]
[Authorize]
public class ArtworksController : ControllerBase
{
    [HttpPost]
    [Consumes("application/json")]
    [EnableRateLimiting("fixed")]
    [ProducesResponseType(201)]
    [ProducesResponseType(400)]
    [ProducesResponseType(401)]
    [ProducesResponseType(403)]
    [ProducesResponseType(415)]
    [ProducesResponseType(429)]
    [ProducesResponseType(500)]
    [ProducesDefaultResponseType]
    public IActionResult Create(string name) => StatusCode(201);
}

public class ArtistsController : ControllerBase
{
    [HttpPost]
    [ProducesResponseType(201)]
    [{|EC0013:ProducesResponseType(400)|}]
    [{|EC0013:ProducesResponseType(401)|}]
    [ProducesResponseType(500)]
    public IActionResult Create(string name) => StatusCode(201);
}
""";
            await Analyze(A, source);
        }

        /// <summary>Declarations for many endpoints at once (the controller, a group, a global filter, a convention) are not reported per endpoint.</summary>
        [Fact]
        public async Task DeclarationsOnTheControllerOrAGroup_AreNotReported()
        {
            const string source = """

[ProducesResponseType(404)]
public class ArtworksController : ControllerBase
{
    [HttpGet]
    [ProducesResponseType(200)]
    public IActionResult List() => Ok();
}

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/v1").ProducesProblem(404);
        api.MapGet("/a", () => Results.Ok()).Produces(200);
    }
}
""";
            await Analyze(A, source);
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task MinimalApis_AProducesCallOrAResultsArgumentNeverReturned_IsFlagged(string contract)
        {
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => Results.Ok()).Produces(200).{|EC0013:ProducesProblem(404)|};
        app.MapGet("/b", Results<Ok, {|EC0013:NotFound|}> () => TypedResults.Ok());
        app.MapGet("/c", () => Results.Ok()).Produces(200).RequireAuthorization().Produces(401).ProducesProblem(500);
        app.MapGet("/d", (int id) => Results.Ok()).Produces(200).ProducesValidationProblem();
        app.MapGet("/e", () => Results.Ok()).Produces(200).{|EC0013:ProducesValidationProblem()|};
        app.MapGroup("/f").RequireAuthorization().MapGet("/g", () => Results.Ok()).Produces(200).Produces(403);
        app.MapGet("/h", () => Results.Ok()).RequireRateLimiting("fixed").Produces(200).Produces(429);
        app.MapGet("/i", () => Results.Ok()).Produces(200).{|EC0013:Produces(429)|};
    }
}
""";
            await Analyze(TestContracts.Get(contract), source);
        }
    }
}
