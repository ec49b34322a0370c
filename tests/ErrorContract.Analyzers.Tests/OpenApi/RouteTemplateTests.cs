using ErrorContract.Analyzers.Contract.OpenApi;
using Xunit;

namespace ErrorContract.Analyzers.Tests.OpenApi
{
    /// <summary>
    /// How routes are compared: an ASP.NET Core template and an OpenAPI path are the same route when they normalise alike —
    /// constraints, defaults, optional markers and parameter names ignored, a catch-all is a parameter, literals compared without
    /// case, leading and trailing slashes normalised. And the contract's apiRoutes patterns: '*' one segment, '**' any number.
    /// </summary>
    public sealed class RouteTemplateTests
    {
        [Theory]
        [InlineData("artworks/{id}", "/artworks/{}")]
        [InlineData("/artworks/{id:int}", "/artworks/{}")]
        [InlineData("artworks/{id?}", "/artworks/{}")]
        [InlineData("artworks/{x=5}/", "/artworks/{}")]
        [InlineData("Artworks/{ID:int:min(1)}", "/artworks/{}")]
        [InlineData("files/{*path}", "/files/{}")]
        [InlineData("files/{**path}", "/files/{}")]
        [InlineData("codes/{code:regex(^\\d{{3}}$)}", "/codes/{}")]
        [InlineData("~/v1//artworks", "/v1/artworks")]
        [InlineData("", "/")]
        [InlineData("/", "/")]
        [InlineData("files/{name}.{ext}", "/files/{}.{}")]
        public void Templates_Normalise_WithoutNamesConstraintsDefaultsOrCase(string template, string normalized)
        {
            Assert.Equal(normalized, RouteTemplates.Normalize(template));
        }

        [Fact]
        public void AnUnclosedParameter_IsNoTemplate()
        {
            Assert.Null(RouteTemplates.Normalize("artworks/{id"));
        }

        [Theory]
        [InlineData("/api", "artworks", "/api/artworks")]
        [InlineData("/api/", "/artworks", "/api/artworks")]
        [InlineData("", "/artworks", "artworks")]
        [InlineData("/api", "", "/api")]
        public void Prefixes_CombineWithOneSlash(string prefix, string template, string combined)
        {
            Assert.Equal(combined, RouteTemplates.Combine(prefix, template));
        }

        [Theory]
        [InlineData("/v1/**", "/v1/artworks/{}", true)]
        [InlineData("/v1/**", "/v1", true)]
        [InlineData("/v1/**", "/v10/artworks", false)]
        [InlineData("/V1/**", "/v1/artworks", true)]
        [InlineData("/v1/*", "/v1/artworks", true)]
        [InlineData("/v1/*", "/v1/artworks/{}", false)]
        [InlineData("/v1/*/photos", "/v1/{}/photos", true)]
        [InlineData("/**/health", "/internal/health", true)]
        [InlineData("/v1/artworks", "/v1/{}", false)]
        [InlineData("/", "/", true)]
        [InlineData("/**", "/anything/at/all", true)]
        public void ApiRoutePatterns_MatchSegments(string pattern, string normalizedRoute, bool matches)
        {
            Assert.Null(RouteGlob.Validate(pattern));
            Assert.Equal(matches, RouteGlob.Matches(pattern, normalizedRoute));
        }

        [Theory]
        [InlineData("", "is empty")]
        [InlineData("v1/**", "does not start with '/'; write the route from the root, such as \"/v1/**\"")]
        [InlineData("/v1*", "has 'v1*', where a star is part of a segment; '*' (one segment) and '**' (any number of segments) must be whole segments, such as \"/v1/**\"")]
        [InlineData("/a//b", "has an empty segment")]
        [InlineData("/v1/{id}", "has the parameter '{id}'; write '*' for a segment that varies")]
        [InlineData("/v1?x=1", "has the character '?'")]
        public void MalformedPatterns_SayWhatIsWrong(string pattern, string problem)
        {
            Assert.StartsWith(problem, RouteGlob.Validate(pattern), System.StringComparison.Ordinal);
        }
    }
}
