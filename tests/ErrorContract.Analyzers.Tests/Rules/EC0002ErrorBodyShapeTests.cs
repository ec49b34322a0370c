using System;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.ErrorBodyFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0002: an error (4xx/5xx) body that does not have the contract's shape. Contract A (Artworks):
    /// <c>{"error": "&lt;code for the status&gt;", "message": …}</c>, plus <c>retry_after</c> on 429. Contract B (Studio):
    /// <c>{"message": …}</c>, plus on 400 the validation list <c>errors: [{field, message, code}]</c>.
    /// </summary>
    public sealed partial class EC0002ErrorBodyShapeTests
    {
        /// <summary>Newtonsoft.Json's API as a project that references the package sees it (the tests restore no such package).</summary>
        private static readonly Lazy<MetadataReference> NewtonsoftJson = new Lazy<MetadataReference>(() => TestReferences.Compile(
            "Newtonsoft.Json",
            """
namespace Newtonsoft.Json
{
    public enum Formatting { None, Indented }

    public class JsonSerializerSettings { }

    public static class JsonConvert
    {
        public static string SerializeObject(object? value) => "";
        public static string SerializeObject(object? value, Formatting formatting) => "";
        public static string SerializeObject(object? value, JsonSerializerSettings? settings) => "";
    }
}
"""));

        private static string A => TestContracts.Artworks;

        private static string B => TestContracts.Studio;

        // ---------- no body ----------

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task NoBody_ControllerHelpers_AreFlagged_SuccessIsNot(string contract)
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => {|EC0002:NotFound()|};
    public IActionResult NoKey() => {|EC0002:Unauthorized()|};
    public IActionResult Deny() => {|EC0002:Forbid()|};
    public IActionResult Status() => {|EC0002:StatusCode(403)|};
    public IActionResult Bad() => {|EC0002:BadRequest()|};
    public IActionResult Fine() => Ok();
    public IActionResult Created() => StatusCode(201);
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task NoBody_MinimalApiAndResultTypes_AreFlagged(string contract)
        {
            const string source = """

public static class Endpoints
{
    public static IResult Missing() => {|EC0002:Results.NotFound()|};
    public static IResult Invalid() => {|EC0002:TypedResults.UnprocessableEntity()|};
    public static IResult Boom() => {|EC0002:Results.StatusCode(500)|};
    public static IResult Fine() => Results.Ok();
    public static IActionResult Mvc() => {|EC0002:new NotFoundResult()|};
    public static IActionResult MvcStatus() => {|EC0002:new StatusCodeResult(404)|};
    public static IActionResult NullValue() => new ObjectResult({|EC0002:null|}) { StatusCode = 404 };
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task BareStatusAssignment_WithoutJsonBody_IsFlagged(string contract)
        {
            const string source = """

public static class Middleware
{
    public static void Reject(HttpContext context)
    {
        {|EC0002:context.Response.StatusCode = 401|};
    }

    public static async Task RejectWithText(HttpContext context)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsync({|EC0002:"Invalid key"|});
    }

    public static void Success(HttpContext context)
    {
        context.Response.StatusCode = 200;
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task StatusAssignment_BelongsToTheFirstWriteAfterIt(string contract)
        {
            // The status is the response's from the first write on: a later write adds to that body, and a write before the
            // assignment belongs to the response as it was then.
            const string source = """

public static class Middleware
{
    public static async Task TwoWrites(HttpContext context)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsync({|EC0002:"Invalid key"|});
        await context.Response.WriteAsync("Ask for a new one");
    }

    public static async Task WriteBeforeTheStatus(HttpContext context)
    {
        await context.Response.WriteAsync("Starting");
        context.Response.StatusCode = 401;
        await context.Response.WriteAsync({|EC0002:"Invalid key"|});
    }

    public static async Task StatusAfterTheLastWrite(HttpContext context)
    {
        await context.Response.WriteAsync("Done");
        {|EC0002:context.Response.StatusCode = 401|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task StatusAssignment_ThenWriteAsJsonAsync_ChecksThatBody()
        {
            const string source = """

public static class Middleware
{
    public static async Task Good(HttpContext context)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsJsonAsync(new { error = "unauthorized", message = "Invalid or missing API key" });
    }

    public static async Task Bad(HttpContext context)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsJsonAsync({|EC0002:new { error = "forbidden", message = "Invalid or missing API key" }|});
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
        }

        [Fact]
        public async Task NoBody_Message_ShowsTheExpectedBody()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => NotFound();
}
""";
            await VerifyCS.AnalyzerAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0002").WithSpan("/0/Test0.cs", 4, 39, 4, 49)
                    .WithMessage("The body of this 404 response does not match the Artworks API error contract: it has no body; expected {\"error\": \"not_found\", \"message\": …}"));
            await VerifyCS.AnalyzerAsync(
                B,
                source,
                VerifyCS.Diagnostic("EC0002").WithSpan("/0/Test0.cs", 4, 39, 4, 49)
                    .WithMessage("The body of this 404 response does not match the Studio API error contract: it has no body; expected {\"message\": …}"));
        }

        // ---------- plain strings ----------

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task PlainStringBodies_AreFlagged_OnTheString(string contract)
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest({|EC0002:"Missing title"|});
    public IActionResult B() => new BadRequestObjectResult({|EC0002:"Missing title"|});
    public IActionResult C(string why) => NotFound({|EC0002:why|});
    public IActionResult D() => Ok("fine");
}
public static class Endpoints
{
    public static IResult E() => Results.BadRequest({|EC0002:"Missing title"|});
    public static IResult F() => Results.Ok("fine");
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task PlainString_Message()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest("Missing title");
}
""";
            await VerifyCS.AnalyzerAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0002").WithSpan("/0/Test0.cs", 4, 44, 4, 59)
                    .WithMessage("The body of this 400 response does not match the Artworks API error contract: it sends a plain string instead of the JSON object {\"error\": \"bad_request\", \"message\": …}"));
        }

        // ---------- A task sent without await ----------

        [Theory]
        [InlineData("artworks", "400", "Artworks API", "{\"error\": \"bad_request\", \"message\": …}")]
        [InlineData("studio", "400", "Studio API", "{\"message\": …}")]
        public async Task TaskWithoutAwait_SaysATaskIsSent_WithoutAFix(string contract, string status, string name, string expected)
        {
            // System.Text.Json would write the task's own properties (result, status, isFaulted...): the message says that a
            // task is sent, not which of its properties the contract does not allow; the fix would drop the call, so none.
            const string source = """

public interface ITranslator
{
    Task<string> TranslateAsync(string text);
    ValueTask<string> CheckAsync(string text);
}

public class ItemsController : ControllerBase
{
    private readonly ITranslator translator;

    public ItemsController(ITranslator translator) => this.translator = translator;

    public IActionResult A(string text) => BadRequest({|#0:translator.TranslateAsync(text)|});

    public IResult B(string text) => Results.BadRequest({|#1:translator.CheckAsync(text)|});
}
""";
            var message = "The body of this " + status + " response does not match the " + name + " error contract: it sends a TASK, the task itself and not its result (is an 'await' missing?), instead of the JSON object " + expected;
            await VerifyCS.NoCodeFixAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(message.Replace("TASK", "Task<string>")),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(message.Replace("TASK", "ValueTask<string>")));
        }

        [Theory]
        [InlineData("artworks", "new { error = \"bad_request\", message = await translator.TranslateAsync(text) }")]
        [InlineData("studio", "new { message = await translator.TranslateAsync(text) }")]
        public async Task TheAwaitedResultInTheContractBody_IsSilent(string contract, string body)
        {
            var source = $$"""

public interface ITranslator
{
    Task<string> TranslateAsync(string text);
}

public class ItemsController : ControllerBase
{
    private readonly ITranslator translator;

    public ItemsController(ITranslator translator) => this.translator = translator;

    public async Task<IActionResult> A(string text) => BadRequest({{body}});
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        // ---------- ProblemDetails ----------

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task ProblemDetails_AreFlagged(string contract)
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => {|EC0002:Problem("boom")|};
    public IActionResult B() => {|EC0002:ValidationProblem(ModelState)|};
    public IActionResult C() => NotFound({|EC0002:new ProblemDetails { Detail = "gone" }|});
    public IActionResult D() => BadRequest({|EC0002:ModelState|});
    public IActionResult E() => BadRequest({|EC0002:new SerializableError(ModelState)|});
}
public static class Endpoints
{
    public static IResult F() => {|EC0002:Results.Problem("boom", statusCode: 404)|};
    public static IResult G(IDictionary<string, string[]> errors) => {|EC0002:Results.ValidationProblem(errors)|};
    public static IResult H() => {|EC0002:TypedResults.Problem("boom")|};
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task ProblemDetails_Message()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => Problem("boom");
}
""";
            await VerifyCS.AnalyzerAsync(
                B,
                source,
                VerifyCS.Diagnostic("EC0002").WithSpan("/0/Test0.cs", 4, 33, 4, 48)
                    .WithMessage("The body of this 500 response does not match the Studio API error contract: it sends a ProblemDetails body instead of {\"message\": …}"));
        }

        // ---------- object shapes ----------

        /// <summary>
        /// The error code is read however the source writes a constant string: a literal (also verbatim), a const field,
        /// a concatenation of literals. Contract A is the seed that documents a code per status.
        /// </summary>
        [Fact]
        public async Task ErrorCodes_FromLiteralsConstantsAndConcatenations_AreCompared_UnderA()
        {
            const string source = """

public static class Codes
{
    public const string Missing = "not_found";
    public const string Wrong = "NotFound";
}

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new { error = Codes.Missing, message = "m" });
    public IActionResult B() => NotFound(new { error = "not_" + "found", message = "m" });
    public IActionResult C() => NotFound({|#0:new { error = Codes.Wrong, message = "m" }|});
    public IActionResult D() => NotFound({|#1:new { error = @"NotFound", message = "m" }|});
    public IActionResult E() => NotFound({|#2:new { error = "Not" + "Found", message = "m" }|});
}
""";
            const string message = "The body of this 404 response does not match the Artworks API error contract: 'error' is \"NotFound\" but 404 requires \"not_found\"";
            await VerifyCS.AnalyzerAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(message),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(message),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(message));
        }

        [Fact]
        public async Task AnonymousObjects_UnderA_MissingDisallowedAndWrongCode()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new { error = "not_found", message = "Artwork not found" });
    public IActionResult B() => NotFound({|#0:new { message = "Artwork not found" }|});
    public IActionResult C() => NotFound({|#1:new { error = "NotFound", message = "Artwork not found", detail = "x" }|});
    public IActionResult D() => Unauthorized({|#2:new { error = "forbidden", message = "Invalid key" }|});
    public IActionResult E() => StatusCode(429, {|#3:new { error = "rate_limited", message = "Slow down" }|});
    public IActionResult F() => StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 45 });
    public IActionResult G() => NotFound(new { Error = "not_found", Message = "PascalCase is written camelCase" });
}
""";
            const string prefix = "The body of this {0} response does not match the Artworks API error contract: ";
            await VerifyCS.AnalyzerAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(prefix, 404) + "missing field 'error'"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(prefix, 404) + "'detail' is not allowed; 'error' is \"NotFound\" but 404 requires \"not_found\""),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(string.Format(prefix, 401) + "'error' is \"forbidden\" but 401 requires \"unauthorized\""),
                VerifyCS.Diagnostic("EC0002").WithLocation(3).WithMessage(string.Format(prefix, 429) + "missing field 'retry_after'"));
        }

        [Fact]
        public async Task AnonymousObjects_UnderB_ErrorFieldNotAllowed_ValidationItems()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new { message = "Tool not found" });
    public IActionResult B() => NotFound({|#0:new { error = "not_found", message = "Tool not found" }|});
    public IActionResult C() => BadRequest(new { message = "Validation failed", errors = new[] { new { field = "tool", message = "Required", code = "invalid_type" } } });
    public IActionResult D() => BadRequest({|#1:new { message = "Validation failed", errors = new[] { new { field = "tool", message = "Required" } } }|});
    public IActionResult E() => NotFound({|#2:new { message = "Tool not found", errors = new[] { new { field = "tool", message = "Required", code = "invalid_type" } } }|});
    public IActionResult F() => BadRequest({|#3:new { errors = new[] { "tool is required" } }|});
}
""";
            const string prefix = "The body of this {0} response does not match the Studio API error contract: ";
            await VerifyCS.AnalyzerAsync(
                B,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(prefix, 404) + "'error' is not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(prefix, 400) + "items of 'errors' lack 'code'"),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(string.Format(prefix, 404) + "'errors' is not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(3).WithMessage(string.Format(prefix, 400) + "missing field 'message'; items of 'errors' must be objects with 'field', 'message', 'code'"));
        }

        [Fact]
        public async Task RecordsClassesAndStructs_AreReadAsSystemTextJsonWritesThem_UnderA()
        {
            const string source = """

using System.Text.Json.Serialization;

public record ApiError(string Error, string Message);
public record RateLimitError(string Error, string Message, [property: JsonPropertyName("retry_after")] int RetryAfter);
public record NaiveRateLimitError(string Error, string Message, int RetryAfter);
public class DetailedError
{
    public string Error { get; set; } = "";
    public string Message { get; set; } = "";
    public string Detail { get; set; } = "";
}
public class InternalError
{
    public string Error { get; set; } = "";
    public string Message { get; set; } = "";
    [JsonIgnore] public string StackTrace { get; set; } = "";
}
public struct MessageOnly
{
    public string Message { get; set; }
}

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new ApiError("not_found", "Artwork not found"));
    public IActionResult B() => NotFound({|#0:new ApiError("NotFound", "Artwork not found")|});
    public IActionResult C() => StatusCode(429, new RateLimitError("rate_limited", "Slow down", 45));
    public IActionResult D() => StatusCode(429, {|#1:new NaiveRateLimitError("rate_limited", "Slow down", 45)|});
    public IActionResult E() => BadRequest({|#2:new DetailedError { Error = "bad_request", Message = "m" }|});
    public IActionResult F() => StatusCode(500, new InternalError { Error = "internal_error", Message = "m" });
    public IActionResult G() => Conflict({|#3:new MessageOnly { Message = "dup" }|});
    public IActionResult H(ApiError error) => Conflict(error);
}
""";
            const string prefix = "The body of this {0} response does not match the Artworks API error contract: ";
            await VerifyCS.AnalyzerAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(prefix, 404) + "'error' is \"NotFound\" but 404 requires \"not_found\""),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(prefix, 429) + "missing field 'retry_after'; 'retryAfter' is not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(string.Format(prefix, 400) + "'detail' is not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(3).WithMessage(string.Format(prefix, 409) + "missing field 'error'"));
        }

        [Fact]
        public async Task RecordsAndClasses_UnderB()
        {
            const string source = """

using System.Text.Json.Serialization;

public record StudioError(string Message);
public record FieldError(string Field, string Message, string Code);
public record PartialFieldError(string Field, string Message);
public record ValidationError(string Message, IReadOnlyList<FieldError> Errors);
public record LooseValidationError(string Message, List<PartialFieldError> Errors);
public class Renamed
{
    [JsonPropertyName("msg")] public string Message { get; set; } = "";
}

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new StudioError("Tool not found"));
    public IActionResult B(ValidationError error) => BadRequest(error);
    public IActionResult C(LooseValidationError error) => BadRequest({|#0:error|});
    public IActionResult D() => NotFound({|#1:new Renamed { Message = "x" }|});
}
""";
            const string prefix = "The body of this {0} response does not match the Studio API error contract: ";
            await VerifyCS.AnalyzerAsync(
                B,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(prefix, 400) + "items of 'errors' lack 'code'"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(prefix, 404) + "missing field 'message'; 'msg' is not allowed"));
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task UnknowableShapes_AreNotFlagged(string contract)
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A(object body) => NotFound(body);
    public IActionResult B() => NotFound(new Dictionary<string, object> { ["message"] = "x" });
    public IActionResult C(dynamic body) => NotFound(body);
    public IActionResult D(System.Text.Json.JsonElement body) => NotFound(body);
}
public static class Endpoints
{
    public static IResult E(object body) => Results.Json(body, statusCode: 404);
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task ResultsJson_ObjectResultValue_AndConditionalStatus()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => new ObjectResult({|#0:new { message = "x" }|}) { StatusCode = 404 };
    public IActionResult B() => new ObjectResult(null) { Value = {|#1:new { message = "x" }|}, StatusCode = 500 };
    public IActionResult C() => new ObjectResult(new { error = "not_found", message = "x" }) { StatusCode = 404 };
    public IActionResult G() => new JsonResult({|#3:"gone"|}) { StatusCode = 404 };
}
public static class Endpoints
{
    public static IResult D() => Results.Json({|#2:new { message = "x" }|}, statusCode: 403);
    public static IResult E() => Results.Json(new { error = "forbidden", message = "x" }, statusCode: 403);
    public static IResult F() => Results.Json(new { anything = 1 }, statusCode: 200);
}
""";
            await VerifyCS.AnalyzerAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0),
                VerifyCS.Diagnostic("EC0002").WithLocation(1),
                VerifyCS.Diagnostic("EC0002").WithLocation(2),
                VerifyCS.Diagnostic("EC0002").WithLocation(3));
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task SuccessBodies_AreNotChecked(string contract)
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => Ok("text");
    public IActionResult B() => Ok(new { anything = 1 });
    public IActionResult C() => Created("/x", new ProblemDetails());
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task IncompleteCode_DoesNotThrow()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new {|CS0246:Missing|}("x"));
    public IActionResult B() => NotFound(new { message = {|CS0103:undefined|} });
}
""";
            await VerifyCS.AnalyzerAsync(B, source);
        }
    
        // ---------- the fix ----------

        [Fact]
        public async Task Fix_NoBody_ControllerHelpers_GetTheContractBody()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => {|EC0002:NotFound()|};
    public IActionResult NoKey() => {|EC0002:this.Unauthorized()|};
    public IActionResult Deny() => {|EC0002:Forbid()|};
    public IActionResult Status() => {|EC0002:StatusCode(StatusCodes.Status403Forbidden)|};
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => NotFound(new { error = "not_found", message = "Resource not found" });
    public IActionResult NoKey() => this.Unauthorized(new { error = "unauthorized", message = "Invalid or missing API key" });
    public IActionResult Deny() => StatusCode(403, new { error = "forbidden", message = "Insufficient scope" });
    public IActionResult Status() => StatusCode(StatusCodes.Status403Forbidden, new { error = "forbidden", message = "Insufficient scope" });
}
""");
            await VerifyCS.CodeFixAsync(B, source, """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => NotFound(new { message = "Not found" });
    public IActionResult NoKey() => this.Unauthorized(new { message = "Authorization header is required" });
    public IActionResult Deny() => StatusCode(403, new { message = "You do not have access to this resource" });
    public IActionResult Status() => StatusCode(StatusCodes.Status403Forbidden, new { message = "You do not have access to this resource" });
}
""");
        }

        [Fact]
        public async Task Fix_NoBody_MinimalApiAndResultTypes()
        {
            const string source = """

public static class Endpoints
{
    public static IResult Missing() => {|EC0002:Results.NotFound()|};
    public static IResult NoKey() => {|EC0002:Results.Unauthorized()|};
    public static IActionResult Mvc() => {|EC0002:new NotFoundResult()|};
    public static IActionResult MvcStatus() => {|EC0002:new StatusCodeResult(403)|};
    public static IActionResult NullValue() => new ObjectResult({|EC0002:null|}) { StatusCode = 404 };
    public static void Map(WebApplication app) => app.MapGet("/", () => {|EC0002:TypedResults.NotFound()|});
}
""";
            await VerifyCS.CodeFixAsync(B, source, """

public static class Endpoints
{
    public static IResult Missing() => Results.NotFound(new { message = "Not found" });
    public static IResult NoKey() => Results.Json(new { message = "Authorization header is required" }, statusCode: 401);
    public static IActionResult Mvc() => new NotFoundObjectResult(new { message = "Not found" });
    public static IActionResult MvcStatus() => new ObjectResult(new { message = "You do not have access to this resource" }) { StatusCode = 403 };
    public static IActionResult NullValue() => new ObjectResult(new { message = "Not found" }) { StatusCode = 404 };
    public static void Map(WebApplication app) => app.MapGet("/", () => TypedResults.NotFound(new { message = "Not found" }));
}
""");
        }

        [Fact]
        public async Task Fix_TypedResultsDeclaredByAUnion_IsNotOffered()
        {
            const string source = """

public static class Endpoints
{
    public static Results<Ok, NotFound> Find(bool found) => found ? TypedResults.Ok() : {|EC0002:TypedResults.NotFound()|};
}
""";
            await VerifyCS.NoCodeFixAsync(A, source);
        }

        [Fact]
        public async Task Fix_PlainString_BecomesTheMessage()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest({|EC0002:"Missing title"|});
    public IActionResult B(string why) => new BadRequestObjectResult({|EC0002:why|});
}
public static class Endpoints
{
    public static IResult C() => Results.BadRequest({|EC0002:"Missing title"|});
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { error = "bad_request", message = "Missing title" });
    public IActionResult B(string why) => new BadRequestObjectResult(new { error = "bad_request", message = why });
}
public static class Endpoints
{
    public static IResult C() => Results.BadRequest(new { error = "bad_request", message = "Missing title" });
}
""");
            await VerifyCS.CodeFixAsync(B, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { message = "Missing title" });
    public IActionResult B(string why) => new BadRequestObjectResult(new { message = why });
}
public static class Endpoints
{
    public static IResult C() => Results.BadRequest(new { message = "Missing title" });
}
""");
        }

        [Fact]
        public async Task Fix_ProblemDetails_DetailBecomesTheMessage()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => {|EC0002:Problem("boom")|};
    public IActionResult B() => NotFound({|EC0002:new ProblemDetails { Detail = "gone" }|});
    public IActionResult C() => {|EC0002:ValidationProblem(ModelState)|};
}
public static class Endpoints
{
    public static IResult D() => {|EC0002:Results.Problem("boom", statusCode: 404)|};
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(500, new { error = "internal_error", message = "boom" });
    public IActionResult B() => NotFound(new { error = "not_found", message = "gone" });
    public IActionResult C() => BadRequest(new { error = "bad_request", message = "Invalid input or missing required fields" });
}
public static class Endpoints
{
    public static IResult D() => Results.NotFound(new { error = "not_found", message = "boom" });
}
""");
            await VerifyCS.CodeFixAsync(B, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(500, new { message = "boom" });
    public IActionResult B() => NotFound(new { message = "gone" });
    public IActionResult C() => BadRequest(new { message = "Validation failed", errors = ModelState.SelectMany(entry => entry.Value!.Errors.Select(error => new { field = entry.Key, message = error.ErrorMessage, code = /* TODO: code */ "" })) });
}
public static class Endpoints
{
    public static IResult D() => Results.NotFound(new { message = "boom" });
}
""");
        }

        /// <summary>
        /// Contract B documents a validation list for 400 (<c>errors: [{field, message, code}]</c>): the fix carries the field
        /// errors the framework response sent over to it, the input's name and the error's message, and leaves a TODO for the
        /// code, which the framework does not know. Names already used around the call are not reused for the lambdas.
        /// </summary>
        [Fact]
        public async Task Fix_ValidationErrors_BecomeTheValidationList_UnderB()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => {|EC0002:ValidationProblem(ModelState)|};
    public IActionResult B() => BadRequest({|EC0002:ModelState|});

    public IActionResult C(string entry)
    {
        return {|EC0002:ValidationProblem(ModelState)|};
    }

    public IActionResult E() => {|EC0002:ValidationProblem()|};
}
public static class Endpoints
{
    public static IResult D(Dictionary<string, string[]> problems) => {|EC0002:Results.ValidationProblem(problems)|};
    public static IResult F(Dictionary<string, string[]>? problems) => {|EC0002:Results.ValidationProblem(problems ?? new())|};
}
""";
            await VerifyCS.CodeFixAsync(B, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { message = "Validation failed", errors = ModelState.SelectMany(entry => entry.Value!.Errors.Select(error => new { field = entry.Key, message = error.ErrorMessage, code = /* TODO: code */ "" })) });
    public IActionResult B() => BadRequest(new { message = "Validation failed", errors = ModelState.SelectMany(entry => entry.Value!.Errors.Select(error => new { field = entry.Key, message = error.ErrorMessage, code = /* TODO: code */ "" })) });

    public IActionResult C(string entry)
    {
        return BadRequest(new { message = "Validation failed", errors = ModelState.SelectMany(entry2 => entry2.Value!.Errors.Select(error => new { field = entry2.Key, message = error.ErrorMessage, code = /* TODO: code */ "" })) });
    }

    public IActionResult E() => BadRequest(new { message = "Validation failed", errors = ModelState.SelectMany(entry => entry.Value!.Errors.Select(error => new { field = entry.Key, message = error.ErrorMessage, code = /* TODO: code */ "" })) });
}
public static class Endpoints
{
    public static IResult D(Dictionary<string, string[]> problems) => Results.BadRequest(new { message = "Validation failed", errors = problems.SelectMany(entry => entry.Value.Select(text => new { field = entry.Key, message = text, code = /* TODO: code */ "" })) });
    public static IResult F(Dictionary<string, string[]>? problems) => Results.BadRequest(new { message = "Validation failed", errors = (problems ?? new()).SelectMany(entry => entry.Value.Select(text => new { field = entry.Key, message = text, code = /* TODO: code */ "" })) });
}
""");

            // Contract A has no validation list: the same calls get its error body, without one.
            await VerifyCS.CodeFixAsync(A, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { error = "bad_request", message = "Invalid input or missing required fields" });
    public IActionResult B() => BadRequest(new { error = "bad_request", message = "Invalid input or missing required fields" });

    public IActionResult C(string entry)
    {
        return BadRequest(new { error = "bad_request", message = "Invalid input or missing required fields" });
    }

    public IActionResult E() => BadRequest(new { error = "bad_request", message = "Invalid input or missing required fields" });
}
public static class Endpoints
{
    public static IResult D(Dictionary<string, string[]> problems) => Results.BadRequest(new { error = "bad_request", message = "Invalid input or missing required fields" });
    public static IResult F(Dictionary<string, string[]>? problems) => Results.BadRequest(new { error = "bad_request", message = "Invalid input or missing required fields" });
}
""");
        }

        /// <summary>The validation list is written with LINQ: where System.Linq is not imported, the fix keeps the message only.</summary>
        [Fact]
        public async Task Fix_ValidationErrors_WithoutSystemLinq_KeepTheMessageOnly_UnderB()
        {
            const string source = """
using Microsoft.AspNetCore.Mvc;

public class ItemsController : ControllerBase
{
    public IActionResult A() => {|EC0002:ValidationProblem(ModelState)|};
}
""";
            await VerifyCS.CodeFixAsync(B, source, """
using Microsoft.AspNetCore.Mvc;

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { message = "Validation failed" });
}
""", test => test.WithoutGlobalUsings());
        }

        [Fact]
        public async Task Fix_429_UnderA_GetsARetryAfterPlaceholder()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(429, {|EC0002:new { error = "rate_limited", message = "Slow down" }|});
    public IActionResult B() => {|EC0002:StatusCode(429)|};
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = /* TODO: seconds until the client may retry */ 60 });
    public IActionResult B() => StatusCode(429, new { error = "rate_limited", message = "Rate limit exceeded. Try again after the reset time.", retry_after = /* TODO: seconds until the client may retry */ 60 });
}
""");
        }

        [Fact]
        public async Task Fix_WrongCode_IsReplacedWhereItIsWritten()
        {
            const string source = """

public record ApiError(string Error, string Message);
public class ItemsController : ControllerBase
{
    public IActionResult A() => Unauthorized({|EC0002:new { error = "forbidden", message = "Invalid key" }|});
    public IActionResult B() => NotFound({|EC0002:new ApiError(/* code */ "NotFound", "Artwork not found")|});
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public record ApiError(string Error, string Message);
public class ItemsController : ControllerBase
{
    public IActionResult A() => Unauthorized(new { error = "unauthorized", message = "Invalid key" });
    public IActionResult B() => NotFound(new ApiError(/* code */ "not_found", "Artwork not found"));
}
""");
        }

        [Fact]
        public async Task Fix_UsesTheProjectErrorType_WhenItHasTheContractShape()
        {
            const string source = """

public record ApiError(string Error, string Message);
public class ItemsController : ControllerBase
{
    public IActionResult A() => {|EC0002:NotFound()|};
    public IActionResult B() => BadRequest({|EC0002:"Missing title"|});
    public IActionResult C() => NotFound({|EC0002:new { message = "Artwork not found" }|});
    public IActionResult D() => {|EC0002:StatusCode(429)|};
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public record ApiError(string Error, string Message);
public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new ApiError("not_found", "Resource not found"));
    public IActionResult B() => BadRequest(new ApiError("bad_request", "Missing title"));
    public IActionResult C() => NotFound(new ApiError("not_found", "Artwork not found"));
    public IActionResult D() => StatusCode(429, new { error = "rate_limited", message = "Rate limit exceeded. Try again after the reset time.", retry_after = /* TODO: seconds until the client may retry */ 60 });
}
""");
        }

        [Fact]
        public async Task Fix_UsesTheProjectErrorClass_WithSettableProperties_UnderB()
        {
            const string source = """

public class StudioError
{
    public string Message { get; set; } = "";
}
public class ItemsController : ControllerBase
{
    public IActionResult A() => {|EC0002:NotFound()|};
}
""";
            await VerifyCS.CodeFixAsync(B, source, """

public class StudioError
{
    public string Message { get; set; } = "";
}
public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new StudioError { Message = "Not found" });
}
""");
        }

        [Fact]
        public async Task Fix_MultilineAnonymousObject_KeepsCommentsAndLayout()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A()
    {
        return NotFound({|EC0002:new
        {
            // what went wrong
            message = "Artwork not found",
            detail = "id 5"
        }|});
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A()
    {
        return NotFound(new
        {
            // what went wrong
            message = "Artwork not found",
            error = "not_found"
        });
    }
}
""");
        }

        [Fact]
        public async Task Fix_DisallowedFieldCarryingTheMessage_BecomesTheMessage_UnderB()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound({|EC0002:new { error = "Tool not found" }|});
    public IActionResult B() => NotFound({|EC0002:new { error = "not_found", message = "Tool not found" /* for users */ }|});
}
""";
            await VerifyCS.CodeFixAsync(B, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new { message = "Tool not found" });
    public IActionResult B() => NotFound(new { message = "Tool not found" /* for users */ });
}
""");
        }

        [Fact]
        public async Task Fix_ValidationItems_GetTheMissingFields_UnderB()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest({|EC0002:new { message = "Validation failed", errors = new[] { new { field = "tool", message = "Required" } } }|});
}
""";
            await VerifyCS.CodeFixAsync(B, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { message = "Validation failed", errors = new[] { new { field = "tool", message = "Required", code = /* TODO: code */ "" } } });
}
""");
        }

        [Fact]
        public async Task ValidationItems_WithAFieldTheContractDoesNotList_AreFlagged_UnderB()
        {
            // Contract B lists the item fields of its validation variant; as for the body itself, others are not allowed.
            // (Contract A has no validation variant: an 'errors' field is not allowed there at all.)
            const string source = """

public record FieldError(string Field, string Message, string Code, string Hint);
public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { message = "Validation failed", errors = new[] { new { field = "tool", message = "Required", code = "invalid_type" } } });
    public IActionResult B() => BadRequest({|#0:new { message = "Validation failed", errors = new[] { new { field = "tool", message = "Required", code = "invalid_type", hint = "see the docs" } } }|});
    public IActionResult C() => BadRequest({|#1:new { message = "Validation failed", errors = new[] { new FieldError("tool", "Required", "invalid_type", "see the docs") } }|});
    public IActionResult D() => BadRequest({|#2:new { message = "Validation failed", errors = new[] { new { field = "tool", hint = "see the docs", path = "$.tool" } } }|});
}
""";
            const string prefix = "The body of this 400 response does not match the Studio API error contract: ";
            await VerifyCS.AnalyzerAsync(
                B,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(prefix + "'hint' is not allowed in items of 'errors'"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(prefix + "'hint' is not allowed in items of 'errors'"),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(prefix + "items of 'errors' lack 'message', 'code'; 'hint', 'path' are not allowed in items of 'errors'"));

            // Under A every one of these bodies is wrong before its items are read: A documents no 'errors' field at all.
            const string prefixA = "The body of this 400 response does not match the Artworks API error contract: ";
            const string notA = "missing field 'error'; 'errors' is not allowed";
            await VerifyCS.AnalyzerAsync(
                A,
                source.Replace("BadRequest(new", "BadRequest({|#3:new").Replace("} } });", "} } }|});"),
                VerifyCS.Diagnostic("EC0002").WithLocation(3).WithMessage(prefixA + notA),
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(prefixA + notA),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(prefixA + notA),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(prefixA + notA));
        }

        [Fact]
        public async Task Fix_ValidationItems_LoseTheFieldsTheContractDoesNotList_UnderB()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest({|EC0002:new { message = "Validation failed", errors = new[] { new { field = "tool", message = "Required", code = "invalid_type", hint = "see the docs" } } }|});
    public IActionResult B() => BadRequest({|EC0002:new { message = "Validation failed", errors = new[] { new { hint = "see the docs", field = "tool", message = "Required" } } }|});
}
""";
            await VerifyCS.CodeFixAsync(B, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { message = "Validation failed", errors = new[] { new { field = "tool", message = "Required", code = "invalid_type" } } });
    public IActionResult B() => BadRequest(new { message = "Validation failed", errors = new[] { new { field = "tool", message = "Required", code = /* TODO: code */ "" } } });
}
""");
        }

        [Fact]
        public async Task Fix_HttpResponse_WritesTheJsonBody()
        {
            const string source = """

public static class Middleware
{
    public static async Task Reject(HttpContext context)
    {
        {|EC0002:context.Response.StatusCode = 401|};
        await Task.CompletedTask;
    }

    public static async Task RejectWithText(HttpContext context)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsync({|EC0002:"Invalid key"|});
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public static class Middleware
{
    public static async Task Reject(HttpContext context)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsJsonAsync(new { error = "unauthorized", message = "Invalid or missing API key" });
        await Task.CompletedTask;
    }

    public static async Task RejectWithText(HttpContext context)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsJsonAsync(new { error = "unauthorized", message = "Invalid key" });
    }
}
""");
        }

        [Fact]
        public async Task Fix_UnknowableItems_OrSyncMiddleware_IsNotOffered()
        {
            const string source = """

public record PartialFieldError(string Field, string Message);
public record LooseValidationError(string Message, List<PartialFieldError> Errors);
public class ItemsController : ControllerBase
{
    public IActionResult A(LooseValidationError error) => BadRequest({|EC0002:error|});
}
public static class Middleware
{
    public static void Reject(HttpContext context)
    {
        {|EC0002:context.Response.StatusCode = 403|};
    }
}
""";
            await VerifyCS.NoCodeFixAsync(B, source);
        }

        [Fact]
        public async Task Fix_HandlesOnlyEC0002_WhenEC0001IsOnTheSameCall()
        {
            await VerifyCS.CodeFixAsync(
                A,
                """

public class TeaController : ControllerBase
{
    public IActionResult Brew() => {|EC0001:{|EC0002:StatusCode(418)|}|};
}
""",
                """

public class TeaController : ControllerBase
{
    public IActionResult Brew() => {|EC0001:StatusCode(418, new { error = "bad_request", message = "Invalid input or missing required fields" })|};
}
""",
                test =>
                {
                    // EC0001 stays on the call: its own fix is another provider's.
                    test.DisabledDiagnostics.Clear();
                    test.AllowMarkupInFixedCode();
                });
        }

        [Fact]
        public async Task Fix_ResultsJson_AndObjectResultValue()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => new ObjectResult({|EC0002:new { message = "x" }|}) { StatusCode = 404 };
    public IActionResult B() => new ObjectResult(null) { Value = {|EC0002:"gone"|}, StatusCode = 404 };
}
public static class Endpoints
{
    public static IResult C() => Results.Json({|EC0002:new { message = "x", detail = "y" }|}, statusCode: 403);
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => new ObjectResult(new { message = "x", error = "not_found" }) { StatusCode = 404 };
    public IActionResult B() => new ObjectResult(null) { Value = new { error = "not_found", message = "gone" }, StatusCode = 404 };
}
public static class Endpoints
{
    public static IResult C() => Results.Json(new { message = "x", error = "forbidden" }, statusCode: 403);
}
""");
        }

        [Fact]
        public async Task Fix_ClassWithDisallowedFields_IsRewrittenToTheContractFields()
        {
            const string source = """

public class DetailedError
{
    public string Error { get; set; } = "";
    public string Message { get; set; } = "";
    public string Detail { get; set; } = "";
}
public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest({|EC0002:new DetailedError { Error = "bad_request", Message = "m", Detail = "d" }|});
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

public class DetailedError
{
    public string Error { get; set; } = "";
    public string Message { get; set; } = "";
    public string Detail { get; set; } = "";
}
public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { error = "bad_request", message = "m" });
}
""");
        }

        [Fact]
        public async Task Fix_429_UsesTheProjectRateLimitType_NamedByJsonPropertyName()
        {
            const string source = """

using System.Text.Json.Serialization;

public record ApiError(string Error, string Message);
public record RateLimitError(string Error, string Message, [property: JsonPropertyName("retry_after")] int RetryAfter);
public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(429, {|EC0002:new ApiError("rate_limited", "Slow down")|});
}
""";
            await VerifyCS.CodeFixAsync(A, source, """

using System.Text.Json.Serialization;

public record ApiError(string Error, string Message);
public record RateLimitError(string Error, string Message, [property: JsonPropertyName("retry_after")] int RetryAfter);
public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(429, new RateLimitError("rate_limited", "Slow down", /* TODO: seconds until the client may retry */ 60));
}
""");
        }

        [Fact]
        public async Task ConditionalStatus_IsCheckedPerStatus_AndNotFixedUnderA()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A(bool missing) => StatusCode(missing ? 404 : 400, {|#0:new { error = "not_found", message = "x" }|});
}
""";
            await VerifyCS.NoCodeFixAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage("The body of this 400 response does not match the Artworks API error contract: 'error' is \"not_found\" but 400 requires \"bad_request\""));
        }

        [Fact]
        public async Task ProblemDetailsContract_AcceptsProblemDetails_NothingIsHardCoded()
        {
            const string contract = """
{
  "name": "Problem API",
  "successStatuses": "any",
  "statuses": {
    "400": { "description": "Bad request", "message": "Bad request" },
    "404": { "description": "Not found", "message": "Not found" },
    "500": { "description": "Server error", "message": "Server error" }
  },
  "errorBody": {
    "fields": {
      "type": { "type": "string" },
      "title": { "type": "string", "required": true },
      "status": { "type": "integer" },
      "detail": { "type": "string" }
    },
    "messageField": "title"
  }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => Problem("boom");
    public IActionResult B() => NotFound(new ProblemDetails { Title = "Not found" });
    public IActionResult C() => NotFound(new { title = "Not found", status = 404 });
    public IActionResult D() => NotFound({|#0:new { message = "Not found" }|});
    public IActionResult E() => BadRequest({|#1:"Missing title"|});
}
""";
            const string prefix = "The body of this {0} response does not match the Problem API error contract: ";
            await VerifyCS.AnalyzerAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(prefix, 404) + "missing field 'title'; 'message' is not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(prefix, 400) + "it sends a plain string instead of the JSON object {\"title\": …}"));
        }

        [Fact]
        public async Task FixAll_AcrossDocuments()
        {
            const string otherSource = """

public class OtherController : ControllerBase
{
    public IActionResult B() => BadRequest({|EC0002:"Missing tool"|});
}
""";
            const string fixedOther = """

public class OtherController : ControllerBase
{
    public IActionResult B() => BadRequest(new { message = "Missing tool" });
}
""";
            await VerifyCS.CodeFixAsync(
                B,
                """

public class ItemsController : ControllerBase
{
    public IActionResult A() => {|EC0002:NotFound()|};
}
""",
                """

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new { message = "Not found" });
}
""",
                test =>
                {
                    test.TestState.Sources.Add(("/0/Other.cs", otherSource));
                    test.FixedState.Sources.Add(("/0/Other.cs", fixedOther));
                    test.BatchFixedState.Sources.Add(("/0/Other.cs", fixedOther));
                });
        }

        [Fact]
        public async Task Fix_TextOnlyParameters_AndTypedResults_AndComments()
        {
            const string source = """

public record Conflicting(string Message);
public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(/* why */ {|EC0002:"Missing title"|} /* shown */);
    public IActionResult B() => Conflict({|EC0002:new Conflicting("dup")|});
}
public static class Endpoints
{
    public static IResult C() => Results.Content({|EC0002:"Missing title"|}, statusCode: 400);
    public static IResult D() => TypedResults.BadRequest({|EC0002:"Missing title"|});
    public static Results<Ok, BadRequest<string>> E() => TypedResults.BadRequest({|EC0002:"Missing title"|});
    public static IResult F() => Results.BadRequest<string>({|EC0002:"Missing title"|});
}
""";
            await VerifyCS.CodeFixAsync(
                A,
                source,
                """

public record Conflicting(string Message);
public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(/* why */ new { error = "bad_request", message = "Missing title" } /* shown */);
    public IActionResult B() => Conflict(new { error = "conflict", message = "dup" });
}
public static class Endpoints
{
    public static IResult C() => Results.BadRequest(new { error = "bad_request", message = "Missing title" });
    public static IResult D() => TypedResults.BadRequest(new { error = "bad_request", message = "Missing title" });
    public static Results<Ok, BadRequest<string>> E() => TypedResults.BadRequest({|EC0002:"Missing title"|});
    public static IResult F() => Results.BadRequest<string>({|EC0002:"Missing title"|});
}
""",
                // E and F keep their diagnostics: a declared result type or an explicit type argument would break.
                test => test.AllowMarkupInFixedCode());
        }

        [Fact]
        public async Task FieldOfTheWrongJsonType_IsFlaggedAndConverted()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(429, {|#0:new { error = "rate_limited", message = "Slow down", retry_after = "45" }|});
    public IActionResult B(TimeSpan wait) => StatusCode(429, {|#1:new { error = "rate_limited", message = "Slow down", retry_after = wait }|});
    public IActionResult C(int seconds) => StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = seconds });
}
""";
            const string prefix = "The body of this 429 response does not match the Artworks API error contract: ";
            await VerifyCS.CodeFixAsync(
                A,
                source,
                """

public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = 45 });
    public IActionResult B(TimeSpan wait) => StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = /* TODO: seconds until the client may retry */ 60 });
    public IActionResult C(int seconds) => StatusCode(429, new { error = "rate_limited", message = "Slow down", retry_after = seconds });
}
""",
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(prefix + "'retry_after' is a string but the contract documents an integer"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(prefix + "'retry_after' is a string but the contract documents an integer"));
        }

        [Fact]
        public async Task Fix_MinimalApiProblemFactories()
        {
            const string source = """

public static class Endpoints
{
    public static IResult A(IDictionary<string, string[]> errors) => {|EC0002:Results.ValidationProblem(errors, detail: "Check the tool")|};
    public static void Map(WebApplication app) => app.MapPost("/", () => {|EC0002:TypedResults.Problem(title: "Generation failed")|});
}
""";
            await VerifyCS.CodeFixAsync(B, source, """

public static class Endpoints
{
    public static IResult A(IDictionary<string, string[]> errors) => Results.BadRequest(new { message = "Check the tool", errors = errors.SelectMany(entry => entry.Value.Select(text => new { field = entry.Key, message = text, code = /* TODO: code */ "" })) });
    public static void Map(WebApplication app) => app.MapPost("/", () => TypedResults.InternalServerError(new { message = "Generation failed" }));
}
""");
        }

        [Fact]
        public async Task StatusAssignment_ThenUnknowableBody_IsNotFlagged()
        {
            const string source = """

public static class Middleware
{
    public static async Task Reject(HttpContext context, object problem)
    {
        context.Response.StatusCode = 403;
        await context.Response.WriteAsJsonAsync(problem);
    }

    public static async Task RejectWithDictionary(HttpContext context)
    {
        context.Response.StatusCode = 403;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["message"] = "no" });
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        // ---------- JSON serialized by hand ----------

        [Theory]
        [InlineData("artworks", "Artworks API", "missing fields 'error', 'message'; 'errors' is not allowed")]
        [InlineData("studio", "Studio API", "missing field 'message'; 'errors' is not allowed")]
        public async Task SerializedJson_WrittenByMiddleware_IsReadAsTheSerializedObject(string contract, string name, string problem)
        {
            const string source = """
using System.Text.Json;

public sealed class ApiKeyMiddleware
{
    private readonly RequestDelegate next;

    public ApiKeyMiddleware(RequestDelegate next) => this.next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey("Authorization"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize({|#0:new { errors = new[] { "The API key is missing" } }|}));
            return;
        }

        await next(context);
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0)
                    .WithMessage("The body of this 401 response does not match the " + name + " error contract: it sends an object serialized with JsonSerializer.Serialize: " + problem));
        }

        [Theory]
        [InlineData("artworks", "new { error = \"unauthorized\", message = \"The API key is missing\" }")]
        [InlineData("studio", "new { message = \"The API key is missing\" }")]
        public async Task SerializedJson_OfTheContractBody_IsSilent(string contract, string body)
        {
            var source = $$"""
using System.Text.Json;

public static class ApiKeyCheck
{
    public static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = 401;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize({{body}}));
    }

    public static async Task RejectWebAsync(HttpContext context)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsync(JsonSerializer.Serialize({{body}}, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }

    public static IResult Endpoint() => Results.Content(JsonSerializer.Serialize({{body}}), "application/json", statusCode: 401);

    public static IActionResult Action() => new ContentResult { Content = JsonSerializer.Serialize({{body}}), ContentType = "application/json", StatusCode = 401 };
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks", "Artworks API", "missing fields 'error', 'message'; 'errors' is not allowed")]
        [InlineData("studio", "Studio API", "missing field 'message'; items of 'errors' must be objects with 'field', 'message', 'code'")]
        public async Task SerializedJson_KeptInALocal_IsReadToo(string contract, string name, string problem)
        {
            // The JSON is made first and written after: the local is followed to its declaration in the same method, as long as
            // nothing assigns it again. The diagnostic is where the JSON is written; no fix is offered (the object is elsewhere).
            const string source = """
using System.Text.Json;

public sealed class ErrorHandlingMiddleware
{
    private readonly RequestDelegate next;

    public ErrorHandlingMiddleware(RequestDelegate next) => this.next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ArgumentException ex)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            var json = JsonSerializer.Serialize(new { errors = new[] { ex.Message } });
            await context.Response.WriteAsync({|#0:json|});
        }
        catch (InvalidOperationException ex)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            var json = JsonSerializer.Serialize(new { detail = ex.Message });
            json = json.Replace("detail", "message");
            await context.Response.WriteAsync(json);
        }
    }
}
""";
            await VerifyCS.NoCodeFixAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0)
                    .WithMessage("The body of this 400 response does not match the " + name + " error contract: it sends an object serialized with JsonSerializer.Serialize: " + problem));
        }

        [Theory]
        [InlineData("artworks", "Artworks API", "missing fields 'error', 'message'; 'errors' is not allowed")]
        [InlineData("studio", "Studio API", "missing field 'message'; 'errors' is not allowed")]
        public async Task FilterResult_WithJsonContent_TakesTheStatusSetBefore(string contract, string name, string problem)
        {
            // The filter sets the status on the response, then gives MVC a ContentResult without a status of its own: the
            // response is a 422 with that JSON, not a 422 without a body.
            const string source = """
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;

public sealed class ValidateModelFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ModelState.IsValid)
        {
            return;
        }

        var errors = context.ModelState
            .Where(entry => entry.Value!.Errors.Count > 0)
            .ToDictionary(entry => entry.Key, entry => entry.Value!.Errors.Select(error => error.ErrorMessage).ToArray());
        context.HttpContext.Response.StatusCode = 422;
        context.Result = new ContentResult
        {
            Content = JsonSerializer.Serialize({|#0:new { errors }|}),
            ContentType = "application/json",
        };
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

[ApiController]
public class ItemsController : ControllerBase, IActionFilter
{
    [NonAction]
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (!context.ModelState.IsValid)
        {
            Response.StatusCode = 422;
            context.Result = Content(JsonSerializer.Serialize({|#1:new { errors = context.ModelState.Keys }|}), "application/json");
        }
    }

    [NonAction]
    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
""";
            var message = "The body of this 422 response does not match the " + name + " error contract: it sends an object serialized with JsonSerializer.Serialize: " + problem;
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(message),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(message));
        }

        [Theory]
        [InlineData("artworks", "new { error = \"bad_request\", message = \"The request is invalid\" }")]
        [InlineData("studio", "new { message = \"The request is invalid\" }")]
        public async Task FilterResult_WithTheContractBody_IsSilent(string contract, string body)
        {
            var source = $$"""
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;

public sealed class ValidateModelAttribute : ActionFilterAttribute
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        if (!context.ModelState.IsValid)
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Result = new ContentResult { Content = JsonSerializer.Serialize({{body}}), ContentType = "application/json" };
        }
    }
}

public sealed class RejectAnonymousFilter : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        context.HttpContext.Response.StatusCode = 400;
        context.Result = new JsonResult({{body}});
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task FilterStatus_WithAnEmptyResult_StillHasNoBody(string contract)
        {
            // An EmptyResult writes nothing: the status the filter set is still a response without a body.
            const string source = """
using Microsoft.AspNetCore.Mvc.Filters;

public sealed class RequireTenantFilter : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!context.HttpContext.Request.Headers.ContainsKey("X-Tenant"))
        {
            {|EC0002:context.HttpContext.Response.StatusCode = 403|};
            context.Result = new EmptyResult();
        }
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task ContentAndTextResults_ReadJsonByItsContentType(string contract)
        {
            // JSON made by a serializer is the serialized object; JSON text of unknown origin (a variable, text that is no
            // JSON) has a shape that cannot be known here; text sent as text/plain is a plain string, as before.
            const string source = """
using System.Text.Json;

public static class Endpoints
{
    public static IResult A() => Results.Content(JsonSerializer.Serialize({|EC0002:new { detail = "Title is required" }|}), "application/json", statusCode: 400);
    public static IResult B() => TypedResults.Text(JsonSerializer.Serialize({|EC0002:new { detail = "Tool not found" }|}), "application/problem+json; charset=utf-8", statusCode: 404);
    public static IResult C() => Results.Text({|EC0002:"Title is required"|}, "text/plain", statusCode: 400);
    public static IResult D(string json) => Results.Content(json, "application/json", statusCode: 400);
    public static IResult E() => Results.Content("{ not quite JSON", "application/json", statusCode: 400);
    public static IResult F(string json, string contentType) => Results.Content(json, contentType, statusCode: 400);
    public static IResult G() => Results.Content({|EC0002:"Title is required"|}, "application/json", statusCode: 400);
}

public class ItemsController : ControllerBase
{
    public IActionResult G() => new ContentResult { Content = JsonSerializer.Serialize({|EC0002:new { detail = "Title is required" }|}), ContentType = "application/json", StatusCode = 400 };
    public IActionResult H() => new ContentResult { Content = {|EC0002:"Title is required"|}, StatusCode = 400 };
    public IActionResult I(string json) => new ContentResult { Content = json, ContentType = "application/json", StatusCode = 400 };
}

public static class Middleware
{
    public static async Task WriteJsonTextAsync(HttpContext context, string json)
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Theory]
        [InlineData("artworks", "public record ApiError(string Error, string Message);", "new ApiError(\"bad_request\", \"Title is required\")", "'Error', 'Message' are not allowed")]
        [InlineData("studio", "public record ApiError(string Message);", "new ApiError(\"Title is required\")", "'Message' is not allowed")]
        public async Task SerializedWithoutOptions_KeepsTheCSharpNames(string contract, string declaration, string body, string disallowed)
        {
            // JsonSerializer.Serialize(x) without options has no naming policy: System.Text.Json writes "Message", not the
            // "message" ASP.NET Core would write. Options that say camelCase are read; options the source does not show are not.
            var source = $$"""
using System.Text.Json;

{{declaration}}

public static class Middleware
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

    public static async Task AsDeclaredAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        await context.Response.WriteAsync(JsonSerializer.Serialize({|#0:{{body}}|}));
    }

    public static async Task WebAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        await context.Response.WriteAsync(JsonSerializer.Serialize({{body}}, JsonSerializerOptions.Web));
    }

    public static async Task CamelCaseAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        await context.Response.WriteAsync(JsonSerializer.Serialize({{body}}, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }

    public static async Task FieldOptionsAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        await context.Response.WriteAsync(JsonSerializer.Serialize({{body}}, Options));
    }
}
""";
            var missing = contract == "artworks" ? "missing fields 'error', 'message'" : "missing field 'message'";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(
                    "The body of this 400 response does not match the " + (contract == "artworks" ? "Artworks API" : "Studio API")
                    + " error contract: it sends an object serialized with JsonSerializer.Serialize: " + missing + "; " + disallowed
                    + " (without options, JsonSerializer writes the C# names as they are; JsonSerializerOptions.Web writes them in camelCase)"));
        }

        [Theory]
        [InlineData("artworks", "Artworks API", "missing fields 'error', 'message'; 'errors' is not allowed", "new { error = \"bad_request\", message = \"Title is required\" }")]
        [InlineData("studio", "Studio API", "missing field 'message'; items of 'errors' must be objects with 'field', 'message', 'code'", "new { message = \"Title is required\" }")]
        public async Task NewtonsoftJson_SerializeObject_IsReadWhenTheProjectReferencesIt(string contract, string name, string problem, string compliant)
        {
            var source = $$"""
using Newtonsoft.Json;

public static class Middleware
{
    public static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonConvert.SerializeObject({|#0:new { errors = new[] { "Title is required" } }|}, Formatting.Indented));
    }

    public static IResult Compliant() => Results.Content(JsonConvert.SerializeObject({{compliant}}), "application/json", statusCode: 400);

    public static IResult WithSettings(JsonSerializerSettings settings) => Results.Content(JsonConvert.SerializeObject(new { errors = new[] { "Title is required" } }, settings), "application/json", statusCode: 400);
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                source,
                test => test.WithReference(NewtonsoftJson.Value),
                VerifyCS.Diagnostic("EC0002").WithLocation(0)
                    .WithMessage("The body of this 400 response does not match the " + name + " error contract: it sends an object serialized with JsonConvert.SerializeObject: " + problem));
        }

        [Theory]
        [InlineData("artworks")]
        [InlineData("studio")]
        public async Task AJsonConvertOfTheProject_IsNotNewtonsoft(string contract)
        {
            // Without the Newtonsoft.Json package, a JsonConvert of the project's own is not known to write JSON: its text is
            // written with WriteAsync as any text (a plain string), and sent as JSON its shape is not known.
            const string source = """
namespace Newtonsoft.Json
{
    public static class JsonConvert
    {
        public static string SerializeObject(object? value) => "";
    }
}

public static class Middleware
{
    public static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        await context.Response.WriteAsync({|EC0002:Newtonsoft.Json.JsonConvert.SerializeObject(new { errors = new[] { "Title is required" } })|});
    }

    public static IResult AsJson() => Results.Content(Newtonsoft.Json.JsonConvert.SerializeObject(new { errors = new[] { "Title is required" } }), "application/json", statusCode: 400);
}
""";
            await VerifyCS.AnalyzerAsync(TestContracts.Get(contract), source);
        }

        [Fact]
        public async Task Fix_SerializedJson_RewritesTheObjectInsideTheCall()
        {
            const string source = """
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;

public record ApiError(string Error, string Message);

public static class Middleware
{
    public static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize({|EC0002:new { detail = "Title is required" }|}));
    }

    public static async Task RejectRecordAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync(JsonSerializer.Serialize({|EC0002:new ApiError("not_found", "Artwork not found")|}));
    }

    public static IResult Endpoint() => Results.Content(JsonSerializer.Serialize({|EC0002:new { error = "invalid", message = "Title is required" }|}), "application/json", statusCode: 400);
}

public sealed class ValidateModelAttribute : ActionFilterAttribute
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        context.HttpContext.Response.StatusCode = 400;
        context.Result = new ContentResult { Content = JsonSerializer.Serialize({|EC0002:new { Message = "The request is invalid" }|}), ContentType = "application/json" };
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, """
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;

public record ApiError(string Error, string Message);

public static class Middleware
{
    public static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = "bad_request", message = "Title is required" }));
    }

    public static async Task RejectRecordAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = "not_found", message = "Artwork not found" }));
    }

    public static IResult Endpoint() => Results.Content(JsonSerializer.Serialize(new { error = "bad_request", message = "Title is required" }), "application/json", statusCode: 400);
}

public sealed class ValidateModelAttribute : ActionFilterAttribute
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        context.HttpContext.Response.StatusCode = 400;
        context.Result = new ContentResult { Content = JsonSerializer.Serialize(new { error = "bad_request", message = "The request is invalid" }), ContentType = "application/json" };
    }
}
""");
        }

        [Fact]
        public async Task Fix_SerializedJson_UnderStudio_AndNoFixForTextContent()
        {
            const string source = """
using System.Text.Json;

public static class Middleware
{
    public static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = 402;
        await context.Response.WriteAsync(JsonSerializer.Serialize({|EC0002:new { code = "insufficient_credits", detail = "Not enough credits" }|}));
    }

    public static async Task RejectTextAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync(JsonSerializer.Serialize({|EC0002:"Tool not found"|}));
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, """
using System.Text.Json;

public static class Middleware
{
    public static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = 402;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { message = "Not enough credits" }));
    }

    public static async Task RejectTextAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { message = "Tool not found" }));
    }
}
""");

            // ContentResult.Content only takes text: no rewrite is right there.
            const string text = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => new ContentResult { Content = {|EC0002:"Tool not found"|}, StatusCode = 404 };
}
""";
            await VerifyCS.NoCodeFixAsync(B, text);
            await VerifyCS.NoCodeFixAsync(A, text);
        }

        [Theory]
        [InlineData("artworks", "Artworks API", "missing fields 'error', 'message'; 'detail' is not allowed", "'error' is \"forbidden\" but 401 requires \"unauthorized\"", "\"{\\\"error\\\":\\\"forbidden\\\",\\\"message\\\":\\\"Invalid API key\\\"}\"", "\"{\\\"error\\\":\\\"unauthorized\\\",\\\"message\\\":\\\"Invalid API key\\\"}\"")]
        [InlineData("studio", "Studio API", "missing field 'message'; 'detail' is not allowed", "'error' is not allowed", "\"{\\\"error\\\":\\\"forbidden\\\",\\\"message\\\":\\\"Invalid API key\\\"}\"", "\"{\\\"message\\\":\\\"Invalid API key\\\"}\"")]
        public async Task JsonTextInAStringLiteral_IsReadAsJson_WithoutAFix(string contract, string name, string problem, string codeProblem, string wrongCode, string compliant)
        {
            // Middleware often writes its JSON as a literal: it is JSON, not a plain string. Rewriting the text is left to the
            // developer (no fix rather than a wrong one).
            const string template = """

public static class Middleware
{
    public static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsync({|#0:"{\"detail\":\"Invalid API key\"}"|});
    }

    public static async Task WrongCodeAsync(HttpContext context)
    {
        context.Response.StatusCode = 401;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync({|#1:WRONG_CODE|});
    }

    public static async Task CompliantAsync(HttpContext context)
    {
        context.Response.StatusCode = 401;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(COMPLIANT);
    }

    public static IResult Endpoint() => Results.Content(COMPLIANT, "application/problem+json", statusCode: 401);

    public static async Task InterpolatedAsync(HttpContext context, string reason)
    {
        // JSON built from pieces: its shape is not known, and it is no plain string.
        context.Response.StatusCode = 401;
        await context.Response.WriteAsync($"{{\"message\":\"{reason}\"}}");
    }

    public static async Task ConcatenatedAsync(HttpContext context, string reason)
    {
        context.Response.StatusCode = 401;
        await context.Response.WriteAsync("{\"detail\":\"" + reason + "\"}");
    }
}
""";
            var source = template.Replace("WRONG_CODE", wrongCode).Replace("COMPLIANT", compliant);
            var prefix = "The body of this 401 response does not match the " + name + " error contract: it sends JSON text written in the code: ";
            await VerifyCS.NoCodeFixAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(prefix + problem),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(prefix + codeProblem));
        }

        // ---------- a status the analysis cannot read ----------

        [Theory]
        [InlineData("artworks", "Artworks API", "missing fields 'error', 'message'; 'detail' is not allowed")]
        [InlineData("studio", "Studio API", "missing field 'message'; 'detail' is not allowed")]
        public async Task StatusFromAVariable_IsNotGuessed(string contract, string name, string problem)
        {
            // The body the contract expects depends on the status (its error code, the validation list; success bodies are not
            // checked): a body whose status cannot be read is not judged. Where one branch of the status is a constant, the
            // body is judged for it, and the message says that it is sent with a status that cannot be read too.
            const string source = """
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;

public class ItemsController : ControllerBase
{
    public IActionResult A(int code) => StatusCode(code, new { detail = "Generation failed" });
    public IActionResult B(int code) => Problem("Generation failed", statusCode: code);
    public IActionResult C(int code) => new ObjectResult(new { detail = "Generation failed" }) { StatusCode = code };
    public IActionResult D(int code, bool missing) => StatusCode(missing ? 404 : code, {|#0:new { detail = "Generation failed" }|});
}

public static class Endpoints
{
    public static IResult E(int code) => Results.Json(new { detail = "Generation failed" }, statusCode: code);
    public static IResult F(HttpStatusCode code) => Results.Json(new { detail = "Generation failed" }, statusCode: (int)code);

    public static async Task G(HttpContext context, int code)
    {
        context.Response.StatusCode = 400;
        context.Response.StatusCode = code;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { detail = "Generation failed" }));
    }
}

public sealed class ExceptionToJsonFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var code = context.Exception is KeyNotFoundException ? 404 : 500;
        context.HttpContext.Response.StatusCode = code;
        context.Result = new JsonResult(new { detail = context.Exception.Message });
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                TestContracts.Get(contract),
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(
                    "The body of this 404 response does not match the " + name + " error contract: " + problem
                    + "; the same body is also sent with the status 'code', which is not known before run time"));
        }

    }
}
