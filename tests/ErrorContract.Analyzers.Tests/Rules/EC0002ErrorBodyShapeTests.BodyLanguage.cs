using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.ErrorBodyFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0002 under the error body language. The payments contract: every error body is
    /// <c>{"error": {"type", "code", "message", "param", "doc_url"}}</c>, <c>type</c> (the code, at <c>error.type</c>) one of four
    /// values and per status, <c>message</c> required, nothing else at either level. Small inline contracts for each construct.
    /// </summary>
    public sealed partial class EC0002ErrorBodyShapeTests
    {
        private const string PaymentsPrefix = "The body of this {0} response does not match the Payments API error contract: ";

        private static string Payments => TestContracts.Get("payments");

        // ---------- payments: nested bodies ----------

        [Fact]
        public async Task Payments_CompliantNestedBodies_AreSilent()
        {
            const string source = """

public record PaymentError(string Type, string Message, string? Code = null, string? Param = null);
public record PaymentErrorBody(PaymentError Error);

public class ChargesController : ControllerBase
{
    public IActionResult Missing() => NotFound(new { error = new { type = "invalid_request_error", message = "No such charge" } });
    public IActionResult Declined() => StatusCode(402, new { error = new { type = "card_error", code = "card_declined", message = "Your card was declined.", param = "card", doc_url = "https://example.com/docs/card_declined" } });
    public IActionResult Conflict() => Conflict(new PaymentErrorBody(new PaymentError("idempotency_error", "Keys for idempotent requests can only be used once")));
    public IActionResult Boom() => StatusCode(500, new PaymentErrorBody(new PaymentError(Type: "api_error", Message: "Something went wrong")));
    public IResult Text() => Results.Content("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Bad\"}}", "application/json", statusCode: 400);
}
""";
            await VerifyCS.AnalyzerAsync(Payments, source);
        }

        [Fact]
        public async Task Payments_WrongType_MissingNestedField_AndExtraFieldsAtEachLevel_AreNamedByPath()
        {
            const string source = """

public class ChargesController : ControllerBase
{
    public IActionResult WrongType() => NotFound({|#0:new { error = new { type = "card_error", message = "No such charge" } }|});
    public IActionResult NotAType() => NotFound({|#1:new { error = new { type = "not_found", message = "No such charge" } }|});
    public IActionResult NoMessage() => StatusCode(402, {|#2:new { error = new { type = "card_error" } }|});
    public IActionResult ExtraInside() => BadRequest({|#3:new { error = new { type = "invalid_request_error", message = "Bad", detail = "x" } }|});
    public IActionResult ExtraOutside() => BadRequest({|#4:new { error = new { type = "invalid_request_error", message = "Bad" }, requestId = "r1" }|});
    public IActionResult Flat() => BadRequest({|#5:new { type = "invalid_request_error", message = "Bad" }|});
    public IActionResult NotAnObject() => BadRequest({|#6:new { error = "invalid_request_error" }|});
}
""";
            await VerifyCS.AnalyzerAsync(
                Payments,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(PaymentsPrefix, 404) + "'error.type' is \"card_error\" but 404 requires \"invalid_request_error\""),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(PaymentsPrefix, 404) + "'error.type' is \"not_found\" but 404 requires \"invalid_request_error\""),
                VerifyCS.Diagnostic("EC0002").WithLocation(2).WithMessage(string.Format(PaymentsPrefix, 402) + "missing field 'error.message'"),
                VerifyCS.Diagnostic("EC0002").WithLocation(3).WithMessage(string.Format(PaymentsPrefix, 400) + "'error.detail' is not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(4).WithMessage(string.Format(PaymentsPrefix, 400) + "'requestId' is not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(5).WithMessage(string.Format(PaymentsPrefix, 400) + "missing field 'error'; 'type', 'message' are not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(6).WithMessage(string.Format(PaymentsPrefix, 400) + "'error' is a string but the contract documents an object"));
        }

        [Fact]
        public async Task Payments_NestedDtosAndJsonText_AreReadToTheirDepth()
        {
            const string source = """

public class Detail { public string Type { get; set; } = ""; public string Reason { get; set; } = ""; }
public class Envelope { public Detail Error { get; set; } = new Detail(); }

public class ChargesController : ControllerBase
{
    public IActionResult Typed(Envelope envelope) => NotFound({|#0:envelope|});
    public IResult Text() => Results.Content({|#1:"{\"error\": {\"type\": \"api_error\", \"message\": \"Bad\"}}"|}, "application/json", statusCode: 400);
}
""";
            await VerifyCS.AnalyzerAsync(
                Payments,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage(string.Format(PaymentsPrefix, 404) + "missing field 'error.message'; 'error.reason' is not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage(string.Format(PaymentsPrefix, 400) + "it sends JSON text written in the code: 'error.type' is \"api_error\" but 400 requires \"invalid_request_error\""));
        }

        [Fact]
        public async Task Payments_NoBody_Message_ShowsTheNestedBody()
        {
            const string source = """

public class ChargesController : ControllerBase
{
    public IActionResult Missing() => NotFound();
}
""";
            await VerifyCS.AnalyzerAsync(
                Payments,
                source,
                VerifyCS.Diagnostic("EC0002").WithSpan("/0/Test0.cs", 4, 39, 4, 49)
                    .WithMessage(string.Format(PaymentsPrefix, 404) + "it has no body; expected {\"error\": {\"type\": \"invalid_request_error\", \"message\": …}}"));
        }

        // ---------- the constructs, one inline contract each ----------

        [Fact]
        public async Task Enum_AConstantOutsideTheEnum_IsFlagged()
        {
            const string contract = """
{
  "statuses": { "400": {} },
  "errorBody": { "fields": { "message": { "type": "string", "required": true }, "level": { "type": "string", "enum": ["warn", "fatal"] } } }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { message = "Bad", level = "warn" });
    public IActionResult B(string level) => BadRequest(new { message = "Bad", level });
    public IActionResult C() => BadRequest({|#0:new { message = "Bad", level = "info" }|});
}
""";
            await VerifyCS.AnalyzerAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage("The body of this 400 response does not match the error contract: 'level' is \"info\" but the contract allows only \"warn\", \"fatal\""));
        }

        [Fact]
        public async Task Const_AnotherConstant_IsFlagged()
        {
            const string contract = """
{
  "statuses": { "400": {} },
  "errorBody": { "fields": { "ok": { "type": "boolean", "required": true, "const": false }, "message": { "type": "string", "required": true } } }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { ok = false, message = "Bad" });
    public IActionResult B() => BadRequest({|#0:new { ok = true, message = "Bad" }|});
}
""";
            await VerifyCS.AnalyzerAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage("The body of this 400 response does not match the error contract: 'ok' is true but the contract requires false"));
        }

        [Fact]
        public async Task EqualsStatus_AnotherStatusInTheBody_IsFlagged()
        {
            const string contract = """
{
  "statuses": { "400": {}, "404": {} },
  "errorBody": { "fields": { "status": { "type": "integer", "required": true, "equalsStatus": true }, "title": { "type": "string", "required": true } } }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound(new { status = 404, title = "Not found" });
    public IActionResult B() => NotFound({|#0:new { status = 400, title = "Not found" }|});
    public IActionResult C() => StatusCode(StatusCodes.Status400BadRequest, new { status = StatusCodes.Status400BadRequest, title = "Bad" });
}
""";
            await VerifyCS.AnalyzerAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage("The body of this 404 response does not match the error contract: 'status' is 400 but it must equal the response's status, 404"));
        }

        [Fact]
        public async Task OpenBody_AllowsFieldsNotListed_AtTheLevelThatIsOpen()
        {
            const string contract = """
{
  "statuses": { "400": {} },
  "errorBody": {
    "fields": { "title": { "type": "string", "required": true }, "meta": { "type": "object", "fields": { "id": { "type": "string" } } } },
    "additionalFields": true
  }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { title = "Bad", traceId = "00-abc" });
    public IActionResult B() => BadRequest({|#0:new { title = "Bad", meta = new { id = "1", extra = 2 } }|});
}
""";
            await VerifyCS.AnalyzerAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage("The body of this 400 response does not match the error contract: 'meta.extra' is not allowed"));
        }

        [Fact]
        public async Task TypedItems_OptionalAndMissingFieldsOfEachItem()
        {
            const string contract = """
{
  "statuses": { "400": {} },
  "errorBody": {
    "fields": {
      "message": { "type": "string", "required": true },
      "errors": { "type": "array", "items": { "type": "object", "fields": { "field": { "type": "string", "required": true }, "hint": { "type": "string" } } } },
      "tags": { "type": "array", "items": { "type": "string" } }
    }
  }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { message = "Bad", errors = new[] { new { field = "name" } }, tags = new[] { "a" } });
    public IActionResult B() => BadRequest(new { message = "Bad", errors = new[] { new { field = "name", hint = "Give a name" } } });
    public IActionResult C() => BadRequest({|#0:new { message = "Bad", errors = new[] { new { hint = "Give a name", code = 3 } } }|});
    public IActionResult D() => BadRequest({|#1:new { message = "Bad", tags = new[] { new { name = "a" } } }|});
}
""";
            await VerifyCS.AnalyzerAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage("The body of this 400 response does not match the error contract: missing field 'errors[].field'; 'errors[].code' is not allowed"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage("The body of this 400 response does not match the error contract: items of 'tags' must be strings, not objects"));
        }

        [Fact]
        public async Task IntegerCode_IsComparedAsANumber()
        {
            const string contract = """
{
  "statuses": { "400": { "errorCode": 1001 }, "404": { "errorCode": 1004 } },
  "errorBody": { "fields": { "code": { "type": "integer", "required": true }, "message": { "type": "string", "required": true } }, "codeField": "code" }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    private const int NotFoundCode = 1004;
    public IActionResult A() => NotFound(new { code = NotFoundCode, message = "Missing" });
    public IActionResult B() => NotFound({|#0:new { code = 1001, message = "Missing" }|});
    public IActionResult C() => NotFound({|#1:new { code = "1004", message = "Missing" }|});
}
""";
            await VerifyCS.AnalyzerAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage("The body of this 404 response does not match the error contract: 'code' is 1001 but 404 requires 1004"),
                VerifyCS.Diagnostic("EC0002").WithLocation(1).WithMessage("The body of this 404 response does not match the error contract: 'code' is a string but the contract documents an integer"));
        }

        [Fact]
        public async Task Catalog_EveryCodeOfTheStatusIsValid()
        {
            const string contract = """
{
  "statuses": { "400": { "errorCode": "invalid_request" }, "429": {} },
  "errorBody": { "fields": { "code": { "type": "string", "required": true }, "message": { "type": "string", "required": true } }, "codeField": "code" },
  "codes": {
    "rate_limit_exceeded": { "status": 429, "message": "Rate limit reached" },
    "insufficient_quota": { "status": 429, "message": "You exceeded your current quota" }
  }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(429, new { code = "rate_limit_exceeded", message = "Slow down" });
    public IActionResult B() => StatusCode(429, new { code = "insufficient_quota", message = "Pay up" });
    public IActionResult C() => StatusCode(429, {|#0:new { code = "invalid_request", message = "Slow down" }|});
}
""";
            await VerifyCS.AnalyzerAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage("The body of this 429 response does not match the error contract: 'code' is \"invalid_request\" but 429 requires one of \"rate_limit_exceeded\", \"insufficient_quota\""));
        }

        [Fact]
        public async Task StatusesRestrictedField_IsAllowedOnlyOnItsStatuses()
        {
            const string contract = """
{
  "statuses": { "400": {}, "422": {} },
  "errorBody": {
    "fields": { "title": { "type": "string", "required": true }, "errors": { "type": "object", "statuses": [422] } }
  }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => UnprocessableEntity(new { title = "Invalid", errors = new { name = new[] { "Required" } } });
    public IActionResult B() => BadRequest({|#0:new { title = "Bad", errors = new { name = new[] { "Required" } } }|});
}
""";
            await VerifyCS.AnalyzerAsync(
                contract,
                source,
                VerifyCS.Diagnostic("EC0002").WithLocation(0).WithMessage("The body of this 400 response does not match the error contract: 'errors' is allowed only on 422"));
        }
    }
}
