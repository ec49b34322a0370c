using System.Threading.Tasks;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.AuthorizationHeaderAnalyzer,
    ErrorContract.Analyzers.CodeFixes.AuthorizationSchemeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0003 beyond the Bearer word: a header of its own (the header-key sample: <c>X-API-Key: &lt;key&gt;</c>, never in
    /// <c>Authorization</c> nor the query string), another scheme word (<c>Token</c>, <c>Basic</c>, inline contracts), and
    /// the key prefix (the payments sample: <c>sk_live_</c>; the artworks sample: <c>ak_live_</c>).
    /// </summary>
    public sealed partial class EC0003AuthorizationSchemeTests
    {
        private static string HeaderKey => TestContracts.Get("header-key");

        private static string Payments => TestContracts.Get("payments");

        private const string StatusesAndBody = """
              "statuses": { "401": { "description": "Missing or invalid API key", "message": "Unauthorized" } },
              "errorBody": { "fields": { "message": { "type": "string", "required": true } }, "messageField": "message" },
            """;

        /// <summary>An inline contract whose key travels as <c>Authorization: Token &lt;tk_key&gt;</c>.</summary>
        private static readonly string TokenContract = "{ \"name\": \"Token API\",\n" + StatusesAndBody + "\n\"authorization\": { \"scheme\": \"Token\", \"keyPrefix\": \"tk_\" } }";

        /// <summary>An inline contract whose key travels as <c>Authorization: Basic &lt;key&gt;</c>.</summary>
        private static readonly string BasicContract = "{ \"name\": \"Basic API\",\n" + StatusesAndBody + "\n\"authorization\": { \"scheme\": \"Basic\" } }";

        /// <summary>The marked diagnostics under the header-key contract, none under the four others that do not forbid these places.</summary>
        private static async Task FlaggedUnderHeaderKeyOnlyAsync(string source)
        {
            await VerifyCS.AnalyzerAsync(HeaderKey, source);
            await VerifyCS.AnalyzerAsync(B, Clean(source));
            await VerifyCS.AnalyzerAsync(TokenContract, Clean(source));
        }

        // ======================================================================================
        // A header of its own (header-key): the key sent in Authorization
        // ======================================================================================

        [Fact]
        public async Task HeaderKey_KeySentInAuthorization_IsFlagged_AndTheHeaderRenamed()
        {
            const string source = """

public class Client
{
    public void UseKey(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add({|#0:"Authorization"|}, apiKey); // the key
    }
}
""";
            const string fixedSource = """

public class Client
{
    public void UseKey(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("X-API-Key", apiKey); // the key
    }
}
""";
            await VerifyCS.CodeFixAsync(
                HeaderKey,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("This request sends the API key in the 'Authorization' header; the Header Key API error contract documents 'X-API-Key: <key>' and no other header"));
        }

        [Fact]
        public async Task HeaderKey_FixAll_RenamesEveryWriteOfAuthorization()
        {
            const string source = """

public class Clients
{
    public void Configure(HttpClient client, HttpRequestMessage request, HttpContext context, string apiKey)
    {
        client.DefaultRequestHeaders.TryAddWithoutValidation({|EC0003:"authorization"|}, apiKey);
        request.Headers.Add({|EC0003:"Authorization"|}, $"{apiKey}");
        context.Request.Headers[{|EC0003:"Authorization"|}] = apiKey;
    }
}
""";
            const string fixedSource = """

public class Clients
{
    public void Configure(HttpClient client, HttpRequestMessage request, HttpContext context, string apiKey)
    {
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-API-Key", apiKey);
        request.Headers.Add("X-API-Key", $"{apiKey}");
        context.Request.Headers["X-API-Key"] = apiKey;
    }
}
""";
            await VerifyCS.CodeFixAsync(HeaderKey, source, fixedSource);
        }

        [Fact]
        public async Task HeaderKey_AuthorizationWithAScheme_OrAsAProperty_IsFlaggedWithoutAFix()
        {
            // Renaming would send 'X-API-Key: Bearer …' or cannot be written: no fix.
            const string source = """

public class Client
{
    public void UseKey(HttpClient client, HttpRequestMessage request, HttpContext context, string apiKey)
    {
        {|EC0003:client.DefaultRequestHeaders.Authorization|} = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Add({|EC0003:"Authorization"|}, "Bearer " + apiKey);
        request.Headers.Add({|EC0003:Microsoft.Net.Http.Headers.HeaderNames.Authorization|}, apiKey);
        {|EC0003:context.Request.Headers.Authorization|} = apiKey;
    }
}
""";
            await VerifyCS.NoCodeFixAsync(HeaderKey, source);
        }

        [Fact]
        public async Task HeaderKey_ASchemeInTheDocumentedHeader_IsFlagged_AndDropped()
        {
            const string source = """

public class Client
{
    public void UseKey(HttpRequestMessage request, HttpRequestMessage other, string apiKey)
    {
        request.Headers.Add("X-API-Key", {|#0:"Bearer " + apiKey|});
        other.Headers.Add("X-API-Key", {|#1:$"Basic {apiKey}"|});
    }
}
""";
            const string fixedSource = """

public class Client
{
    public void UseKey(HttpRequestMessage request, HttpRequestMessage other, string apiKey)
    {
        request.Headers.Add("X-API-Key", apiKey);
        other.Headers.Add("X-API-Key", apiKey);
    }
}
""";
            await VerifyCS.CodeFixAsync(
                HeaderKey,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("This request sends the API key with the Bearer scheme; the Header Key API error contract documents 'X-API-Key: <key>'"),
                VerifyCS.Diagnostic("EC0003").WithLocation(1)
                    .WithMessage("This request sends the API key with the 'Basic' scheme; the Header Key API error contract documents 'X-API-Key: <key>'"));
        }

        // ======================================================================================
        // A header of its own (header-key): the key read from Authorization
        // ======================================================================================

        [Fact]
        public async Task HeaderKey_KeyReadFromAuthorization_IsFlaggedWithoutAFix()
        {
            // Reading X-API-Key instead would change which clients are let in, and the code may parse a Bearer prefix: no fix.
            const string source = """

public static class KeyCheck
{
    public static bool IsValid(HttpContext context, string expected)
    {
        var key = context.Request.Headers[{|#0:"Authorization"|}].ToString();
        if (context.Request.Headers.TryGetValue({|EC0003:"authorization"|}, out var value) && value == expected)
            return true;
        return key == expected || {|EC0003:context.Request.Headers.Authorization|} == expected;
    }
}
""";
            await VerifyCS.NoCodeFixAsync(
                HeaderKey,
                source,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("This code reads the API key from the 'Authorization' header; the Header Key API error contract documents 'X-API-Key: <key>' and no other header"));
        }

        [Fact]
        public async Task HeaderKey_ReadingTheDocumentedHeader_IsSilent()
        {
            const string source = """

public static class KeyCheck
{
    public static bool IsValid(HttpContext context, string expected)
    {
        return context.Request.Headers["X-API-Key"] == expected;
    }
}
""";
            await VerifyCS.AnalyzerAsync(HeaderKey, source);
        }

        // ======================================================================================
        // The query string (header-key: never "query")
        // ======================================================================================

        [Fact]
        public async Task HeaderKey_KeyPutInTheQueryString_IsFlaggedWithoutAFix()
        {
            const string source = """

public class Client
{
    public async Task Run(HttpClient http, string apiKey)
    {
        await http.GetAsync({|#0:$"https://api.example.com/v1/items?api_key={apiKey}"|});
        await http.GetAsync({|EC0003:"https://api.example.com/v1/items?page=2&token="|} + apiKey);
        var query = QueryString.Create({|EC0003:"apiKey"|}, apiKey);
        var uri = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("https://api.example.com/v1/items", {|EC0003:"key"|}, apiKey);
    }
}
""";
            await VerifyCS.NoCodeFixAsync(
                HeaderKey,
                source,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("This request puts the API key in the query string ('api_key'); the Header Key API error contract documents 'X-API-Key: <key>' and never the query string"));
            await VerifyCS.AnalyzerAsync(B, Clean(source.Replace("{|#0:", "{|EC0003:")));
        }

        [Fact]
        public async Task HeaderKey_KeyReadFromTheQueryString_IsFlaggedWithoutAFix()
        {
            const string source = """

public static class KeyCheck
{
    public static bool IsValid(HttpContext context, string expected)
    {
        if (context.Request.Query.TryGetValue({|#0:"api_key"|}, out var key) && key == expected)
            return true;
        return context.Request.Query[{|EC0003:"access_token"|}] == expected;
    }
}
""";
            await VerifyCS.NoCodeFixAsync(
                HeaderKey,
                source,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("This code reads the API key from the query string ('api_key'); the Header Key API error contract documents 'X-API-Key: <key>' and never the query string"));
        }

        [Fact]
        public async Task HeaderKey_ParametersBoundToTheQueryOrToAuthorization_AreFlagged()
        {
            const string source = """

public static class Endpoints
{
    public static IResult ByQuery([FromQuery(Name = {|#0:"api_key"|})] string key) => Results.Ok(key);

    public static IResult ByHeader([FromHeader(Name = {|#1:"Authorization"|})] string key) => Results.Ok(key);

    public static IResult Documented([FromHeader(Name = "X-API-Key")] string key, [FromQuery(Name = "page")] int page) => Results.Ok(key);
}
""";
            await VerifyCS.NoCodeFixAsync(
                HeaderKey,
                source,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("This code reads the API key from the query string ('api_key'); the Header Key API error contract documents 'X-API-Key: <key>' and never the query string"),
                VerifyCS.Diagnostic("EC0003").WithLocation(1)
                    .WithMessage("This code reads the API key from the 'Authorization' header; the Header Key API error contract documents 'X-API-Key: <key>' and no other header"));
            await VerifyCS.AnalyzerAsync(B, Clean(source).Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty));
        }

        [Fact]
        public async Task HeaderKey_TheDocumentedHeader_OtherHeaders_AndOtherQueryParameters_AreSilent()
        {
            const string source = """

public class Compliant
{
    public async Task Send(HttpClient http, HttpRequestMessage request, string apiKey, string traceId)
    {
        request.Headers.Add("X-API-Key", apiKey);
        request.Headers.Add("X-Trace", "Bearer " + traceId);
        http.DefaultRequestHeaders.TryAddWithoutValidation("x-api-key", apiKey);
        await http.GetAsync($"https://api.example.com/v1/items?page=2&limit=10&sort={traceId}");
    }

    public bool Check(HttpContext context, string expected)
    {
        var page = context.Request.Query["page"];
        var key = context.Request.Headers["X-API-Key"].ToString();
        return key == expected && page.Count < 2;
    }
}
""";
            await VerifyCS.AnalyzerAsync(HeaderKey, source);
        }

        [Fact]
        public async Task WithoutNever_AuthorizationReads_AndQueryKeys_AreNotJudged()
        {
            const string source = """

public class Elsewhere
{
    public async Task Send(HttpClient http, string apiKey)
    {
        await http.GetAsync($"https://api.example.com/v1/items?api_key={apiKey}");
    }

    public bool Check(HttpContext context, string expected)
    {
        return context.Request.Query["api_key"] == expected;
    }
}
""";
            foreach (var name in new[] { "artworks", "studio", "payments" })
            {
                await VerifyCS.AnalyzerAsync(TestContracts.Get(name), source);
            }

            await VerifyCS.AnalyzerAsync(TokenContract, source);
        }

        // ======================================================================================
        // Another scheme word (inline contracts: Token, Basic)
        // ======================================================================================

        [Fact]
        public async Task OtherWord_BearerInsteadOfToken_IsFlagged_AndTheWordReplaced_FixAll()
        {
            const string source = """

public class Client
{
    public void UseKey(HttpClient client, HttpRequestMessage request, HttpRequestMessage other, string apiKey)
    {
        client.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue("Bearer", apiKey)|};
        request.Headers.Add("Authorization", {|EC0003:"Bearer " + apiKey|}); // keep me
        other.Headers.TryAddWithoutValidation("Authorization", {|EC0003:$"bearer {apiKey}"|});
    }
}
""";
            const string fixedSource = """

public class Client
{
    public void UseKey(HttpClient client, HttpRequestMessage request, HttpRequestMessage other, string apiKey)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", apiKey);
        request.Headers.Add("Authorization", "Token " + apiKey); // keep me
        other.Headers.TryAddWithoutValidation("Authorization", $"Token {apiKey}");
    }
}
""";
            await VerifyCS.CodeFixAsync(
                TokenContract,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("This request sends the API key with the 'Bearer' scheme; the Token API error contract documents 'Authorization: Token <tk_key>'"));
        }

        [Fact]
        public async Task OtherWord_TheBareKey_IsFlagged_AndTheWordAdded()
        {
            const string source = """

public class Client
{
    public void UseKey(HttpClient client, HttpRequestMessage request, string apiKey)
    {
        client.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(apiKey)|};
        request.Headers.Add("Authorization", {|EC0003:apiKey|});
    }
}
""";
            const string fixedSource = """

public class Client
{
    public void UseKey(HttpClient client, HttpRequestMessage request, string apiKey)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", apiKey);
        request.Headers.Add("Authorization", $"Token {apiKey}");
    }
}
""";
            await VerifyCS.CodeFixAsync(
                TokenContract,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("This request sends the API key without the 'Token' scheme; the Token API error contract documents 'Authorization: Token <tk_key>'"));
        }

        [Fact]
        public async Task OtherWord_TheDocumentedWordInAnyCase_IsSilent()
        {
            const string source = """

public class Client
{
    public void UseKey(HttpClient client, HttpRequestMessage request, string apiKey)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", apiKey);
        request.Headers.Add("Authorization", "token " + apiKey);
        request.Headers.Add("Authorization", "Token tk_live_abc");
    }
}
""";
            await VerifyCS.AnalyzerAsync(TokenContract, source);
        }

        [Fact]
        public async Task OtherWord_BearerInsteadOfBasic_IsReplacedByBasic()
        {
            const string source = """

public class Client
{
    public void UseKey(HttpRequestMessage request, string credentials)
    {
        request.Headers.Authorization = {|#0:new AuthenticationHeaderValue("Bearer", credentials)|};
    }
}
""";
            const string fixedSource = """

public class Client
{
    public void UseKey(HttpRequestMessage request, string credentials)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
    }
}
""";
            await VerifyCS.CodeFixAsync(
                BasicContract,
                source,
                fixedSource,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("This request sends the API key with the 'Bearer' scheme; the Basic API error contract documents 'Authorization: Basic <key>'"));
        }

        // ======================================================================================
        // The key prefix (payments: sk_live_, artworks: ak_live_, Token: tk_)
        // ======================================================================================

        [Fact]
        public async Task KeyPrefix_AKeyConstantWithAnotherPrefix_IsFlaggedWithoutAFix()
        {
            const string source = """

public class Client
{
    public void UseKey(HttpClient client, HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", {|#0:"Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc"|});
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|EC0003:"pk_live_abc"|});
        request.Headers.Add("Authorization", "Bearer sk_live_abc");
        request.Headers.Add("Authorization", "Bearer " + apiKey);
    }
}
""";
            await VerifyCS.NoCodeFixAsync(
                Payments,
                source,
                VerifyCS.Diagnostic("EC0003").WithLocation(0)
                    .WithMessage("The API key 'sk_test_4eC39HqLyjWDarjtT1zdp7dc' does not start with the documented prefix; the Payments API error contract documents 'Authorization: Bearer <sk_live_key>'"));
        }

        [Fact]
        public async Task KeyPrefix_EachContractJudgesByItsOwnPrefix()
        {
            const string source = """

public class Client
{
    public void UseKey(HttpRequestMessage request)
    {
        request.Headers.Add("Authorization", {|EC0003:"Bearer sk_live_abc"|});
        request.Headers.Add("Authorization", "Bearer ak_live_abc");
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(TokenContract, "\npublic class Client\n{\n    public void UseKey(HttpRequestMessage request) => request.Headers.Add(\"Authorization\", {|EC0003:\"Token ak_live_abc\"|});\n}\n");
        }
    }
}
