using System.Collections.Immutable;
using System.Linq;
using ErrorContract.Analyzers.Discovery;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Discovery
{
    /// <summary>
    /// The well-known types are resolved once per compilation, for every analyzer and fix, and each one is found
    /// in the assembly named for it (the fast lookup) in an ASP.NET Core 10 project: none takes the search of every
    /// reference, which is kept for types that moved between assemblies in other framework versions.
    /// </summary>
    public sealed class WellKnownTypesTests
    {
        private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references)
        {
            return CSharpCompilation.Create("Api", new[] { CSharpSyntaxTree.ParseText("public class C { }") }, references);
        }

        [Fact]
        public void InAnAspNetCoreProject_EveryTypeIsFoundInItsAssembly()
        {
            var compilation = Compile(TestReferences.AspNetCore);
            var types = WellKnownTypes.ForAspNetCore(compilation);

            Assert.NotNull(types);
            Assert.NotNull(types!.Authorization);
            Assert.NotNull(types.Configuration);
            Assert.NotNull(types.ControllerBase);
            Assert.NotNull(types.Configuration!.RateLimiterOptions);
            Assert.NotNull(types.Authorization!.HeaderDictionary);
            Assert.Equal(5, types.ResultsUnions.Count);

            // JWT Bearer is a NuGet package, not part of the shared framework: it is looked for in its own assembly only, and
            // is simply absent here, without the search of every reference.
            Assert.Null(types.Configuration.JwtBearerExtensions);

            // The types of pages (views, redirects, Razor Pages) are resolved on the first question about a page.
            var pages = types.Pages.Types;
            Assert.NotNull(pages.Controller);
            Assert.NotNull(pages.PageModel);
            Assert.NotNull(pages.PageBase);
            Assert.NotNull(pages.ApiBehaviorMetadata);
            Assert.Equal(8, pages.PageResultCount);
            var slow = types.SlowLookups.ToList();
            Assert.True(slow.Count == 0, "not found in the assembly named for them: " + string.Join(", ", slow));
        }

        [Fact]
        public void OneInstancePerCompilation_SharedByEveryAnalyzer()
        {
            var compilation = Compile(TestReferences.AspNetCore);
            Assert.Same(WellKnownTypes.Get(compilation), WellKnownTypes.Get(compilation));
            Assert.Same(WellKnownTypes.Get(compilation), WellKnownTypes.ForAspNetCore(compilation));

            var other = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class D { }"));
            Assert.NotSame(WellKnownTypes.Get(compilation), WellKnownTypes.Get(other));
        }

        [Fact]
        public void WithoutAspNetCore_OnlyTheHttpClientHeaderTypes()
        {
            var compilation = Compile(TestReferences.NetCore);

            Assert.Null(WellKnownTypes.ForAspNetCore(compilation));
            var types = WellKnownTypes.Get(compilation);
            Assert.Null(types.Configuration);
            Assert.NotNull(types.Authorization);
            Assert.NotNull(types.Authorization!.AuthenticationHeaderValue);
            Assert.Null(types.Authorization.HeaderDictionary);
        }
    }
}
