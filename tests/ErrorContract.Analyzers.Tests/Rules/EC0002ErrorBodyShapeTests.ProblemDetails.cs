using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.ErrorBodyFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0002 under a problem-details contract (<c>samples/contracts/problem-details</c>: <c>"format": "problemDetails"</c>,
    /// <c>"typeBase": "https://example.com/probs/"</c>): a body made by <c>Problem(…)</c>, <c>TypedResults.Problem(…)</c>,
    /// <c>ValidationProblem(…)</c> or <c>new ProblemDetails { … }</c> is checked for its <c>type</c> (the URI documented for the
    /// status), <c>title</c>, <c>status</c> (equal to the HTTP status) and extension members (<c>errors</c> on 422 only).
    /// </summary>
    public sealed partial class EC0002ErrorBodyShapeTests
    {
        private const string ProblemPrefix = "The body of this {0} response does not match the Problem Details API error contract: ";

        private static string ProblemDetailsContract => TestContracts.Get("problem-details");

        [Fact]
        public async Task ProblemDetails_BodiesWithTheDocumentedType_AreSilent()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => Problem(type: "https://example.com/probs/not-found", title: "Not Found", statusCode: 404);
    public IActionResult Clash() => Conflict(new ProblemDetails { Type = "https://example.com/probs/conflict", Title = "Conflict", Status = 409 });
    public IActionResult Boom() => Problem(detail: "Try again later", statusCode: 500, type: "https://example.com/probs/internal-error");
}

public static class Endpoints
{
    public static IResult Gone() => TypedResults.Problem(type: "https://example.com/probs/not-found", statusCode: 404);
    public static IResult Denied() => Results.Problem(type: "https://example.com/probs/forbidden", title: "Forbidden", statusCode: StatusCodes.Status403Forbidden);
}
""";
            await VerifyCS.AnalyzerAsync(ProblemDetailsContract, source);
        }

        [Fact]
        public async Task ProblemDetails_WithoutTheDocumentedType_OrWithAnotherOne_IsReported()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult NoType() => {|#0:Problem(title: "Not Found", statusCode: 404)|};
    public IActionResult WrongType() => {|#1:Problem(type: "https://example.com/probs/conflict", statusCode: 404)|};
    public IActionResult WrongStatus() => NotFound({|#2:new ProblemDetails { Type = "https://example.com/probs/not-found", Title = "Not Found", Status = 400 }|});
}

public static class Endpoints
{
    public static IResult Typed() => {|#3:TypedResults.Problem(title: "Forbidden", statusCode: 403)|};
}
""";
            await VerifyCS.AnalyzerAsync(
                ProblemDetailsContract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(ProblemPrefix, 404) + "no 'type' is given, so ASP.NET Core writes its own default (a link to the HTTP specification), but 404 requires the type \"https://example.com/probs/not-found\""),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(ProblemPrefix, 404) + "'type' is \"https://example.com/probs/conflict\" but 404 requires \"https://example.com/probs/not-found\""),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(string.Format(ProblemPrefix, 404) + "'status' is 400 but the response's status is 404"),
                VerifyCS.Diagnostic("EC0002").WithLocation(3).WithMessage(string.Format(ProblemPrefix, 403) + "no 'type' is given, so ASP.NET Core writes its own default (a link to the HTTP specification), but 403 requires the type \"https://example.com/probs/forbidden\""));
        }

        [Fact]
        public async Task ProblemDetails_ResultsProblemWithAProblem_IsJudgedAtTheProblemsOwnStatus()
        {
            // Results.Problem(problemDetails) answers with the problem's Status (500 without one), not always 500.
            const string source = """

public static class Endpoints
{
    public static IResult Missing() => Results.Problem(new ProblemDetails { Type = "https://example.com/probs/not-found", Title = "Not Found", Status = 404 });
    public static IResult Boom() => TypedResults.Problem(new ProblemDetails { Type = "https://example.com/probs/internal-error", Title = "Internal Server Error" });
    public static IResult Clash() => {|#0:TypedResults.Problem(new ProblemDetails { Type = "https://example.com/probs/conflict", Title = "Conflict", Status = 404 })|};
}
""";
            await VerifyCS.AnalyzerAsync(
                ProblemDetailsContract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(ProblemPrefix, 404) + "'type' is \"https://example.com/probs/conflict\" but 404 requires \"https://example.com/probs/not-found\""));
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public async Task ProblemDetails_WrittenByTheProblemDetailsService_InAnExceptionHandler_IsNoResponseWithoutABody(string contract)
        {
            // The exception handler ASP.NET Core documents: the status, then IProblemDetailsService writes the problem. The
            // service completes the problem, so its body is not judged, under any contract; it is never "no body".
            const string source = """
using System.Threading;
using Microsoft.AspNetCore.Diagnostics;

public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Type = "https://example.com/probs/internal-error", Title = "Internal Server Error" },
        });
    }
}

public sealed class Middleware(IProblemDetailsService problems)
{
    public async Task Refuse(HttpContext context)
    {
        context.Response.StatusCode = 403;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context });
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task ProblemDetails_ValidationErrors_BelongTo422Only()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Invalid()
    {
        var errors = new Dictionary<string, string[]> { ["name"] = new[] { "The name is required." } };
        return UnprocessableEntity(new ValidationProblemDetails(errors) { Type = "https://example.com/probs/validation-failed", Title = "Validation failed", Status = 422 });
    }

    public IActionResult InvalidAt400()
    {
        var errors = new Dictionary<string, string[]> { ["name"] = new[] { "The name is required." } };
        return BadRequest({|#0:new ValidationProblemDetails(errors) { Type = "https://example.com/probs/bad-request", Title = "Bad Request" }|});
    }

    public IActionResult FromModelState() => {|#2:ValidationProblem(ModelState)|};

    public IActionResult NoErrorsAt422() => UnprocessableEntity({|#1:new ProblemDetails { Type = "https://example.com/probs/validation-failed", Title = "Validation failed", Status = 422 }|});
}
""";
            await VerifyCS.AnalyzerAsync(
                ProblemDetailsContract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(ProblemPrefix, 400) + "'errors' is not allowed on 400 (the contract allows it on 422)"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(ProblemPrefix, 422) + "missing field 'errors'"),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(string.Format(ProblemPrefix, 400) + "no 'type' is given, so ASP.NET Core writes its own default (a link to the HTTP specification), but 400 requires the type \"https://example.com/probs/bad-request\"; 'errors' is not allowed on 400 (the contract allows it on 422)"));
        }

        [Fact]
        public async Task ProblemDetails_ExtensionMembers_AreAllowed()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Missing()
    {
        var problem = new ProblemDetails { Type = "https://example.com/probs/not-found", Title = "Not Found", Status = 404 };
        problem.Extensions["traceId"] = HttpContext.TraceIdentifier;
        return NotFound(problem);
    }

    public IActionResult Boom() => Problem(type: "https://example.com/probs/internal-error", statusCode: 500, extensions: new Dictionary<string, object?> { ["traceId"] = "t" });
}
""";
            await VerifyCS.AnalyzerAsync(ProblemDetailsContract, source);
        }

        [Fact]
        public async Task ProblemDetails_Fix_WritesTheDocumentedType_IntoProblemCalls()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult NoType() => {|EC0002:Problem(title: "Not Found", statusCode: 404)|};
    public IActionResult WrongType() => {|EC0002:Problem(type: "https://example.com/probs/conflict", statusCode: 404)|};
    public IActionResult NoArguments() => {|EC0002:Problem()|};
}

public static class Endpoints
{
    public static IResult Typed() => {|EC0002:TypedResults.Problem(/* keep */ "Forbidden here", statusCode: 403)|};
}
""";
            await VerifyCS.CodeFixAsync(ProblemDetailsContract, source, """

public class ItemsController : ControllerBase
{
    public IActionResult NoType() => Problem(title: "Not Found", statusCode: 404, type: "https://example.com/probs/not-found");
    public IActionResult WrongType() => Problem(type: "https://example.com/probs/not-found", statusCode: 404);
    public IActionResult NoArguments() => Problem(type: "https://example.com/probs/internal-error");
}

public static class Endpoints
{
    public static IResult Typed() => TypedResults.Problem(/* keep */ "Forbidden here", statusCode: 403, type: "https://example.com/probs/forbidden");
}
""");
        }

        [Fact]
        public async Task ProblemDetails_Fix_WritesType_Title_AndStatus_IntoCreatedProblems()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Bare() => NotFound({|EC0002:new ProblemDetails()|});
    public IActionResult WrongStatus() => Conflict({|EC0002:new ProblemDetails { Type = "https://example.com/probs/conflict", Title = "Conflict", Status = 400 }|});
    public IActionResult NoType() => Conflict({|EC0002:new ProblemDetails { Title = "Conflict", Status = 409 }|});

    public IActionResult Multiline() => StatusCode(403, {|EC0002:new ProblemDetails
    {
        Title = "Forbidden", // shown to the user
        Status = 403
    }|});
}
""";
            await VerifyCS.CodeFixAsync(ProblemDetailsContract, source, """

public class ItemsController : ControllerBase
{
    public IActionResult Bare() => NotFound(new ProblemDetails() { Type = "https://example.com/probs/not-found", Title = "Not Found" });
    public IActionResult WrongStatus() => Conflict(new ProblemDetails { Type = "https://example.com/probs/conflict", Title = "Conflict", Status = 409 });
    public IActionResult NoType() => Conflict(new ProblemDetails { Title = "Conflict", Status = 409, Type = "https://example.com/probs/conflict" });

    public IActionResult Multiline() => StatusCode(403, new ProblemDetails
    {
        Title = "Forbidden", // shown to the user
        Status = 403,
        Type = "https://example.com/probs/forbidden"
    });
}
""");
        }

        [Fact]
        public async Task ProblemDetails_NoFix_ForExtensionMembers_OrBodiesThatAreNotProblems()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult FromModelState() => {|EC0002:ValidationProblem(ModelState)|};
    public IActionResult NoErrorsAt422() => UnprocessableEntity({|EC0002:new ProblemDetails { Type = "https://example.com/probs/validation-failed", Title = "Validation failed", Status = 422 }|});
}
""";
            await VerifyCS.NoCodeFixAsync(ProblemDetailsContract, source);
        }

        [Fact]
        public async Task ProblemDetails_BodiesThatAreNotProblems_AreReported()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Dictionary() => BadRequest({|#0:ModelState|});
    public IActionResult NoBody() => {|#1:NotFound()|};
    public IActionResult Text() => NotFound({|#2:"gone"|});
    public IActionResult AnonymousProblem() => NotFound(new { type = "https://example.com/probs/not-found", title = "Not Found", status = 404 });
    public IActionResult WrongAnonymousProblem() => NotFound({|#3:new { type = "https://example.com/probs/conflict", title = "Not Found", status = 400 }|});
}
""";
            const string expected = "{\"type\": \"https://example.com/probs/not-found\", \"title\": …, \"status\": 404}";
            await VerifyCS.AnalyzerAsync(
                ProblemDetailsContract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(ProblemPrefix, 400) + "it sends the ModelState dictionary (field names mapped to messages) instead of the problem {\"type\": \"https://example.com/probs/bad-request\", \"title\": …, \"status\": 400}"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(ProblemPrefix, 404) + "it has no body; expected " + expected),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(string.Format(ProblemPrefix, 404) + "it sends a plain string instead of the JSON object " + expected),
                VerifyCS.Diagnostic("EC0002").WithLocation(3).WithMessage(string.Format(ProblemPrefix, 404) + "'status' is 400 but it must equal the response's status, 404; 'type' is \"https://example.com/probs/conflict\" but 404 requires \"https://example.com/probs/not-found\""));
        }

        [Fact]
        public async Task ProblemDetails_Fix_RewritesAnObjectWrittenByHand()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Wrong() => NotFound({|EC0002:new { type = "https://example.com/probs/conflict", title = "Not Found", status = 400 }|});
    public IActionResult Missing() => Conflict({|EC0002:new { title = "Conflict" }|});
}
""";
            await VerifyCS.CodeFixAsync(ProblemDetailsContract, source, """

public class ItemsController : ControllerBase
{
    public IActionResult Wrong() => NotFound(new { type = "https://example.com/probs/not-found", title = "Not Found", status = 404 });
    public IActionResult Missing() => Conflict(new { title = "Conflict", type = "https://example.com/probs/conflict", status = 409 });
}
""");
        }
    }
}
