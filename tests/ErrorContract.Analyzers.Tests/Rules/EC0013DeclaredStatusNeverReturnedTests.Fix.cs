using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyFix = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.EndpointContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.UnreturnedDeclarationFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// The EC0013 fix removes the declaration of a status the endpoint never returns: the attribute (its list when it is alone
    /// there, keeping the member's documentation), or the chained <c>.Produces(…)</c> call (keeping the rest of the chain and its
    /// layout). A <c>Results&lt;…&gt;</c> type argument gets no fix. Fix All removes every such declaration. Every case runs under
    /// every sample contract (each documents 403 and 404).
    /// </summary>
    public sealed partial class EC0013DeclaredStatusNeverReturnedTests
    {
        private static Task Fix(string contract, string source, string fixedSource) =>
            VerifyFix.CodeFixAsync(TestContracts.Get(contract), source, fixedSource, test =>
            {
                test.DisabledDiagnostics.Add("EC0012");
                test.FixesCompilationEndDiagnostics();
            });

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task Fix_RemovesTheAttribute_KeepingTheActionsDocumentationAndOtherAttributes(string contract)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    /// <summary>One artwork.</summary>
    [{|EC0013:ProducesResponseType(StatusCodes.Status404NotFound)|}]
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => Ok();

    [HttpDelete("{id}")]
    [ProducesResponseType(200), {|EC0013:ProducesResponseType(403)|}]
    // Deleting is idempotent.
    [{|EC0013:ProducesResponseType(StatusCodes.Status404NotFound)|}]
    public IActionResult Delete(int id) => Ok();
}
""";
            const string fixedSource = """

public class ArtworksController : ControllerBase
{
    /// <summary>One artwork.</summary>
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => Ok();

    [HttpDelete("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Delete(int id) => Ok();
}
""";
            await Fix(contract, source, fixedSource);
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task Fix_RemovesTheProducesCall_KeepingTheChainAndItsLayout(string contract)
        {
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => Results.Ok()).Produces(200).{|EC0013:ProducesProblem(404)|};
        app.MapGet("/b", () => Results.Ok())
            .Produces(200)
            .{|EC0013:Produces(403)|}
            .{|EC0013:ProducesProblem(404)|}
            .WithName("b");
    }
}
""";
            const string fixedSource = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => Results.Ok()).Produces(200);
        app.MapGet("/b", () => Results.Ok())
            .Produces(200)
            .WithName("b");
    }
}
""";
            await Fix(contract, source, fixedSource);
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task NoFix_ForAResultsTypeArgument(string contract)
        {
            const string source = """

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/b", Results<Ok, {|EC0013:NotFound|}> () => TypedResults.Ok());
    }
}
""";
            await Fix(contract, source, source);
        }
    }
}
