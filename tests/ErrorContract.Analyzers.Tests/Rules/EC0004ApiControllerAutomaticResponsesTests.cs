using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.FrameworkDefaultsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0004: [ApiController] makes the framework answer invalid model state with a 400
    /// ValidationProblemDetails body and turn bodyless 4xx results into ProblemDetails. Neither seed
    /// contract's error body is ProblemDetails, so both are flagged at AddControllers() unless
    /// ApiBehaviorOptions says otherwise.
    /// </summary>
    public sealed class EC0004ApiControllerAutomaticResponsesTests
    {
        private const string Controller = """

[ApiController]
[Route("artworks")]
public class ArtworksController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => Ok();
}

""";

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        [InlineData("payments")]
        [InlineData("header-key")]
        public async Task AddControllers_WithApiController_AndNoApiBehaviorOptions_IsFlaggedTwice(string contract)
        {
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.{|#0:AddControllers()|};
    }
}
""";
            var name = contract switch { "artworks" => "Artworks API", "studio" => "Studio API", "payments" => "Payments API", _ => "Header Key API" };
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0004").WithLocation(0).WithMessage(
                    "[ApiController] answers invalid model state with a 400 ValidationProblemDetails body, which is not the " + name + " error contract's error body; set ApiBehaviorOptions.InvalidModelStateResponseFactory to return the contract's body (in ConfigureApiBehaviorOptions), or set SuppressModelStateInvalidFilter = true and validate in the actions"),
                VerifyCS.Diagnostic("EC0004").WithLocation(0).WithMessage(
                    "[ApiController] turns bodyless 4xx results such as NotFound() into ProblemDetails bodies, which is not the " + name + " error contract's error body; set ApiBehaviorOptions.SuppressMapClientErrors = true and return the contract's body from the actions"));
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task ConfigureApiBehaviorOptions_WithTheContractsBody_IsSilent(string contract)
        {
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddControllers().ConfigureApiBehaviorOptions(options =>
        {
            options.InvalidModelStateResponseFactory = context =>
                new BadRequestObjectResult(new { error = "bad_request", message = "Invalid input or missing required fields" });
            options.SuppressMapClientErrors = true;
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task ConfigureOfApiBehaviorOptions_SuppressingTheFilter_IsSilent()
        {
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(IServiceCollection services)
    {
        services.AddControllers();
        services.Configure<ApiBehaviorOptions>(o =>
        {
            o.SuppressModelStateInvalidFilter = true;
            o.SuppressMapClientErrors = true;
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, source);
            await VerifyCS.AnalyzerAsync(TestContracts.Studio, source);
        }

        [Theory]
        [InlineData("artworks", "AddControllersWithViews")]
        [InlineData("studio", "AddControllersWithViews")]
        [InlineData("artworks", "AddMvcCore")]
        [InlineData("studio", "AddMvcCore")]
        public async Task EveryMvcRegistration_IsFlagged_UnlessTheOptionsHandleIt(string contract, string registration)
        {
            // Each way of registering MVC turns on [ApiController]'s behaviour: each is flagged, and each is silent once the
            // options handle both behaviours.
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(IServiceCollection services)
    {
        services.{|EC0004:{|EC0004:
""" + registration + """
()|}|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);

            var handled = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(IServiceCollection services)
    {
        services.
""" + registration + """
();
        services.Configure<ApiBehaviorOptions>(o =>
        {
            o.SuppressModelStateInvalidFilter = true;
            o.SuppressMapClientErrors = true;
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), handled);
        }

        [Fact]
        public async Task OnlyTheUnhandledBehaviour_IsFlagged()
        {
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(IServiceCollection services)
    {
        services.{|EC0004:AddMvc()|}.ConfigureApiBehaviorOptions(o => o.SuppressModelStateInvalidFilter = true);
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Studio, source);
        }

        [Fact]
        public async Task SettingTheSwitchesToFalse_DoesNotCount()
        {
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(IServiceCollection services)
    {
        services.{|EC0004:{|EC0004:AddControllers()|}|}.ConfigureApiBehaviorOptions(o =>
        {
            o.SuppressModelStateInvalidFilter = false;
            o.SuppressMapClientErrors = false;
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, source);
        }

        [Fact]
        public async Task WithoutApiController_NothingIsFlagged()
        {
            const string source = """
using Microsoft.Extensions.DependencyInjection;

public class ArtworksController : ControllerBase
{
    public IActionResult Get() => Ok();
}

public static class Startup
{
    public static void Configure(IServiceCollection services) => services.AddControllers();
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, source);
            await VerifyCS.AnalyzerAsync(TestContracts.Studio, source);
        }

        [Fact]
        public async Task AssemblyLevelApiController_AndInheritedAttribute_AreFound()
        {
            const string assemblyLevel = """
using Microsoft.Extensions.DependencyInjection;
[assembly: ApiController]

public class ArtworksController : ControllerBase
{
    public IActionResult Get() => Ok();
}

public static class Startup
{
    public static void Configure(IServiceCollection services) => services.{|EC0004:{|EC0004:AddControllers()|}|};
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, assemblyLevel);

            const string inherited = """
using Microsoft.Extensions.DependencyInjection;

[ApiController]
public abstract class ApiControllerBase : ControllerBase
{
}

public class ArtworksController : ApiControllerBase
{
    public IActionResult Get() => Ok();
}

public static class Startup
{
    public static void Configure(IServiceCollection services) => services.{|EC0004:{|EC0004:AddControllers()|}|};
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Studio, inherited);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task AssemblyLevelApiController_InAGeneratedFile_IsFlaggedAtTheRegistrationOnly(string contract)
        {
            // A generated AssemblyInfo still makes every controller an API controller: flagged at the hand-written
            // AddControllers(), never in the generated file.
            const string generatedAssemblyInfo = """
// <auto-generated/>
[assembly: ApiController]
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), """
using Microsoft.Extensions.DependencyInjection;

public class ArtworksController : ControllerBase
{
    public IActionResult Get() => Ok();
}

public static class Startup
{
    public static void Configure(IServiceCollection services) => services.{|EC0004:{|EC0004:AddControllers()|}|};
}
""", test => test.AddSource("/0/AssemblyInfo.cs", generatedAssemblyInfo));

            // Without a registration the only place to point at is generated: nothing is reported.
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), """

public class ArtworksController : ControllerBase
{
    public IActionResult Get() => Ok();
}
""", test => test.AddSource("/0/AssemblyInfo.g.cs", "[assembly: ApiController]"));
        }

        [Fact]
        public async Task WithoutARegistrationInTheProject_TheAttributeIsFlagged()
        {
            const string source = """

[{|EC0004:{|EC0004:ApiController|}|}]
public class ArtworksController : ControllerBase
{
    public IActionResult Get() => Ok();
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Artworks, source);
        }

        [Fact]
        public async Task AProblemDetailsContract_IsNotFlagged()
        {
            const string contract = """
{
  "statuses": { "200": {}, "400": {}, "404": {} },
  "errorBody": { "fields": {
    "type": { "type": "string" }, "title": { "type": "string", "required": true },
    "status": { "type": "integer", "required": true }, "detail": { "type": "string" },
    "errors": { "type": "object" } } }
}
""";
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(IServiceCollection services) => services.AddControllers();
}
""";
            await VerifyCS.AnalyzerAsync(contract, source);
        }

        [Fact]
        public async Task WithoutAContract_NothingIsFlagged()
        {
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(IServiceCollection services) => services.AddControllers();
}
""";
            await VerifyCS.AnalyzerAsync(null, source);
        }

        // ---------- a problem-details contract: the framework's problems have the shape, not the documented types ----------

        [Fact]
        public async Task ProblemDetailsContract_TheFrameworksDefaultTypes_AreFlagged()
        {
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.{|#0:AddControllers()|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get("problem-details"),
                source,
                VerifyCS.Diagnostic("EC0004").WithLocation(0).WithMessage(
                    "[ApiController] answers invalid model state with a 400 problem whose 'type' is the framework's default (a link to the HTTP specification), but the Problem Details API error contract documents \"https://example.com/probs/bad-request\" for 400; set ApiBehaviorOptions.InvalidModelStateResponseFactory to return the documented problem (in ConfigureApiBehaviorOptions), set ProblemDetailsOptions.CustomizeProblemDetails, or set SuppressModelStateInvalidFilter = true and validate in the actions"),
                VerifyCS.Diagnostic("EC0004").WithLocation(0).WithMessage(
                    "[ApiController] turns bodyless 4xx results such as NotFound() into problems whose 'type' is the framework's default (a link to the HTTP specification), not the type the Problem Details API error contract documents for each status (\"https://example.com/probs/not-found\" for 404); set ApiBehaviorOptions.ClientErrorMapping[404].Link (and the other statuses') to the documented types, or set SuppressMapClientErrors = true and return Problem(type: …) from the actions"));
        }

        [Fact]
        public async Task ProblemDetailsContract_ClientErrorLinks_AndAnInvalidModelStateFactory_AreSilent()
        {
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddControllers().ConfigureApiBehaviorOptions(options =>
        {
            options.ClientErrorMapping[404].Link = "https://example.com/probs/not-found";
            options.InvalidModelStateResponseFactory = context =>
                new UnprocessableEntityObjectResult(new ValidationProblemDetails(context.ModelState) { Type = "https://example.com/probs/validation-failed", Status = 422 });
        });
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get("problem-details"), source);
        }

        [Fact]
        public async Task ProblemDetailsContract_CustomizeProblemDetails_IsSilent()
        {
            var source = """
using Microsoft.Extensions.DependencyInjection;

""" + Controller + """

public static class Startup
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddControllers();
        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context => context.ProblemDetails.Type = "https://example.com/probs/" + context.ProblemDetails.Status);
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get("problem-details"), source);
        }
    }
}
