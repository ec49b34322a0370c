using System.Threading.Tasks;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.ResponseContractAnalyzer,
    ErrorContract.Analyzers.CodeFixes.ErrorBodyFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// The EC0002 fix under the error body language: it writes the nested body of the payments contract
    /// (<c>{"error": {"type", "message", …}}</c>), the status's first code in the code field's JSON type, constants and
    /// the status where the contract fixes them, and keeps what the code already wrote. No fix where a rewrite would be a guess.
    /// </summary>
    public sealed partial class EC0002ErrorBodyShapeTests
    {
        /// <summary>An integer code (several per status), a constant and a field equal to the status.</summary>
        private const string IntegerCodeContract = """
{
  "statuses": {
    "400": { "errorCodes": [1001, 1002], "message": "Bad request" },
    "404": { "errorCode": 1004, "message": "Not found" }
  },
  "errorBody": {
    "fields": {
      "ok": { "type": "boolean", "required": true, "const": false },
      "status": { "type": "integer", "required": true, "equalsStatus": true },
      "code": { "type": "integer", "required": true },
      "message": { "type": "string", "required": true },
      "hint": { "type": "string" }
    },
    "codeField": "code",
    "messageField": "message"
  }
}
""";

        [Fact]
        public async Task Payments_Fix_NoBodyOrText_GetsTheNestedBody()
        {
            const string source = """

public class ChargesController : ControllerBase
{
    public IActionResult Missing() => {|EC0002:NotFound()|};
    public IActionResult Declined() => {|EC0002:StatusCode(402)|};
    public IActionResult Duplicate() => Conflict({|EC0002:"Key already used"|});
    public IResult Boom() => {|EC0002:Results.StatusCode(500)|};
}
""";
            await VerifyCS.CodeFixAsync(Payments, source, """

public class ChargesController : ControllerBase
{
    public IActionResult Missing() => NotFound(new { error = new { type = "invalid_request_error", message = "The requested resource doesn't exist" } });
    public IActionResult Declined() => StatusCode(402, new { error = new { type = "card_error", message = "The request failed" } });
    public IActionResult Duplicate() => Conflict(new { error = new { type = "idempotency_error", message = "Key already used" } });
    public IResult Boom() => Results.InternalServerError(new { error = new { type = "api_error", message = "Something went wrong on our end" } });
}
""");
        }

        [Fact]
        public async Task Payments_Fix_FlatBody_IsRebuiltNested_KeepingWhatTheCodeWrote()
        {
            const string source = """

public class ChargesController : ControllerBase
{
    public IActionResult A() => NotFound({|EC0002:new { type = "invalid_request_error", message = "No such charge" }|});
    public IActionResult B() => BadRequest({|EC0002:new { message = "Amount must be positive", param = "amount", requestId = "r1" }|});
    public IActionResult C() => StatusCode(402, {|EC0002:new { type = "api_error", detail = "Your card was declined." }|});
}
""";
            await VerifyCS.CodeFixAsync(Payments, source, """

public class ChargesController : ControllerBase
{
    public IActionResult A() => NotFound(new { error = new { type = "invalid_request_error", message = "No such charge" } });
    public IActionResult B() => BadRequest(new { error = new { type = "invalid_request_error", message = "Amount must be positive", param = "amount" } });
    public IActionResult C() => StatusCode(402, new { error = new { type = "card_error", message = "Your card was declined." } });
}
""");
        }

        [Fact]
        public async Task Payments_Fix_PartlyWrongNestedBody_IsEditedInPlace()
        {
            const string source = """

public class ChargesController : ControllerBase
{
    public IActionResult WrongType() => NotFound({|EC0002:new { error = new { type = "card_error", message = "No such charge" } }|});
    public IActionResult NoMessage() => StatusCode(402, {|EC0002:new { error = new { type = "card_error", code = "card_declined" } }|});
    public IActionResult ExtraInside() => BadRequest({|EC0002:new { error = new { type = "invalid_request_error", message = "Bad", reason = "x" } }|});
    public IActionResult ExtraOutside() => BadRequest({|EC0002:new { error = new { type = "invalid_request_error", message = "Bad" }, requestId = "r1" }|});
    public IActionResult DetailIsTheMessage() => NotFound({|EC0002:new { error = new { type = "invalid_request_error", detail = "No such customer" } }|});
}
""";
            await VerifyCS.CodeFixAsync(Payments, source, """

public class ChargesController : ControllerBase
{
    public IActionResult WrongType() => NotFound(new { error = new { type = "invalid_request_error", message = "No such charge" } });
    public IActionResult NoMessage() => StatusCode(402, new { error = new { type = "card_error", code = "card_declined", message = "The request failed" } });
    public IActionResult ExtraInside() => BadRequest(new { error = new { type = "invalid_request_error", message = "Bad" } });
    public IActionResult ExtraOutside() => BadRequest(new { error = new { type = "invalid_request_error", message = "Bad" } });
    public IActionResult DetailIsTheMessage() => NotFound(new { error = new { type = "invalid_request_error", message = "No such customer" } });
}
""");
        }

        [Fact]
        public async Task Payments_Fix_MultilineNestedBody_KeepsCommentsAndLayout()
        {
            const string source = """

public class ChargesController : ControllerBase
{
    public IActionResult A()
    {
        return NotFound({|EC0002:new
        {
            error = new
            {
                // shown to the customer
                type = "card_error",
                message = "No such charge",
            },
        }|});
    }
}
""";
            await VerifyCS.CodeFixAsync(Payments, source, """

public class ChargesController : ControllerBase
{
    public IActionResult A()
    {
        return NotFound(new
        {
            error = new
            {
                // shown to the customer
                type = "invalid_request_error",
                message = "No such charge",
            },
        });
    }
}
""");
        }

        [Fact]
        public async Task Payments_NoFix_WhereARewriteWouldBeAGuess()
        {
            const string source = """

public record PaymentError(string Type, string Reason);
public record PaymentErrorBody(PaymentError Error);

public class ChargesController : ControllerBase
{
    public IActionResult Dto() => NotFound({|EC0002:new PaymentErrorBody(new PaymentError("invalid_request_error", "No such charge"))|});
    public IActionResult NotAnObject() => BadRequest({|EC0002:new { error = "invalid_request_error" }|});
}
""";
            await VerifyCS.NoCodeFixAsync(Payments, source);
        }

        [Fact]
        public async Task Payments_FixAll_WritesEveryNestedBody()
        {
            const string otherSource = """

public class RefundsController : ControllerBase
{
    public IActionResult A() => BadRequest({|EC0002:new { message = "Refund exceeds charge" }|});
}
""";
            const string fixedOther = """

public class RefundsController : ControllerBase
{
    public IActionResult A() => BadRequest(new { error = new { type = "invalid_request_error", message = "Refund exceeds charge" } });
}
""";
            await VerifyCS.CodeFixAsync(
                Payments,
                """

public class ChargesController : ControllerBase
{
    public IActionResult A() => {|EC0002:NotFound()|};
    public IActionResult B() => StatusCode(500, {|EC0002:new { error = new { type = "card_error", message = "Oops" } }|});
}
""",
                """

public class ChargesController : ControllerBase
{
    public IActionResult A() => NotFound(new { error = new { type = "invalid_request_error", message = "The requested resource doesn't exist" } });
    public IActionResult B() => StatusCode(500, new { error = new { type = "api_error", message = "Oops" } });
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
        public async Task IntegerCode_Const_EqualsStatus_Fix_WritesTheirValues()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => {|EC0002:NotFound()|};
    public IActionResult Text() => BadRequest({|EC0002:"Name is required"|});
    public IActionResult Wrong() => NotFound({|EC0002:new { ok = true, status = 400, code = 1001, message = "No such item", hint = "Check the id" }|});
    public IActionResult Partial() => BadRequest({|EC0002:new { code = 1002, message = "Too long" }|});
}
""";
            await VerifyCS.CodeFixAsync(IntegerCodeContract, source, """

public class ItemsController : ControllerBase
{
    public IActionResult Missing() => NotFound(new { ok = false, status = 404, code = 1004, message = "Not found" });
    public IActionResult Text() => BadRequest(new { ok = false, status = 400, code = 1001, message = "Name is required" });
    public IActionResult Wrong() => NotFound(new { ok = false, status = 404, code = 1004, message = "No such item", hint = "Check the id" });
    public IActionResult Partial() => BadRequest(new { code = 1002, message = "Too long", ok = false, status = 400 });
}
""");
        }

        [Fact]
        public async Task IntegerCode_ACodeOfAnotherType_GetsNoFix()
        {
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => NotFound({|EC0002:new { ok = false, status = 404, code = "1004", message = "Missing" }|});
}
""";
            await VerifyCS.NoCodeFixAsync(IntegerCodeContract, source);
        }
        [Fact]
        public async Task Enum_ARequiredValueNobodyCanPick_GetsNoFix()
        {
            const string contract = """
{
  "statuses": { "400": { "message": "Bad request" } },
  "errorBody": { "fields": { "message": { "type": "string", "required": true }, "level": { "type": "string", "required": true, "enum": ["warn", "fatal"] } } }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => {|EC0002:BadRequest()|};
    public IActionResult B() => BadRequest({|EC0002:new { message = "Bad", level = "info" }|});
    public IActionResult C() => BadRequest({|EC0002:"Bad"|});
}
""";
            await VerifyCS.NoCodeFixAsync(contract, source);
        }
        [Fact]
        public async Task Catalog_Fix_WritesTheStatusFirstCode_AndKeepsAnotherCodeOfTheStatus()
        {
            const string contract = """
{
  "statuses": { "429": { "message": "Too many requests" } },
  "errorBody": { "fields": { "code": { "type": "string", "required": true }, "message": { "type": "string", "required": true } }, "codeField": "code", "messageField": "message" },
  "codes": {
    "rate_limit_exceeded": { "status": 429, "message": "Rate limit reached" },
    "insufficient_quota": { "status": 429, "message": "You exceeded your current quota" }
  }
}
""";
            const string source = """

public class ItemsController : ControllerBase
{
    public IActionResult A() => {|EC0002:StatusCode(429)|};
    public IActionResult B() => StatusCode(429, {|EC0002:new { code = "insufficient_quota", detail = "Pay up" }|});
    public IActionResult C() => StatusCode(429, {|EC0002:new { code = "invalid_request", message = "Slow down" }|});
}
""";
            await VerifyCS.CodeFixAsync(contract, source, """

public class ItemsController : ControllerBase
{
    public IActionResult A() => StatusCode(429, new { code = "rate_limit_exceeded", message = "Too many requests" });
    public IActionResult B() => StatusCode(429, new { code = "insufficient_quota", message = "Pay up" });
    public IActionResult C() => StatusCode(429, new { code = "rate_limit_exceeded", message = "Slow down" });
}
""");
        }
    }
}
