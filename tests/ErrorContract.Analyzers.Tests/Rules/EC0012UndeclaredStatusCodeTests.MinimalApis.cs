using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.EndpointContractAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0012 for minimal APIs: a handler returns a status its mapping does not declare. A mapping declares with its handler's
    /// <c>Results&lt;…&gt;</c> return type and attributes, and with <c>.Produces(…)</c>, <c>.ProducesProblem(…)</c> and
    /// <c>.ProducesValidationProblem(…)</c> on the Map call and on every enclosing <c>MapGroup</c> of the same method body.
    /// </summary>
    public sealed partial class EC0012UndeclaredStatusCodeTests
    {
        private const string ProgramStart = """

public static class Program
{
    public static void Main(string[] args)
    {
        var app = WebApplication.Create(args);

""";

        private const string ProgramEnd = """

        app.Run();
    }
}
""";

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task AHandlerReturningAStatusItsMappingDoesNotDeclare_IsFlagged(string contract)
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.NotFound()|}).Produces(200);
        app.MapGet("/artists/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200).Produces(404);
""" + ProgramEnd;
            await Analyze(TestContracts.Get(contract), source);
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task ResultsProblemWithAProblem_ReturnsTheProblemsOwnStatus(string contract)
        {
            // Results.Problem(problemDetails) answers with problemDetails.Status: 404 here, declared; 403 there, not.
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : Results.Problem(new ProblemDetails { Title = "Not found", Status = 404 })).Produces(200).ProducesProblem(404);
        app.MapPut("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:TypedResults.Problem(new ProblemDetails { Title = "Denied", Status = 403 })|}).Produces(200).ProducesProblem(404);
""" + ProgramEnd;
            await Analyze(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task TheMessage_NamesTheMapping_AndTheProducesCallToAdd()
        {
            const string source = ProgramStart + """
        app.MapDelete("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : {|#0:Results.Conflict()|}).Produces(200);
""" + ProgramEnd;
            await Analyze(
                A,
                source,
                VerifyCS.Diagnostic("EC0012").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(
                    "MapDelete(\"/artworks/{id}\") returns 409, which it does not declare (it declares 200); declare it with .Produces(409) on the Map call or its route group"));
        }

        [Fact]
        public async Task ProducesProblem_ProducesValidationProblem_AndTypedProduces_Declare()
        {
            const string source = ProgramStart + """
        app.MapPost("/artworks", (string name) => name.Length switch
        {
            0 => Results.ValidationProblem(new Dictionary<string, string[]>()),
            1 => Results.Conflict(),
            2 => Results.NotFound(),
            _ => Results.Created("/artworks/1", name),
        })
            .Produces<string>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(409)
            .Produces(statusCode: 404);
""" + ProgramEnd;
            await Analyze(A, source);
        }

        [Fact]
        public async Task AttributesOnTheHandler_Declare()
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", [ProducesResponseType(200)] [ProducesResponseType(404)] (int id) => id > 0 ? Results.Ok() : id == 0 ? Results.NotFound() : {|EC0012:Results.Conflict()|});
""" + ProgramEnd;
            await Analyze(A, source);
        }

        [Fact]
        public async Task AResultsUnionReturnType_Declares()
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", Results<Ok, NotFound> (int id) => id > 0 ? TypedResults.Ok() : TypedResults.NotFound())
            .ProducesProblem(500);
""" + ProgramEnd;
            await Analyze(A, source);
        }

        [Fact]
        public async Task GroupsDeclareForTheirEndpoints_ThroughChainsLocalsAndNesting()
        {
            const string source = ProgramStart + """
        app.MapGroup("/v1").ProducesProblem(404).MapGet("/a", () => Results.NotFound()).Produces(200);

        var api = app.MapGroup("/v2");
        api.ProducesProblem(409);
        var artworks = api.MapGroup("/artworks").ProducesProblem(404);
        artworks.MapGet("/{id}", (int id) => id > 0 ? Results.Ok() : id == 0 ? Results.NotFound() : Results.Conflict()).Produces(200);
        artworks.MapGet("/other/{id}", (int id) => id > 0 ? Results.Ok() : {|EC0012:Results.StatusCode(429)|}).Produces(200);
""" + ProgramEnd;
            await Analyze(A, source);
        }

        /// <summary>
        /// A group's uses are found by its name, however it is spelled around them: a longer name that starts with it, the name in
        /// a comment or a string, and the verbatim <c>@name</c> are told apart; a use inside a lambda counts.
        /// </summary>
        [Fact]
        public async Task AGroupLocalsUses_AreFoundByItsNameOnly()
        {
            const string source = ProgramStart + """
        var api = app.MapGroup("/v1");
        var apiV2 = app.MapGroup("/v2");
        // api.ProducesProblem(404) in a comment declares nothing; nor does the string below.
        var text = "api.ProducesProblem(409)";
        @api.ProducesProblem(409);
        apiV2.ProducesProblem(404);
        api.MapGet("/a/{id}", (int id) => id > 0 ? Results.Ok() : id == 0 ? Results.Conflict() : {|EC0012:Results.NotFound()|}).Produces(200);
        apiV2.MapGet("/b/{id}", (int id) => id > 0 ? Results.Ok() : id == 0 ? {|EC0012:Results.Conflict()|} : Results.NotFound()).Produces(200);

        var nested = app.MapGroup("/v3");
        Action later = () => nested.ProducesProblem(404);
        nested.MapGet("/c/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200);
""" + ProgramEnd;
            await Analyze(A, source);
        }

        /// <summary>A body that may spell a name with Unicode escapes leaves its groups open: a use would not be found by its name.</summary>
        [Fact]
        public async Task AGroupInABodyWithUnicodeEscapes_IsOpen()
        {
            const string source = ProgramStart + """
        var api = app.MapGroup("/v1");
        \u0061pi.ProducesProblem(404);
        api.MapGet("/a/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200);
""" + ProgramEnd;
            await Analyze(A, source);
        }

        /// <summary>
        /// A mapping method's endpoints (<c>Map(this IEndpointRouteBuilder app)</c>) are judged when the compilation ends, and only
        /// when every call of the method passes the application: then the group kept in a local, its initializer chain and the
        /// calls made on it are all it declares. Given a route group instead, the caller's group may declare anything.
        /// </summary>
        [Theory]
        [MemberData(nameof(MappingMethodCalls))]
        public async Task AMappingMethodGivenTheApplication_IsJudgedWithItsGroupLocal(string contract, string calls, bool judged)
        {
            var source = """

public static class ToolEndpoints
{
    public static IEndpointRouteBuilder MapTools(this IEndpointRouteBuilder app)
    {
        var tools = app.MapGroup("/tools").ProducesProblem(409);
        tools.ProducesProblem(404);
        tools.MapGet("/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200);
        tools.MapDelete("/{id}", (int id) => id > 0 ? Results.Ok() : id < -1 ? Results.Conflict() : MARK).Produces(200);
        return app;
    }
}

public static class Program
{
    public static void Main(string[] args)
    {
        var app = WebApplication.Create(args);
        CALLS
        app.Run();
    }
}
""".Replace("MARK", judged ? "{|EC0012:Results.BadRequest()|}" : "Results.BadRequest()").Replace("CALLS", calls);
            await Analyze(TestContracts.Get(contract), source);
        }

        /// <summary>Every sample contract, with calls that always pass the application (judged) and calls that do not.</summary>
        public static TheoryData<string, string, bool> MappingMethodCalls()
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var contract in TestContracts.All)
            {
                var name = (string)contract[0];
                data.Add(name, "app.MapTools();", true);
                data.Add(name, "app.MapTools(); app.MapTools();", true);
                data.Add(name, "app.MapGroup(\"/v2\").MapTools();", false);
                data.Add(name, "app.MapTools(); app.MapGroup(\"/v2\").MapTools();", false);
            }

            return data;
        }

        /// <summary>A builder from anywhere else (a parameter, a field, a method's return) may carry declarations that cannot be read.</summary>
        [Fact]
        public async Task ABuilderFromElsewhere_LeavesTheEndpointOpen()
        {
            const string source = """

public static class ArtworkEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200);
    }

    public static void MapAll(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound()).Produces(200);
    }

    public static RouteHandlerBuilder MapKept(WebApplication app)
    {
        var endpoint = app.MapGet("/kept", () => Results.NotFound());
        endpoint.Produces(200);
        return app.MapGet("/returned", () => Results.NotFound()).Produces(200);
    }
}
""";
            await Analyze(A, source);
        }

        /// <summary>A handler's value is the 200 the API explorer infers from its return type: declared, without counting as a declaration.</summary>
        [Fact]
        public async Task AValueReturnedFromAHandler_IsTheInferred200()
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => "artwork").ProducesProblem(404);
        app.MapGet("/artists/{id}", (HttpContext context) =>
        {
            context.Response.StatusCode = 409;
            return "artist";
        });
""" + ProgramEnd;
            await Analyze(A, source);
        }

        [Fact]
        public async Task AMappingThatDeclaresNothing_IsNotJudged()
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", (int id) => id > 0 ? Results.Ok() : Results.Conflict());
""" + ProgramEnd;
            await Analyze(A, source);
        }

        /// <summary>The same handler mapped twice is judged per mapping: here only the mapping that declares something is.</summary>
        [Fact]
        public async Task AMethodGroupMappedTwice_IsJudgedPerMapping()
        {
            const string source = ProgramStart + """
        app.MapGet("/a", Handlers.Find);
        app.MapGet("/b", Handlers.Find).Produces(200);
        app.MapGet("/c", Handlers.Find).Produces(200).ProducesProblem(404);
""" + ProgramEnd + """

public static class Handlers
{
    public static IResult Find(int id) => id > 0 ? Results.Ok() : {|#0:Results.NotFound()|};
}
""";
            await Analyze(
                A,
                source,
                VerifyCS.Diagnostic("EC0012").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("404", "MapGet(\"/b\")", "200", ".Produces(404) on the Map call or its route group"));
        }

        /// <summary>aspnetcore#36315 for handlers: a result made in a lambda inside the handler is not the handler's.</summary>
        [Fact]
        public async Task ResultsMadeInLambdasInsideTheHandler_AreNotItsReturns()
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks", (int[] ids) =>
        {
            var each = ids.Select(id => id > 0 ? Results.Ok() : Results.NotFound()).ToList();
            return Results.Ok(each.Count);
        }).Produces(200);
""" + ProgramEnd;
            await Analyze(A, source);
        }

        [Fact]
        public async Task AsyncHandlers_AndTaskOfResultsUnions_Declare()
        {
            const string source = ProgramStart + """
        app.MapGet("/artworks/{id}", async Task<Results<Ok, NotFound>> (int id) =>
        {
            await Task.Yield();
            return id > 0 ? TypedResults.Ok() : TypedResults.NotFound();
        });
        app.MapGet("/artists/{id}", async (int id) =>
        {
            await Task.Yield();
            return id > 0 ? Results.Ok() : {|EC0012:Results.NotFound()|};
        }).Produces(200);
""" + ProgramEnd;
            await Analyze(A, source);
        }
    }
}
