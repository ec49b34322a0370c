using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyFix = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.EndpointContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.EndpointStatusDeclarationFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// The EC0012 fix declares the status in the endpoint's own style: an attribute on the action, after its other
    /// ProducesResponseType attributes; a <c>.Produces(…)</c> (or <c>.ProducesProblem(…)</c> under a problem-details contract)
    /// at the end of the Map call's chain. Fix All declares each status once per endpoint.
    /// </summary>
    public sealed partial class EC0012UndeclaredStatusCodeTests
    {
        private static Task Fix(string contract, string source, string fixedSource) =>
            VerifyFix.CodeFixAsync(contract, source, fixedSource, test =>
            {
                test.DisabledDiagnostics.Add("EC0013");
                test.FixesCompilationEndDiagnostics();
            });

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task Fix_AddsTheAttribute_AfterTheActionsOtherProducesResponseTypes(string contract)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    /// <summary>One artwork.</summary>
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [Tags("artworks")]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|EC0012:NotFound()|};
}
""";
            const string fixedSource = """

public class ArtworksController : ControllerBase
{
    /// <summary>One artwork.</summary>
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [Tags("artworks")]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await Fix(TestContracts.Get(contract), source, fixedSource);
        }

        [Fact]
        public async Task FixAll_DeclaresEachStatusOncePerAction()
        {
            const string source = """

[ProducesResponseType(200)]
public class ArtworksController : ControllerBase
{
    [HttpPut("{id}")]
    public IActionResult Put(int id)
    {
        if (id == 0)
        {
            return {|EC0012:NotFound()|};
        }

        if (id == 1)
        {
            return {|EC0012:Conflict()|};
        }

        return id > 5 ? {|EC0012:NotFound()|} : Ok();
    }

    [HttpDelete("{id}")]
    public IActionResult Delete(int id) => id > 0 ? Ok() : {|EC0012:NotFound()|};
}
""";
            const string fixedSource = """

[ProducesResponseType(200)]
public class ArtworksController : ControllerBase
{
    [HttpPut("{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public IActionResult Put(int id)
    {
        if (id == 0)
        {
            return NotFound();
        }

        if (id == 1)
        {
            return Conflict();
        }

        return id > 5 ? NotFound() : Ok();
    }

    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult Delete(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await VerifyFix.CodeFixAsync(A, source, fixedSource, test =>
            {
                test.DisabledDiagnostics.Add("EC0013");
                test.FixesCompilationEndDiagnostics();

                // One at a time, each fix declares the statuses of its own diagnostic: three fixes, one per status and action.
                test.NumberOfIncrementalIterations = 3;
            });
        }

        [Fact]
        public async Task Fix_OnAnActionWithoutAttributes_KeepsItsCommentsAboveTheNewAttribute()
        {
            const string source = """

[ProducesResponseType(200)]
public class ArtworksController : ControllerBase
{
    // Deletes one artwork.
    public IActionResult Delete(int id) => id > 0 ? Ok() : {|EC0012:NotFound()|};
}
""";
            const string fixedSource = """

[ProducesResponseType(200)]
public class ArtworksController : ControllerBase
{
    // Deletes one artwork.
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult Delete(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await Fix(A, source, fixedSource);
        }

        [Fact]
        public async Task Fix_WritesTheNumber_WhenStatusCodesIsNotImported()
        {
            const string source = """
using Microsoft.AspNetCore.Mvc;

public class ArtworksController : ControllerBase
{
    [ProducesResponseType(200)]
    public IActionResult Delete(int id) => id > 0 ? Ok() : {|EC0012:NotFound()|};
}
""";
            const string fixedSource = """
using Microsoft.AspNetCore.Mvc;

public class ArtworksController : ControllerBase
{
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public IActionResult Delete(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await VerifyFix.CodeFixAsync(A, source, fixedSource, test =>
            {
                test.DisabledDiagnostics.Add("EC0013");
                test.FixesCompilationEndDiagnostics();
                test.WithoutGlobalUsings();
            });
        }

        [Fact]
        public async Task Fix_AppendsProducesToTheMapCallChain()
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.NotFound()|}).Produces(200);
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.Conflict()|})
            .Produces(200)
            .WithName("artist");
""" + ProgramEnd;
            const string fixedSource = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200).Produces(404);
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : Results.Conflict())
            .Produces(200)
            .WithName("artist")
            .Produces(409);
""" + ProgramEnd;
            await Fix(A, source, fixedSource);
        }

        [Fact]
        public async Task Fix_UnderAProblemDetailsContract_AppendsProducesProblem()
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.NotFound()|}).Produces(200);
""" + ProgramEnd;
            const string fixedSource = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200).ProducesProblem(404);
""" + ProgramEnd;
            await Fix(TestContracts.Get("problem-details"), source, fixedSource);
        }

        [Fact]
        public async Task Fix_ForAMethodGroupHandler_DeclaresOnTheMappingThatIsJudged()
        {
            const string source = ProgramStart + """
        app.MapGet("/a", Handlers.Find);
        app.MapGet("/b", Handlers.Find).Produces(200);
""" + ProgramEnd + """

public static class Handlers
{
    public static IResult Find(int id) => id > 0 ? Results.Ok() : {|EC0012:Results.NotFound()|};
}
""";
            const string fixedSource = ProgramStart + """
        app.MapGet("/a", Handlers.Find);
        app.MapGet("/b", Handlers.Find).Produces(200).Produces(404);
""" + ProgramEnd + """

public static class Handlers
{
    public static IResult Find(int id) => id > 0 ? Results.Ok() : Results.NotFound();
}
""";
            await Fix(A, source, fixedSource);
        }

        private static Task FixByReturningTheDeclaredStatus(string contract, string source, string fixedSource) =>
            VerifyFix.CodeFixAsync(contract, source, fixedSource, test =>
            {
                test.DisabledDiagnostics.Add("EC0013");
                test.FixesCompilationEndDiagnostics();
                test.CodeActionEquivalenceKey = ErrorContract.Analyzers.CodeFixes.EndpointStatusDeclarationFixProvider.ReturnDeclaredEquivalenceKey;
            });

        /// <summary>
        /// The second fix: the only declared status of the same class is returned instead (here 404, the one client error declared,
        /// for a 400). Every sample contract documents both.
        /// </summary>
        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task Fix_ReturnsTheOnlyDeclaredStatusOfTheSameClass_InAnAction(string contract)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult Get(int id) => id > 0 ? Ok() : /* gone */ {|EC0012:BadRequest()|};
}
""";
            const string fixedSource = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult Get(int id) => id > 0 ? Ok() : /* gone */ NotFound();
}
""";
            await FixByReturningTheDeclaredStatus(TestContracts.Get(contract), source, fixedSource);
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task Fix_ReturnsTheOnlyDeclaredStatusOfTheSameClass_InAMinimalApi_AndFixAllConverges(string contract)
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.BadRequest()|}).Produces(200).ProducesProblem(404);
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.BadRequest()|})
            .Produces(200)
            .Produces(404);
""" + ProgramEnd;
            const string fixedSource = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200).ProducesProblem(404);
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound())
            .Produces(200)
            .Produces(404);
""" + ProgramEnd;
            await FixByReturningTheDeclaredStatus(TestContracts.Get(contract), source, fixedSource);
        }

        /// <summary>Two client errors declared (401 and 404): nothing says which one a 400 should be, so only the declaring fix is offered.</summary>
        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task NoReturnFix_WhenTwoDeclaredStatusesOfTheSameClassCouldReplaceIt(string contract)
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.BadRequest()|}).Produces(200).Produces(401).Produces(404);
""" + ProgramEnd;
            await FixByReturningTheDeclaredStatus(TestContracts.Get(contract), source, source);
        }

        /// <summary>
        /// The same undeclared status in one project, with an obvious replacement in one endpoint and none in the other: each
        /// diagnostic carries its own endpoint's replacement (what the rule writes for a status is made once per project).
        /// </summary>
        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task Fix_ReturnsTheDeclaredStatus_OnlyInTheEndpointThatHasOne(string contract)
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.BadRequest()|}).Produces(200).Produces(404);
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.BadRequest()|}).Produces(200).Produces(401).Produces(404);
""" + ProgramEnd;
            const string fixedSource = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200).Produces(404);
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.BadRequest()|}).Produces(200).Produces(401).Produces(404);
""" + ProgramEnd;
            await VerifyFix.CodeFixAsync(TestContracts.Get(contract), source, fixedSource, test =>
            {
                test.DisabledDiagnostics.Add("EC0013");
                test.FixesCompilationEndDiagnostics();
                test.AllowMarkupInFixedCode();
                test.CodeActionEquivalenceKey = ErrorContract.Analyzers.CodeFixes.EndpointStatusDeclarationFixProvider.ReturnDeclaredEquivalenceKey;
            });
        }

        /// <summary>
        /// The same undeclared status in an action and in a minimal API of one project: each is declared in its own style
        /// (the attribute on the action, <c>.Produces</c> on the Map call).
        /// </summary>
        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task Fix_DeclaresTheSameStatusInEachEndpointsOwnStyle(string contract)
        {
            const string source = ProgramStart + """
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.NotFound()|}).Produces(200);
""" + ProgramEnd + """

public class ArtworksController : ControllerBase
{
    [ProducesResponseType(StatusCodes.Status200OK)]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|EC0012:NotFound()|};
}
""";
            const string fixedSource = ProgramStart + """
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200).Produces(404);
""" + ProgramEnd + """

public class ArtworksController : ControllerBase
{
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await Fix(TestContracts.Get(contract), source, fixedSource);
        }

        [Fact]
        public async Task NoFix_ForAHandlerMappedInAnotherFile()
        {
            const string program = ProgramStart + """
        app.MapGet("/b", Handlers.Find).Produces(200);
""" + ProgramEnd;
            const string source = """

public static class Handlers
{
    public static IResult Find(int id) => id > 0 ? Results.Ok() : {|EC0012:Results.NotFound()|};
}
""";
            await VerifyFix.CodeFixAsync(A, source, source, test =>
            {
                test.DisabledDiagnostics.Add("EC0013");
                test.FixesCompilationEndDiagnostics();
                test.AddSource("/0/Program.cs", program);
            });
        }
    }
}
