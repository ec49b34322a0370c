using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0012 and API conventions: an <c>[ApiController]</c> action that declares no response type itself takes the responses of
    /// its convention method: <c>[ApiConventionMethod]</c> on the action, else the first matching method of the
    /// <c>[ApiConventionType]</c> types of its controller, its base classes or the assembly, matched as ASP.NET Core matches them.
    /// </summary>
    public sealed partial class EC0012UndeclaredStatusCodeTests
    {
        /// <summary>A convention type like the framework's DefaultApiConventions, without its [ProducesDefaultResponseType].</summary>
        private const string Conventions = """

public static class ArtworkConventions
{
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatch(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatchBehavior.Prefix)]
    public static void Get(
        [Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatch(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatchBehavior.Suffix)]
        [Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionTypeMatch(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionTypeMatchBehavior.Any)]
        object id)
    {
    }
}
""";

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task AConventionTypeOnTheController_DeclaresForTheActionsItMatches(string contract)
        {
            const string source = Conventions + """

[ApiController]
[ApiConventionType(typeof(ArtworkConventions))]
public class ArtworksController : ControllerBase
{
    [HttpGet("{artworkId}")]
    public IActionResult GetArtwork(int artworkId) => artworkId > 0 ? Ok() : artworkId == 0 ? NotFound() : {|EC0012:StatusCode(429)|};
}
""";
            await Analyze(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task AConventionMethodOnTheAction_Declares()
        {
            const string source = Conventions + """

[ApiController]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ApiConventionMethod(typeof(ArtworkConventions), nameof(ArtworkConventions.Get))]
    public IActionResult Find(int id) => id > 0 ? Ok() : id == 0 ? NotFound() : {|EC0012:Conflict()|};
}
""";
            await Analyze(A, source);
        }

        /// <summary>aspnetcore#4951: conventions declared on a base controller or on the assembly were not seen.</summary>
        [Fact]
        public async Task ConventionsOnABaseClass_Apply_aspnetcore4951()
        {
            const string source = Conventions + """

[ApiController]
[ApiConventionType(typeof(ArtworkConventions))]
public abstract class ApiControllerBase : ControllerBase
{
}

public class ArtworksController : ApiControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => id > 0 ? Ok() : id == 0 ? NotFound() : {|EC0012:Conflict()|};
}
""";
            await Analyze(A, source);
        }

        /// <summary>aspnetcore#4951: <c>[assembly: ApiConventionType]</c> applies to every API controller without conventions of its own.</summary>
        [Fact]
        public async Task ConventionsOnTheAssembly_Apply_aspnetcore4951()
        {
            const string source = """
[assembly: ApiConventionType(typeof(ArtworkConventions))]
""" + Conventions + """

[ApiController]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => id > 0 ? Ok() : id == 0 ? NotFound() : {|EC0012:Conflict()|};
}
""";
            await Analyze(A, source);
        }

        /// <summary>aspnetcore#7865: a CancellationToken parameter kept the action from matching its convention.</summary>
        [Fact]
        public async Task ACancellationTokenParameter_IsIgnoredWhenMatching_aspnetcore7865()
        {
            const string source = Conventions + """

[ApiController]
[ApiConventionType(typeof(ArtworkConventions))]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    public async Task<IActionResult> Get(int id, System.Threading.CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return id > 0 ? Ok() : id == 0 ? NotFound() : {|EC0012:Conflict()|};
    }
}
""";
            await Analyze(A, source);
        }

        /// <summary>A prefix matches at a word boundary only: <c>Getaway</c> is no <c>Get</c> action, so it declares nothing and is not judged.</summary>
        [Fact]
        public async Task APrefixMatchesOnlyAtAWordBoundary()
        {
            const string source = Conventions + """

[ApiController]
[ApiConventionType(typeof(ArtworkConventions))]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Getaway(int id) => id > 0 ? Ok() : Conflict();

    [HttpGet("by/{id}")]
    public IActionResult GetById(int id) => id > 0 ? Ok() : {|EC0012:Conflict()|};

    [HttpGet("two/{id}/{other}")]
    public IActionResult GetTwo(int id, int other) => id > 0 ? Ok() : Conflict();
}
""";
            await Analyze(A, source);
        }

        /// <summary>An action's own [ProducesResponseType] wins over conventions, as in ASP.NET Core: the convention's 404 is not declared.</summary>
        [Fact]
        public async Task TheActionsOwnAttributes_WinOverConventions()
        {
            const string source = Conventions + """

[ApiController]
[ApiConventionType(typeof(ArtworkConventions))]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|EC0012:NotFound()|};
}
""";
            await Analyze(A, source);
        }

        /// <summary>
        /// The framework's DefaultApiConventions are read from its assembly like any convention type: Get declares 200, 404 and a
        /// default response, so every status is declared.
        /// </summary>
        [Fact]
        public async Task DefaultApiConventions_AreReadFromMetadata()
        {
            const string source = """

[ApiController]
[ApiConventionType(typeof(DefaultApiConventions))]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => id > 0 ? Ok() : id == 0 ? NotFound() : Conflict();
}

[ApiController]
[ApiConventionType(typeof(DefaultApiConventions))]
[ProducesResponseType(200)]
public class ArtistsController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|EC0012:NotFound()|};
}
""";
            await Analyze(A, source);
        }

        /// <summary>Conventions apply to [ApiController] controllers only, as in ASP.NET Core.</summary>
        [Fact]
        public async Task Conventions_ApplyToApiControllersOnly()
        {
            const string source = Conventions + """

[ApiConventionType(typeof(ArtworkConventions))]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => id > 0 ? Ok() : Conflict();
}
""";
            await Analyze(A, source);
        }
    }
}
