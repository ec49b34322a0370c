using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.EndpointContractAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0012: a controller action returns a status the contract documents but the action does not declare. What an action
    /// declares is merged as ASP.NET Core's API explorer merges it: its own <c>[ProducesResponseType]</c>, its controller's and
    /// base classes', global filters, and API conventions when none of those declares a response type. Both seed contracts
    /// document 404, 409 (Artworks) or 400 (both), so the theories run under both. The minimal-API half of the rule is in
    /// <c>EC0012UndeclaredStatusCodeTests.MinimalApis.cs</c>.
    /// </summary>
    public sealed partial class EC0012UndeclaredStatusCodeTests
    {
        private static string A => TestContracts.Artworks;

        private static string B => TestContracts.Studio;

        public static TheoryData<string> Seeds => new TheoryData<string> { "artworks", "studio" };

        /// <summary>EC0012 alone: EC0013 (off by default in a build, on in the test framework) has its own tests.</summary>
        private static Task Analyze(string contract, string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            Analyze(contract, source, _ => { }, expected);

        private static Task Analyze(string contract, string source, System.Action<ContractTest<ErrorContract.Analyzers.Rules.EndpointContractAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>> configure, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            VerifyCS.AnalyzerAsync(
                contract,
                source,
                test =>
                {
                    test.DisabledDiagnostics.Add("EC0013");
                    configure(test);
                },
                expected);

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task ActionReturnsAStatusItDoesNotDeclare_IsFlaggedAtTheReturn(string contract)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public IActionResult Get(int id)
    {
        if (id <= 0)
        {
            return {|EC0012:NotFound()|};
        }

        return Ok();
    }
}
""";
            await Analyze(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task TheMessage_NamesTheStatus_TheAction_WhatItDeclares_AndHowToDeclareIt()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|#0:NotFound()|};
}
""";
            await Analyze(
                A,
                source,
                VerifyCS.Diagnostic("EC0012").WithLocation(0).WithMessage(
                    "ArtworksController.Get returns 404, which it does not declare (it declares 200, 400); declare it with [ProducesResponseType(StatusCodes.Status404NotFound)] on the action or its controller"));
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task DeclaredStatuses_AreSilent(string contract)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType<string>(200)]
    [ProducesResponseType(typeof(void), StatusCodes.Status404NotFound)]
    [ProducesResponseType(400, Type = typeof(string))]
    public IActionResult Get(int id) => id > 0 ? Ok("x") : id == 0 ? BadRequest() : NotFound();
}
""";
            await Analyze(TestContracts.Get(contract), source);
        }

        /// <summary>
        /// A value returned from an ActionResult&lt;T&gt; action is a 200 response (API1001's case): undeclared when the action
        /// declares response types without 200, as the API explorer then documents no 200.
        /// </summary>
        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task AValueReturned_IsA200_ThatMustBeDeclared(string contract)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<string> Get(int id) => id > 0 ? {|EC0012:"artwork"|} : NotFound();

    [HttpGet]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public async Task<ActionResult<string>> List(int id)
    {
        await Task.Yield();
        return id > 0 ? "artworks" : NotFound();
    }
}
""";
            await Analyze(TestContracts.Get(contract), source);
        }

        /// <summary>A status the contract does not document at all is EC0001's (418 here), never EC0012's as well.</summary>
        [Fact]
        public async Task AStatusTheContractDoesNotDocument_IsLeftToEC0001()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet]
    [ProducesResponseType(200)]
    public IActionResult Get() => StatusCode(418);
}
""";
            await Analyze(A, source);
        }

        /// <summary>An action that declares nothing at all is not judged (EC0001 still applies to it).</summary>
        [Fact]
        public async Task AnActionThatDeclaresNothing_IsNotJudged()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await Analyze(A, source);
        }

        [Fact]
        public async Task MethodsThatAreNoActions_AreNotJudged()
        {
            const string source = """

[ProducesResponseType(200)]
public class ArtworksController : ControllerBase
{
    [NonAction]
    public IActionResult Missing() => NotFound();

    private IActionResult Gone() => NotFound();

    public static IActionResult Static() => new NotFoundResult();
}

[ProducesResponseType(200)]
public class ArtworkService
{
    public IActionResult Find() => new NotFoundResult();
}
""";
            await Analyze(A, source);
        }

        /// <summary>Pages are no part of the API (see EC0001): a view action is not judged, a data action of the same controller is.</summary>
        [Fact]
        public async Task ViewActions_AreNotJudged()
        {
            const string source = """

[ProducesResponseType(200)]
public class HomeController : Controller
{
    public IActionResult Index(int id) => id > 0 ? View() : NotFound();

    public IActionResult Data(int id) => id > 0 ? Json(id) : {|EC0012:NotFound()|};
}
""";
            await Analyze(A, source);
        }

        /// <summary>aspnetcore#20662: the API analyzer ignored attributes on the controller class.</summary>
        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task AttributesOnTheController_DeclareForEveryAction_aspnetcore20662(string contract)
        {
            const string source = """

[ApiController]
[Route("artworks")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();

    [HttpDelete("{id}")]
    public IActionResult Delete(int id) => id > 0 ? {|EC0012:Ok()|} : NotFound();
}
""";
            await Analyze(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task AttributesOnABaseController_DeclareForEveryAction()
        {
            const string source = """

[ProducesResponseType(StatusCodes.Status404NotFound)]
[ProducesResponseType(StatusCodes.Status200OK)]
public abstract class ApiControllerBase : ControllerBase
{
}

public class ArtworksController : ApiControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => id > 0 ? Ok() : id == 0 ? {|EC0012:Conflict()|} : NotFound();
}
""";
            await Analyze(A, source);
        }

        /// <summary>aspnetcore#39632: an attribute derived from ProducesResponseType declares the status its constructor gives the base.</summary>
        [Fact]
        public async Task DerivedAttributes_DeclareTheStatusTheirConstructorGives_aspnetcore39632()
        {
            const string source = """

public sealed class NotFoundResponseAttribute : ProducesResponseTypeAttribute
{
    public NotFoundResponseAttribute() : base(StatusCodes.Status404NotFound) { }
}

public sealed class ResponseAttribute : ProducesResponseTypeAttribute
{
    public ResponseAttribute(int status) : base(status) { }
}

public sealed class ConflictResponseAttribute : ProducesResponseTypeAttribute
{
    public ConflictResponseAttribute() : base(200)
    {
        StatusCode = 409;
    }
}

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [NotFoundResponse]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();

    [HttpPut("{id}")]
    [Response(200)]
    [ConflictResponse]
    public IActionResult Put(int id) => id > 0 ? Ok() : id == 0 ? Conflict() : {|EC0012:NotFound()|};
}
""";
            await Analyze(A, source);
        }

        /// <summary>A derived attribute whose status cannot be read leaves the action open: it is not judged.</summary>
        [Fact]
        public async Task ADerivedAttributeWhoseStatusCannotBeRead_LeavesTheActionOpen()
        {
            const string source = """

public sealed class ComputedResponseAttribute : ProducesResponseTypeAttribute
{
    public ComputedResponseAttribute() : base(Pick()) { }

    private static int Pick() => 404;
}

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [ComputedResponse]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await Analyze(A, source);
        }

        [Fact]
        public async Task ADerivedAttributeFromALibrary_LeavesTheActionOpen()
        {
            var library = TestReferences.Compile("Responses", """
namespace Responses
{
    public sealed class NotFoundResponseAttribute : Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute
    {
        public NotFoundResponseAttribute() : base(404) { }
    }
}
""", TestReferences.AspNetCore);
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [Responses.NotFoundResponse]
    public IActionResult Get(int id) => id > 0 ? Ok() : id == 0 ? Conflict() : NotFound();
}
""";
            await Analyze(A, source, test => test.WithReference(library));
        }

        [Fact]
        public async Task ProducesDefaultResponseType_DeclaresEveryStatus()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [ProducesDefaultResponseType]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await Analyze(A, source);
        }

        [Fact]
        public async Task ProducesErrorResponseType_DeclaresNoStatus()
        {
            const string source = """

[ProducesErrorResponseType(typeof(ProblemDetails))]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|EC0012:NotFound()|};
}
""";
            await Analyze(A, source);
        }

        /// <summary>aspnetcore#33105: the API analyzer missed statuses returned through a ternary; switch expressions alike.</summary>
        [Fact]
        public async Task TernariesAndSwitchExpressions_EachBranchIsAReturn_aspnetcore33105()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|EC0012:NotFound()|};

    [HttpPut("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Put(int id) => id switch
    {
        0 => {|EC0012:NotFound()|},
        1 => {|EC0012:Conflict()|},
        _ => StatusCode(id > 5 ? {|EC0012:409|} : 200),
    };
}
""";
            await Analyze(A, source);
        }

        /// <summary>aspnetcore#36315: a result made inside a nested lambda (LINQ, Task.Run) is not what the action returns.</summary>
        [Fact]
        public async Task ResultsMadeInNestedLambdas_AreNotTheActionsReturns_aspnetcore36315()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet]
    [ProducesResponseType(200)]
    public async Task<IActionResult> List(int[] ids)
    {
        var results = ids.Select(id => id > 0 ? (IActionResult)Ok() : NotFound()).ToList();
        var later = await Task.Run(() => Conflict());
        return Ok(results.Count + (later == null ? 0 : 1));
    }
}
""";
            await Analyze(A, source);
        }

        [Fact]
        public async Task LocalFunctionsTheActionCalls_AreItsReturns()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id)
    {
        return id > 0 ? Ok() : Missing();

        IActionResult Missing() => {|EC0012:NotFound()|};
    }

    [HttpGet]
    [ProducesResponseType(200)]
    public IActionResult List()
    {
        return Ok();

        IActionResult NeverCalled() => NotFound();
    }
}
""";
            await Analyze(A, source);
        }

        /// <summary>
        /// aspnetcore#4410: the API analyzer missed statuses returned by helpers in a base controller. A helper's status is
        /// reported at the call in the action (the helper is not the endpoint).
        /// </summary>
        [Fact]
        public async Task HelpersInABaseController_AreFollowed_AndReportedAtTheCall_aspnetcore4410()
        {
            const string source = """

public abstract class ApiControllerBase : ControllerBase
{
    protected IActionResult Missing() => NotFound();

    protected IActionResult Error(int status, string message) => StatusCode(status, new { message });
}

public class ArtworksController : ApiControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|EC0012:Missing()|};

    [HttpPut("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Put(int id) => id > 0 ? Ok() : {|EC0012:Error(409, "Already exists")|};
}
""";
            await Analyze(A, source);
        }

        /// <summary>aspnetcore#40823: an IResult returned from a controller action is a response of the action.</summary>
        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task IResultValuesReturnedFromAnAction_Count_aspnetcore40823(string contract)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IResult Get(int id) => id > 0 ? Results.Ok() : {|EC0012:TypedResults.NotFound()|};

    [HttpGet]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public IResult List(int id) => id > 0 ? Results.Ok() : Results.NotFound();
}
""";
            await Analyze(TestContracts.Get(contract), source);
        }

        /// <summary>aspnetcore#28589: the API analyzer crashed (AD0001) on ValidationProblem(); here it is a 400 like any other.</summary>
        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task ValidationProblem_IsA400_AndDoesNotCrash_aspnetcore28589(string contract)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpPost]
    [ProducesResponseType(200)]
    public IActionResult Create(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("name", "Required");
            return {|EC0012:ValidationProblem(ModelState)|};
        }

        return Ok();
    }

    [HttpPut]
    [ProducesResponseType(200)]
    [ProducesResponseType(400)]
    public IActionResult Update() => ValidationProblem();
}
""";
            await Analyze(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task GlobalFilters_DeclareForEveryAction()
        {
            const string program = """
using Microsoft.Extensions.DependencyInjection;

public static class Startup
{
    public static void Configure(IServiceCollection services)
    {
        services.AddControllers(options =>
        {
            options.Filters.Add(new ProducesResponseTypeAttribute(StatusCodes.Status404NotFound));
            options.Filters.Add(new ProducesResponseTypeAttribute(typeof(ProblemDetails), 500));
        });
    }
}
""";
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();

    [HttpPut("{id}")]
    public IActionResult Put(int id) => id > 0 ? {|EC0012:Ok()|} : id == 0 ? {|EC0012:Conflict()|} : NotFound();
}
""";
            await Analyze(A, source, test => test.AddSource("/0/Startup.cs", program));
        }

        [Fact]
        public async Task AGlobalFilterWhoseStatusCannotBeRead_LeavesEveryActionOpen()
        {
            const string program = """
using Microsoft.Extensions.DependencyInjection;

public static class Startup
{
    public static void Configure(IServiceCollection services, int status)
    {
        services.AddControllers(options => options.Filters.Add(new ProducesResponseTypeAttribute(status)));
    }
}
""";
            const string source = """

public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
}
""";
            await Analyze(A, source, test => test.AddSource("/0/Startup.cs", program));
        }
    }
}
