using System.Threading.Tasks;
using ErrorContract.Analyzers.CodeFixes;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Xunit;
using VerifyCS = ErrorContract.Analyzers.Tests.Infrastructure.Verify<
    ErrorContract.Analyzers.Rules.AuthorizationHeaderAnalyzer,
    ErrorContract.Analyzers.CodeFixes.AuthorizationSchemeFixProvider>;

namespace ErrorContract.Analyzers.Tests.Rules
{
    /// <summary>
    /// EC0003: the Authorization header contradicts the contract. Contract B (Studio) documents
    /// <c>Authorization: YOUR_API_KEY</c> and forbids the Bearer prefix; contract A (Artworks) documents
    /// <c>Authorization: Bearer ak_live_…</c> and requires it. Every form is checked under both: code that
    /// breaks one contract is exactly what the other one documents.
    /// </summary>
    public sealed partial class EC0003AuthorizationSchemeTests
    {
        private static string A => TestContracts.Artworks;

        private static string B => TestContracts.Studio;

        /// <summary>The same source without diagnostic markup: what the other contract expects to be silent.</summary>
        private static string Clean(string source) => source.Replace("{|EC0003:", string.Empty).Replace("|}", string.Empty);

        /// <summary>The marked diagnostics where Bearer is forbidden (contract B), none where it is required (contract A).</summary>
        private static async Task FlaggedWhereForbiddenOnlyAsync(string source)
        {
            await VerifyCS.AnalyzerAsync(B, source);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        /// <summary>The source with every occurrence of each text marked as an EC0003 diagnostic.</summary>
        private static string MarkAll(string source, params string[] texts)
        {
            foreach (var text in texts)
            {
                source = source.Replace(text, "{|EC0003:" + text + "|}");
            }

            return source;
        }

        /// <summary>A fix test whose fixed source still has diagnostics (marked up) that no fix can remove.</summary>
        private static Task CodeFixLeavingDiagnosticsAsync(string contract, string source, string fixedSource)
        {
            return VerifyCS.CodeFixAsync(contract, source, fixedSource, test => test.AllowMarkupInFixedCode());
        }

        // ======================================================================================
        // Bearer forbidden (contract B): sending it
        // ======================================================================================

        [Fact]
        public async Task Forbidden_AuthenticationHeaderValueWithBearer_IsFlagged_AndFixedToTheBareKey()
        {
            const string source = """

public class StudioClient
{
    private readonly HttpClient http = new HttpClient();

    public void UseKey(string apiKey)
    {
        http.DefaultRequestHeaders.Authorization = {|EC0003:new AuthenticationHeaderValue("Bearer", apiKey)|};
    }
}
""";
            const string fixedSource = """

public class StudioClient
{
    private readonly HttpClient http = new HttpClient();

    public void UseKey(string apiKey)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(apiKey);
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_FixAll_DropsTheSchemeFromEveryAuthenticationHeaderValue()
        {
            const string source = """

public class StudioClients
{
    public void Configure(HttpClient reader, HttpClient writer, string readKey, string writeKey)
    {
        reader.DefaultRequestHeaders.Authorization = {|EC0003:new AuthenticationHeaderValue("Bearer", readKey)|};
        writer.DefaultRequestHeaders.Authorization = {|EC0003:new AuthenticationHeaderValue("Bearer",
            writeKey)|};
    }
}
""";
            const string fixedSource = """

public class StudioClients
{
    public void Configure(HttpClient reader, HttpClient writer, string readKey, string writeKey)
    {
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(readKey);
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(writeKey);
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_TargetTypedNew_NamedArguments_AndComments_SurviveTheFix()
        {
            const string source = """

public class StudioClient
{
    public void UseKey(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Authorization = {|EC0003:new(/* scheme */ "bearer", parameter: apiKey /* the key */)|}; // keep me
    }
}
""";
            const string fixedSource = """

public class StudioClient
{
    public void UseKey(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Authorization = new(/* scheme */ apiKey /* the key */); // keep me
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_ConcatenatedBearerPrefix_InHeadersAdd_IsFixedToTheKey()
        {
            const string source = """

public class StudioClient
{
    public void Send(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", {|EC0003:"Bearer " + apiKey|});
    }
}
""";
            const string fixedSource = """

public class StudioClient
{
    public void Send(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", apiKey);
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_InterpolatedBearerPrefix_InTryAddWithoutValidation_IsFixedToTheKey()
        {
            const string source = """

public class StudioClient
{
    public void Send(HttpClient client, string apiKey)
    {
        client.DefaultRequestHeaders.TryAddWithoutValidation("authorization", {|EC0003:$"Bearer {apiKey}"|});
    }
}
""";
            const string fixedSource = """

public class StudioClient
{
    public void Send(HttpClient client, string apiKey)
    {
        client.DefaultRequestHeaders.TryAddWithoutValidation("authorization", apiKey);
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_InterpolationWithMoreText_KeepsTheRest()
        {
            const string source = """

public class StudioClient
{
    public void Send(HttpRequestMessage request, string prefix, string apiKey)
    {
        request.Headers.Add("Authorization", {|EC0003:$"Bearer {prefix}_{apiKey}"|});
    }
}
""";
            const string fixedSource = """

public class StudioClient
{
    public void Send(HttpRequestMessage request, string prefix, string apiKey)
    {
        request.Headers.Add("Authorization", $"{prefix}_{apiKey}");
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
        }

        [Fact]
        public async Task Forbidden_AspNetCoreHeaderDictionary_PropertyIndexerAndHeaderNames_AreFlagged()
        {
            // A gateway that forwards the key to the Studio API: every way of writing the header.
            const string source = """

using Microsoft.Net.Http.Headers;

public class Forwarder
{
    public void Forward(HttpContext context, string apiKey)
    {
        context.Request.Headers.Authorization = {|EC0003:"Bearer " + apiKey|};
        context.Request.Headers["Authorization"] = {|EC0003:$"Bearer {apiKey}"|};
        context.Request.Headers[HeaderNames.Authorization] = {|EC0003:"Bearer " + apiKey|};
        context.Request.Headers.Append(HeaderNames.Authorization, {|EC0003:"Bearer " + apiKey|});
    }
}
""";
            const string fixedSource = """

using Microsoft.Net.Http.Headers;

public class Forwarder
{
    public void Forward(HttpContext context, string apiKey)
    {
        context.Request.Headers.Authorization = apiKey;
        context.Request.Headers["Authorization"] = apiKey;
        context.Request.Headers[HeaderNames.Authorization] = apiKey;
        context.Request.Headers.Append(HeaderNames.Authorization, apiKey);
    }
}
""";
            await VerifyCS.AnalyzerAsync(B, source);
            await VerifyCS.AnalyzerAsync(A, Clean(source));

            // Every EC0003 fix shares one equivalence key, so Fix All applies them all in one pass.
            await VerifyCS.CodeFixAsync(B, source, fixedSource, test => test.CodeActionEquivalenceKey = AuthorizationSchemeFixProvider.EquivalenceKey);
        }

        [Fact]
        public async Task Forbidden_TheWordInAnyCase_AConst_AConcatenationOfConsts_OrAnInterpolatedConst()
        {
            const string source = """

public class StudioClient
{
    private const string Scheme = "Bearer";
    private const string Prefix = "Bearer ";

    public void Send(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", {|EC0003:"BEARER " + apiKey|});
        request.Headers.Add("Authorization", {|EC0003:Prefix + apiKey|});
        request.Headers.Add("Authorization", {|EC0003:Scheme + " " + apiKey|});
        request.Headers.Add("Authorization", {|EC0003:$"{Scheme} {apiKey}"|});
        request.Headers.Authorization = {|EC0003:new AuthenticationHeaderValue(Scheme, apiKey)|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(B, source);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_ConstPrefixes_AreFixed_ButAnInterpolatedConstSchemeHasNoFix()
        {
            const string source = """

public class StudioClient
{
    private const string Scheme = "Bearer";
    private const string Prefix = "Bearer ";

    public void Send(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", {|EC0003:Prefix + apiKey|});
        request.Headers.Add("Authorization", {|EC0003:Scheme + " " + apiKey|});
        request.Headers.Add("Authorization", {|EC0003:$"{Scheme} {apiKey}"|});
    }
}
""";
            const string fixedSource = """

public class StudioClient
{
    private const string Scheme = "Bearer";
    private const string Prefix = "Bearer ";

    public void Send(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", apiKey);
        request.Headers.Add("Authorization", apiKey);
        request.Headers.Add("Authorization", {|EC0003:$"{Scheme} {apiKey}"|});
    }
}
""";
            await CodeFixLeavingDiagnosticsAsync(B, source, fixedSource);
        }

        [Fact]
        public async Task Forbidden_ParsingABearerValueToSend_IsFixedToTheKey()
        {
            const string source = """

public class StudioClient
{
    public void UseKey(HttpClient http, string apiKey)
    {
        http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse({|EC0003:"Bearer " + apiKey|});
        if (AuthenticationHeaderValue.TryParse({|EC0003:$"Bearer {apiKey}"|}, out var value))
        {
            http.DefaultRequestHeaders.Authorization = value;
        }
    }
}
""";
            const string fixedSource = """

public class StudioClient
{
    public void UseKey(HttpClient http, string apiKey)
    {
        http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(apiKey);
        if (AuthenticationHeaderValue.TryParse(apiKey, out var value))
        {
            http.DefaultRequestHeaders.Authorization = value;
        }
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_AValueBuiltInALocal_IsFlaggedWhereItIsSent()
        {
            const string source = """

public class StudioClient
{
    public void Send(HttpRequestMessage request, string apiKey)
    {
        var value = "Bearer " + apiKey;
        request.Headers.Add("Authorization", {|EC0003:value|});
    }
}
""";
            // The local is not rewritten from here: the diagnostic stands without a fix.
            await VerifyCS.NoCodeFixAsync(B, source);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        // ======================================================================================
        // Bearer forbidden (contract B): expecting it in the incoming header
        // ======================================================================================

        [Fact]
        public async Task Forbidden_StartsWithBearer_IsFlagged_WithoutAFix_AndSubstringIsFixed()
        {
            const string source = """

public static class ApiKeyCheck
{
    public static string? ReadKey(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!{|EC0003:header.StartsWith("Bearer ")|})
        {
            return null;
        }

        return {|EC0003:header.Substring("Bearer ".Length)|}; // strip the scheme
    }
}
""";
            const string fixedSource = """

public static class ApiKeyCheck
{
    public static string? ReadKey(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!{|EC0003:header.StartsWith("Bearer ")|})
        {
            return null;
        }

        return header; // strip the scheme
    }
}
""";
            await CodeFixLeavingDiagnosticsAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_StartsWithBearer_AloneHasNoFix()
        {
            const string source = """

public static class ApiKeyCheck
{
    public static bool HasKey(HttpRequest request)
    {
        string header = request.Headers["Authorization"];
        return {|EC0003:header.StartsWith("bearer", StringComparison.OrdinalIgnoreCase)|};
    }
}
""";
            await VerifyCS.NoCodeFixAsync(B, source);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_ReplaceBearer_IsFixedToTheHeader()
        {
            const string source = """

public static class ApiKeyCheck
{
    public static string ReadKey(HttpRequest request)
    {
        var fromIndexer = {|EC0003:request.Headers["Authorization"].ToString().Replace("Bearer ", "")|};
        var fromProperty = {|EC0003:request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty)|};
        return fromIndexer + fromProperty;
    }
}
""";
            const string fixedSource = """

public static class ApiKeyCheck
{
    public static string ReadKey(HttpRequest request)
    {
        var fromIndexer = request.Headers["Authorization"].ToString();
        var fromProperty = request.Headers.Authorization.ToString();
        return fromIndexer + fromProperty;
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_SplitOnSpace_AndSchemeComparisons_AreFlaggedWithoutAFix()
        {
            const string source = """

public static class ApiKeyCheck
{
    public static string? ReadKey(HttpRequest request, [FromHeader(Name = "Authorization")] string auth)
    {
        var parts = {|EC0003:auth.Split(' ')|};
        var parsed = AuthenticationHeaderValue.Parse(request.Headers.Authorization.ToString());
        if ({|EC0003:parsed.Scheme == "Bearer"|})
        {
            return parsed.Parameter;
        }

        if ({|EC0003:parsed.Scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase)|})
        {
            return parsed.Parameter;
        }

        return {|EC0003:string.Equals(parsed.Scheme, "Bearer", StringComparison.Ordinal)|} ? parts[1] : null;
    }
}
""";
            await VerifyCS.NoCodeFixAsync(B, source);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task Forbidden_AParameterNamedForTheHeader_IsRecognised()
        {
            const string source = """

public static class ApiKeyParser
{
    public static string Parse(string authorizationHeader)
    {
        return {|EC0003:authorizationHeader.Substring("Bearer ".Length)|};
    }
}
""";
            const string fixedSource = """

public static class ApiKeyParser
{
    public static string Parse(string authorizationHeader)
    {
        return authorizationHeader;
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        // ======================================================================================
        // Bearer forbidden (contract B): announcing it
        // ======================================================================================

        [Fact]
        public async Task Forbidden_WwwAuthenticateBearerChallenge_IsFlaggedWithoutAFix()
        {
            const string source = """

using Microsoft.Net.Http.Headers;

public static class Challenge
{
    public static void Deny(HttpResponse response)
    {
        response.StatusCode = 401;
        response.Headers["WWW-Authenticate"] = {|EC0003:"Bearer realm=\"studio\""|};
        response.Headers.WWWAuthenticate = {|EC0003:"Bearer"|};
        response.Headers.Append(HeaderNames.WWWAuthenticate, {|EC0003:"Bearer"|});
    }

    public static HttpResponseMessage DenyMessage()
    {
        var message = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        message.Headers.WwwAuthenticate.Add({|EC0003:new AuthenticationHeaderValue("Bearer")|});
        return message;
    }
}
""";
            await VerifyCS.NoCodeFixAsync(B, source);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        // ======================================================================================
        // Bearer required (contract A): sending the bare key
        // ======================================================================================

        [Fact]
        public async Task Required_BareKeyInHeadersAdd_IsFlagged_AndFixedToABearerInterpolation()
        {
            const string source = """

public class ArtworksClient
{
    public void Send(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", {|EC0003:apiKey|} /* from settings */);
    }
}
""";
            const string fixedSource = """

public class ArtworksClient
{
    public void Send(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", $"Bearer {apiKey}" /* from settings */);
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
            await VerifyCS.AnalyzerAsync(B, Clean(source));
        }

        [Fact]
        public async Task Required_AuthenticationHeaderValueWithTheKeyAsScheme_IsFixedToBearer()
        {
            const string source = """

public class ArtworksClient
{
    private readonly HttpClient http = new HttpClient();

    public void UseKey(string apiKey)
    {
        http.DefaultRequestHeaders.Authorization = {|EC0003:new AuthenticationHeaderValue(apiKey)|};
    }
}
""";
            const string fixedSource = """

public class ArtworksClient
{
    private readonly HttpClient http = new HttpClient();

    public void UseKey(string apiKey)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
            await VerifyCS.AnalyzerAsync(B, Clean(source));
        }

        [Fact]
        public async Task Required_LiteralKeys_Interpolations_AndAspNetCoreHeaders_AreFlagged_AndFixed()
        {
            const string source = """

public class Forwarder
{
    private static string Key() => "ak_live_123";

    public void Forward(HttpContext context, HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", {|EC0003:"ak_live_abc"|});
        request.Headers.TryAddWithoutValidation("Authorization", {|EC0003:$"{apiKey}"|});
        context.Request.Headers.Authorization = {|EC0003:Key()|};
        context.Request.Headers["Authorization"] = {|EC0003:apiKey|};
    }
}
""";
            const string fixedSource = """

public class Forwarder
{
    private static string Key() => "ak_live_123";

    public void Forward(HttpContext context, HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", "Bearer ak_live_abc");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {apiKey}");
        context.Request.Headers.Authorization = $"Bearer {Key()}";
        context.Request.Headers["Authorization"] = $"Bearer {apiKey}";
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
            await VerifyCS.AnalyzerAsync(B, Clean(source));
        }

        [Fact]
        public async Task Required_FixAll_AddsBearerToEveryAuthenticationHeaderValue()
        {
            const string source = """

public class ArtworksClients
{
    public void Configure(HttpClient reader, HttpClient writer, string readKey, string writeKey)
    {
        reader.DefaultRequestHeaders.Authorization = {|EC0003:new AuthenticationHeaderValue(readKey)|};
        writer.DefaultRequestHeaders.Authorization = {|EC0003:new AuthenticationHeaderValue(scheme: writeKey)|};
    }
}
""";
            const string fixedSource = """

public class ArtworksClients
{
    public void Configure(HttpClient reader, HttpClient writer, string readKey, string writeKey)
    {
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", readKey);
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", writeKey);
    }
}
""";
            await VerifyCS.CodeFixAsync(A, source, fixedSource);
        }

        [Fact]
        public async Task Required_OtherSchemes_BearerValues_AndWholeHeaderVariables_AreNotFlagged()
        {
            const string source = """

public class ArtworksClient
{
    public void Send(HttpRequestMessage request, string apiKey, string credentials, string authorizationHeader)
    {
        request.Headers.Add("Authorization", "Bearer " + apiKey);
        request.Headers.Add("Authorization", $"Bearer {apiKey}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        request.Headers.Add("Authorization", "Basic " + credentials);
        request.Headers.Add("Authorization", authorizationHeader);
        var value = "Bearer " + apiKey;
        request.Headers.Add("Authorization", value);
        request.Headers.Add("X-Api-Key", apiKey);
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
        }

        // ======================================================================================
        // Bearer required (contract A): reading the whole header as the key
        // ======================================================================================

        [Fact]
        public async Task Required_ReadingTheWholeHeaderAsTheKey_IsFlaggedWithoutAFix()
        {
            // A variable named like a key is not a finding by its name: apiKey is only measured here, never compared or looked
            // up. The header passed to the project's key check and compared with a key are.
            const string source = """

public interface IKeyStore { bool IsValid(string apiKey); }

public static class ApiKeyCheck
{
    public static bool Check(HttpContext context, IKeyStore store, string expected)
    {
        var apiKey = context.Request.Headers.Authorization.ToString();
        if (!store.IsValid({|EC0003:context.Request.Headers["Authorization"]|}))
        {
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        return {|EC0003:header|} == expected && apiKey.Length > 0;
    }
}
""";
            await VerifyCS.NoCodeFixAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, Clean(source));
        }

        [Fact]
        public async Task Required_KeyParametersOfTheProjectMatchInAnyCase_AndOtherParametersDoNot()
        {
            // The project's own method says what its parameter receives (API_KEY, not value); a local's name says nothing:
            // accessTOKEN is only measured, never compared or looked up.
            const string source = """

public interface IKeyStore { bool IsValid(string API_KEY); void Remember(string value); }

public static class ApiKeyCheck
{
    public static bool Check(HttpContext context, IKeyStore store)
    {
        var accessTOKEN = context.Request.Headers.Authorization.ToString();
        var lastSeen = context.Request.Headers.Authorization.ToString();
        store.Remember(context.Request.Headers.Authorization.ToString());
        return store.IsValid({|EC0003:context.Request.Headers["Authorization"]|}) && accessTOKEN.Length > lastSeen.Length;
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, Clean(source));
        }

        [Fact]
        public async Task Required_CheckingTheSchemeFirst_IsCompliant()
        {
            const string source = """

public static class ApiKeyCheck
{
    public static string? ReadKey(HttpContext context, string expected)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header != "Bearer " + expected)
        {
            return null;
        }

        var apiKey = header.Substring("Bearer ".Length);
        return string.IsNullOrEmpty(header) ? null : apiKey;
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
        }

        [Fact]
        public async Task Required_PresenceChecks_AndAKeyNamedVariableWhoseSchemeIsChecked_AreCompliant()
        {
            const string source = """

using Microsoft.Extensions.Primitives;

public static class ApiKeyCheck
{
    public static string? ReadKey(HttpContext context)
    {
        if (context.Request.Headers.Authorization == StringValues.Empty || context.Request.Headers["Authorization"] == default(StringValues))
        {
            return null;
        }

        var token = context.Request.Headers.Authorization.ToString();
        if (!token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return token.Substring("Bearer ".Length);
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
        }

        // ======================================================================================
        // What the code does with the header value (issue 20): a key comparison or lookup is reported where Bearer is
        // required; handling the scheme is silent there and reported where it is forbidden; logging, hashing, forwarding
        // and rate-limiter partitions are not reading the key at all
        // ======================================================================================

        [Fact]
        public async Task ReplaceStrippedHeader_ComparedWithTheKey_IsSilentWhereRequired_AndExpectsBearerWhereForbidden()
        {
            const string source = """

using Microsoft.Extensions.Configuration;

public sealed class ApiKeyMiddleware
{
    private readonly RequestDelegate next;
    private readonly IConfiguration configuration;

    public ApiKeyMiddleware(RequestDelegate next, IConfiguration configuration)
    {
        this.next = next;
        this.configuration = configuration;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var apiKey = context.Request.Headers["Authorization"].FirstOrDefault()?{|EC0003:.Replace("Bearer ", string.Empty)|};
        if (apiKey != configuration["Api:Key"])
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var key = {|EC0003:context.Request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty)|};
        if (!string.Equals(key, configuration["Api:Key"], StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await next(context);
    }
}
""";
            await FlaggedWhereForbiddenOnlyAsync(source);
        }

        [Fact]
        public async Task RawHeaderAsARateLimiterPartitionKey_IsSilentUnderBothContracts()
        {
            const string source = """

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

public static class RateLimits
{
    public static void AddPerClientLimits(IServiceCollection services)
    {
        services.AddRateLimiter(options => options.AddPolicy("per-client", context =>
            RateLimitPartition.GetFixedWindowLimiter(
                partitionKey: context.Request.Headers.Authorization.ToString(),
                factory: _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) })));

        services.AddRateLimiter(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var partitionKey = context.Request.Headers.Authorization.ToString();
            return RateLimitPartition.GetTokenBucketLimiter(partitionKey, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 10,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            });
        }));
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task LoggedHashedOrForwardedHeader_IsSilentUnderBothContracts()
        {
            const string source = """

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

public sealed class UpstreamProxy
{
    private readonly ILogger<UpstreamProxy> logger;
    private readonly HttpClient upstream;

    public UpstreamProxy(ILogger<UpstreamProxy> logger, HttpClient upstream)
    {
        this.logger = logger;
        this.upstream = upstream;
    }

    public async Task<HttpResponseMessage> ForwardAsync(HttpContext context)
    {
        var token = context.Request.Headers.Authorization.ToString();
        logger.LogDebug("Forwarding with credentials {Token}", token);
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        context.Items["key-fingerprint"] = fingerprint;

        using var request = new HttpRequestMessage(HttpMethod.Get, "https://upstream.example/artworks");
        request.Headers.TryAddWithoutValidation("Authorization", token);
        return await upstream.SendAsync(request);
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task RawHeaderComparedWithAKey_WhateverTheNames_IsFlaggedWhereRequired()
        {
            const string source = """

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

public sealed class PartnerCheck
{
    private readonly HashSet<string> allowed = new HashSet<string>(StringComparer.Ordinal);
    private readonly Dictionary<string, string> owners = new Dictionary<string, string>();
    private readonly byte[] secret = Encoding.UTF8.GetBytes("from-configuration");

    public string? Owner(HttpRequest request)
    {
        var presented = request.Headers.Authorization.ToString();
        if (!allowed.Contains({|EC0003:presented|}))
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals({|EC0003:Encoding.UTF8.GetBytes(presented)|}, secret))
        {
            return null;
        }

        var owner = owners[{|EC0003:presented|}];
        return owner;
    }

    public bool IsPartner(HttpRequest request)
    {
        StringValues credentials;
        if (!request.Headers.TryGetValue("Authorization", out credentials))
        {
            return false;
        }

        return owners.ContainsKey({|EC0003:credentials|});
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);
            await VerifyCS.AnalyzerAsync(B, Clean(source));
        }

        [Fact]
        public async Task AuthenticationHeaderValueParsed_ThenParameter_IsSilentWhereRequired_AndFlaggedWhereForbidden()
        {
            const string source = """

public static class KeyReader
{
    public static string? ReadKey(HttpContext context)
    {
        string? apiKey = null;
        if (context.Request.Headers.TryGetValue("Authorization", out var values))
        {
            apiKey = values.ToString();
        }

        if ({|EC0003:AuthenticationHeaderValue.TryParse(apiKey, out var parsed)|} && parsed.Parameter is { Length: > 0 } key)
        {
            return key;
        }

        return null;
    }

    public static string? ReadParameter(HttpRequest request)
    {
        return {|EC0003:AuthenticationHeaderValue.Parse(request.Headers.Authorization.ToString())|}.Parameter;
    }
}
""";
            await FlaggedWhereForbiddenOnlyAsync(source);
        }

        [Fact]
        public async Task SubstringBySchemeLength_IsSilentWhereRequired_AndFlaggedWhereForbidden()
        {
            const string source = """

public interface IKeyStore { bool IsValid(string apiKey); }

public static class KeyReader
{
    public static bool Check(HttpContext context, IKeyStore store)
    {
        var token = context.Request.Headers.Authorization;
        if (!{|EC0003:token.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)|})
        {
            return false;
        }

        return store.IsValid({|EC0003:token.ToString().Substring("Bearer ".Length)|});
    }

    public static bool CheckShort(HttpRequest request, IKeyStore store)
    {
        string header = request.Headers.Authorization.ToString();
        return header.Length > 7 && store.IsValid({|EC0003:header.Substring(7)|});
    }
}
""";
            await FlaggedWhereForbiddenOnlyAsync(source);
        }

        [Fact]
        public async Task Forbidden_SubstringBySevenCharacters_IsFixedToTheHeader()
        {
            const string source = """

public static class KeyReader
{
    public static string ReadKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return {|EC0003:header.Substring(7)|}.Trim();
    }
}
""";
            const string fixedSource = """

public static class KeyReader
{
    public static string ReadKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.Trim();
    }
}
""";
            await VerifyCS.CodeFixAsync(B, source, fixedSource);
            await VerifyCS.AnalyzerAsync(A, Clean(source));
        }

        [Fact]
        public async Task RangeAfterTheScheme_IsSilentWhereRequired_AndFlaggedWhereForbidden()
        {
            const string source = """

public static class KeyReader
{
    public static bool Check(HttpContext context, string expected)
    {
        var token = context.Request.Headers.Authorization;
        var value = token.ToString();
        var key = value.Length > 7 ? {|EC0003:value[7..]|} : string.Empty;
        return key == expected;
    }

    public static bool CheckNamed(HttpRequest request, string expected)
    {
        string header = request.Headers.Authorization.ToString();
        return {|EC0003:header["Bearer ".Length..]|} == expected;
    }
}
""";
            await FlaggedWhereForbiddenOnlyAsync(source);
        }

        [Fact]
        public async Task SplitOnSpace_IsSilentWhereRequired_AndFlaggedWhereForbidden()
        {
            const string source = """

public sealed class KeyFilter : IEndpointFilter
{
    private readonly HashSet<string> keys;

    public KeyFilter(HashSet<string> keys) => this.keys = keys;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = context.HttpContext.Request.Headers.Authorization;
        var parts = {|EC0003:token.ToString().Split(' ', 2)|};
        if (parts.Length != 2 || !keys.Contains(parts[1]))
        {
            return Results.Unauthorized();
        }

        return await next(context);
    }
}
""";
            await FlaggedWhereForbiddenOnlyAsync(source);
        }

        [Fact]
        public async Task RegexForTheScheme_IsSilentWhereRequired_AndFlaggedWhereForbidden()
        {
            const string source = """

using System.Text.RegularExpressions;

public static partial class KeyReader
{
    private static readonly Regex BearerPattern = new Regex(@"^Bearer\s+(?<key>\S+)$", RegexOptions.IgnoreCase);

    public static bool IsKnown(HttpRequest request, ISet<string> keys)
    {
        var token = request.Headers.Authorization;
        var match = {|EC0003:Regex.Match(token.ToString(), @"^Bearer\s+(?<key>\S+)$")|};
        return match.Success && keys.Contains(match.Groups["key"].Value);
    }

    public static string? Read(HttpRequest request)
    {
        var token = request.Headers.Authorization.ToString();
        var match = {|EC0003:BearerPattern.Match(token)|};
        return match.Success ? match.Groups["key"].Value : null;
    }

    public static string? ReadGenerated(HttpRequest request)
    {
        var token = request.Headers.Authorization.ToString();
        var match = {|EC0003:GeneratedBearer().Match(token)|};
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("^bearer (.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex GeneratedBearer();

    // What the regex source generator writes, here by hand.
    private static partial Regex GeneratedBearer() => BearerPattern;
}
""";
            await FlaggedWhereForbiddenOnlyAsync(source);
        }

        [Fact]
        public async Task KeyUseReachedOnlyAfterTheSchemeCheck_IsSilentWhereRequired_AndOneReachedWithoutIt_IsFlagged()
        {
            const string source = """

public static class KeyCheck
{
    public static bool AfterAnEarlyReturn(HttpRequest request, string expected)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return header == expected;
    }

    public static bool InsideTheCheck(HttpRequest request, string expected)
    {
        string header = request.Headers["Authorization"];
        return header.StartsWith("Bearer ") && string.Equals(header, expected, StringComparison.Ordinal);
    }

    public static bool ReassignedToTheKey(HttpRequest request, HashSet<string> keys)
    {
        string? value = request.Headers.Authorization;
        value = value?.Substring("Bearer ".Length);
        return value != null && keys.Contains(value);
    }

    public static bool CheckedOnlyOnTheOtherBranch(HttpRequest request, HashSet<string> keys)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer "))
        {
            return keys.Contains(header.Substring(7));
        }

        return keys.Contains({|EC0003:header|});
    }

    public static bool LookedUpBeforeTheKeyIsTakenOut(HttpRequest request, HashSet<string> keys)
    {
        string? value = request.Headers.Authorization;
        var known = keys.Contains({|EC0003:value|});
        value = value?.Substring("Bearer ".Length);
        return known;
    }

    public static bool FromAHeaderParameter([FromHeader(Name = "Authorization")] string credentials, string expected)
    {
        return {|EC0003:credentials|} == expected;
    }
}
""";
            await VerifyCS.AnalyzerAsync(A, source);

            // Where Bearer is forbidden, every check and strip of the scheme is the finding, and no key use is.
            var forbidden = MarkAll(
                Clean(source),
                "header.StartsWith(\"Bearer \", StringComparison.OrdinalIgnoreCase)",
                "header.StartsWith(\"Bearer \")",
                ".Substring(\"Bearer \".Length)",
                "header.Substring(7)");
            await VerifyCS.AnalyzerAsync(B, forbidden);
        }

        // ======================================================================================
        // Messages
        // ======================================================================================

        [Fact]
        public async Task Message_SaysWhatTheCodeDoes_AndWhatEachContractDocuments()
        {
            const string source = """

public class Client
{
    public void Send(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", "Bearer " + apiKey);
        request.Headers.Add("Authorization", apiKey);
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                B,
                source,
                VerifyCS.Diagnostic("EC0003").WithSpan("/0/Test0.cs", 6, 46, 6, 64)
                    .WithMessage("This request sends the API key with the Bearer scheme; the Studio API error contract documents 'Authorization: <key>'"));
            await VerifyCS.AnalyzerAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0003").WithSpan("/0/Test0.cs", 7, 46, 7, 52)
                    .WithMessage("This request sends the API key without the Bearer scheme; the Artworks API error contract documents 'Authorization: Bearer <key>'"));
        }

        [Fact]
        public async Task ABearerCheckThatTurnsTheRequestAway_IsSilent_WhereBearerIsForbidden()
        {
            // Refusing the scheme enforces contract B; accepting it, or refusing everything else, expects it.
            const string source = """

public static class ApiKeyCheck
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var key = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(key) || key.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { message = "Authorization header is required" });
            return;
        }

        await next(context);
    }

    public static IResult Refuse(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString().Contains("Bearer"))
            return Results.Unauthorized();
        return Results.Ok();
    }

    public static IResult Accept(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if ({|EC0003:header.StartsWith("Bearer ")|})
        {
            return Results.Ok(header);
        }

        return Results.Unauthorized();
    }

    public static IResult AcceptTrimmed(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if ({|EC0003:header.Trim().StartsWith("Bearer ")|})
        {
            return Results.Ok(header);
        }

        return Results.Unauthorized();
    }

    public static IResult RequireIt(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!{|EC0003:header.StartsWith("Bearer ")|})
        {
            return Results.Unauthorized();
        }

        return Results.Ok();
    }
}
""";
            await VerifyCS.AnalyzerAsync(B, source);
        }

        [Fact]
        public async Task Message_ForExpectingAndReading()
        {
            const string source = """

public static class Check
{
    public static bool Run(HttpRequest request, string expected)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ") || header == expected;
    }
}
""";
            await VerifyCS.AnalyzerAsync(
                B,
                source,
                VerifyCS.Diagnostic("EC0003").WithSpan("/0/Test0.cs", 7, 16, 7, 44)
                    .WithMessage("This code expects the Bearer scheme in the incoming Authorization header; the Studio API error contract documents 'Authorization: <key>'"));
            await VerifyCS.AnalyzerAsync(
                A,
                source,
                VerifyCS.Diagnostic("EC0003").WithSpan("/0/Test0.cs", 7, 48, 7, 54)
                    .WithMessage("This code reads the whole Authorization header as the API key, without checking for the Bearer scheme; the Artworks API error contract documents 'Authorization: Bearer <key>'"));
        }

        // ======================================================================================
        // Not about the Authorization header: never flagged
        // ======================================================================================

        [Fact]
        public async Task UnrelatedMentionsOfBearer_AreNotFlagged_UnderEitherContract()
        {
            const string source = """

public class Unrelated
{
    public string Describe(HttpRequestMessage request, string token, Dictionary<string, string> settings)
    {
        Console.WriteLine("Bearer token rejected");
        Console.WriteLine($"Bearer {token} rejected");
        var note = "Bearer of bad news";
        request.Headers.Add("X-Trace", "Bearer " + token);
        settings["Authorization"] = "Bearer " + token;
        var title = note.StartsWith("Bearer ") ? note.Substring("Bearer ".Length) : note.Replace("Bearer ", "");
        return title + string.Join("|", note.Split(' '));
    }
}
""";
            await VerifyCS.AnalyzerAsync(B, source);
            await VerifyCS.AnalyzerAsync(A, source);
        }

        [Fact]
        public async Task NoContractFile_IsSilent()
        {
            const string source = """

public class Client
{
    public void Send(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("Authorization", "Bearer " + apiKey);
        request.Headers.Authorization = new AuthenticationHeaderValue(apiKey);
    }
}
""";
            await VerifyCS.AnalyzerAsync(null, source);
        }

        [Fact]
        public async Task ClientOnlyProject_WithoutAspNetCore_IsStillChecked()
        {
            const string source = """

using System.Net.Http;
using System.Net.Http.Headers;

public class StudioSdk
{
    public void Configure(HttpClient http, string apiKey)
    {
        http.DefaultRequestHeaders.Authorization = {|EC0003:new AuthenticationHeaderValue("Bearer", apiKey)|};
    }
}
""";
            await VerifyCS.AnalyzerAsync(B, source, test => test.WithoutAspNetCore());
        }

        [Fact]
        public async Task IncompleteCode_WhileTyping_DoesNotThrow()
        {
            const string source = """

public class Client
{
    public void Send(HttpRequestMessage request, HttpContext context, string apiKey)
    {
        request.Headers.Add("Authorization", "Bearer " + );
        request.Headers.Add(, apiKey);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ;
        request.Headers.Authorization = new AuthenticationHeaderValue();
        context.Request.Headers[] = $"Bearer {";
        var header = context.Request.Headers.Authorization.ToString();
        header.StartsWith(;
        header.Substring("Bearer ".);
        var x = AuthenticationHeaderValue.Parse(header).Scheme == ;
    }
}
""";
            var host = await Robustness.AnalyzerHost.CreateAsync();
            foreach (var contract in new[] { A, B })
            {
                // Every analyzer of the package runs; an exception or an AD0001 is a failure.
                var failures = new System.Collections.Generic.List<string>();
                await Robustness.AnalyzerHost.AnalyzeAsync(host.Document(source, contract), failures, concurrent: false, System.Threading.CancellationToken.None);
                Assert.Empty(failures);
            }
        }
    }
}
