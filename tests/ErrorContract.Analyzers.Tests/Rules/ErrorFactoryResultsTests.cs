using System.Linq;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Generation;
using ErrorContract.Analyzers.Rules;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// The generated error factories (<c>ApiErrors.NotFound("…")</c>) as the rules see them: a factory's result follows the
    /// contract by construction, so no rule about a response's status, body, headers or content type reports it, wherever it
    /// is used; the endpoint rules read its status (a 404 returned where only 200 is declared is still EC0012).
    /// </summary>
    public sealed class ErrorFactoryResultsTests
    {
        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task EveryFactory_InAnAction_AHandler_AndMiddleware_IsReportedByNoRule(string name)
        {
            var contract = TestContracts.Get(name);
            var calls = FactoryCalls(contract);
            var source = "\npublic class ArtworksController : ControllerBase\n{\n"
                + string.Join("\n", calls.Select((call, i) => "    public IActionResult Action" + i + "(int id) => id > 0 ? Ok() : " + call + ";\n"))
                + "}\n\npublic static class Handlers\n{\n"
                + string.Join("\n", calls.Select((call, i) => "    public static IResult Handler" + i + "(int id) => id > 0 ? Results.Ok() : " + call + ";\n"))
                + string.Join("\n", calls.Select((call, i) => "    public static async Task Middleware" + i + "(HttpContext context) => await " + call + ".WriteAsync(context.Response);\n"))
                + "}\n";

            var test = ContractTest<ResponseContractAnalyzer, EmptyCodeFixProvider>.Create(contract, source).WithErrorFactories(contract).WithEveryRule();
            await test.RunAsync();
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task AFactoryStatusTheEndpointDoesNotDeclare_IsEC0012_AtTheCall(string name)
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => id > 0 ? Ok() : {|EC0012:ApiErrors.NotFound("Resource not found")|};

    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public IActionResult Declared(int id) => id > 0 ? Ok() : ApiErrors.NotFound("Resource not found");
}

public static class Program
{
    public static void Main(string[] args)
    {
        var app = WebApplication.Create(args);
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:ApiErrors.NotFound("Resource not found")|}).Produces(200);
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : ApiErrors.NotFound("Resource not found")).Produces(200).Produces(404);
        app.MapGet("/studios/{id}", Results<Ok, ApiErrors.NotFoundResult> (int id) => id > 0 ? TypedResults.Ok() : ApiErrors.NotFound("Resource not found")).Produces(200);
        app.Run();
    }
}
""";
            var contract = TestContracts.Get(name);
            var test = ContractTest<EndpointContractAnalyzer, EmptyCodeFixProvider>.Create(contract, source).WithErrorFactories(contract);
            test.DisabledDiagnostics.Add("EC0013");
            await test.RunAsync();
        }

        [Fact]
        public async Task AFactoryReturned_CountsAsReturningItsStatus_ForEC0013()
        {
            const string source = """

public class ArtworksController : ControllerBase
{
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public IActionResult Get(int id) => id > 0 ? Ok() : ApiErrors.NotFound("Resource not found");

    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    [{|#0:ProducesResponseType(409)|}]
    public IActionResult Put(int id) => id > 0 ? Ok() : Missing();

    private IActionResult Missing() => ApiErrors.NotFound("Resource not found");
}
""";
            var contract = TestContracts.Artworks;
            var test = ContractTest<EndpointContractAnalyzer, EmptyCodeFixProvider>.Create(contract, source).WithErrorFactories(contract);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("EC0013", DiagnosticSeverity.Info).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            await test.RunAsync();
        }

        [Fact]
        public async Task TheRateLimitersOnRejected_WritingTheFactorysResult_SendsTheDocumentedHeaders()
        {
            // Seed A documents X-RateLimit-Reset on 429: the factory's result sends it, so OnRejected is not EC0010.
            const string source = """

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
                await ApiErrors.RateLimited("Rate limit exceeded. Try again after the reset time.", retryAfter: 30, rateLimitReset: 1767225600).WriteAsync(context.HttpContext.Response);
        });
    }
}
""";
            var contract = TestContracts.Artworks;
            var test = ContractTest<ResponseContractAnalyzer, EmptyCodeFixProvider>.Create(contract, source).WithErrorFactories(contract).WithEveryRule();
            await test.RunAsync();
        }

        /// <summary>A call of each factory of the contract, with a value for each required parameter.</summary>
        internal static string[] FactoryCalls(string contractText)
        {
            var contract = ContractParser.Parse(contractText).Contract!;
            var plan = FactoryPlan.Create(contract, "ApiErrors");
            return plan.Factories
                .Select(f => "ApiErrors." + f.Name + "(" + string.Join(", ", f.Parameters.Where(p => p.Required).Select(p => Argument(p.Type, plan))) + ")")
                .ToArray();
        }

        private static string Argument(PropertyType type, FactoryPlan plan) => type.Kind switch
        {
            FieldKind.String => "\"text\"",
            FieldKind.Integer => "30",
            FieldKind.Number => "1.5",
            FieldKind.Boolean => "true",
            FieldKind.Date => "DateTimeOffset.UtcNow",
            FieldKind.List when type.Item!.Kind == FieldKind.Class =>
                "new[] { new ApiErrors." + type.Item.ClassName + "(" + string.Join(", ", plan.Classes.Single(c => c.Name == type.Item.ClassName).Properties.Select(_ => "\"text\"")) + ") }",
            _ => "new Dictionary<string, string[]>()",
        };
    }
}
