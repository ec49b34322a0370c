using System.Collections.Generic;
using System.Linq;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Generation
{
    /// <summary>The error factories the generator writes: what each contract gets, and that it compiles wherever it is used.</summary>
    public class ApiErrorsGeneratorTests
    {
        /// <summary>Code that uses factories as a project does: from an action, a minimal-API handler, a Results union, middleware.</summary>
        private const string Uses = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Mvc;

            namespace Project;

            public class ArtworksController : ControllerBase
            {
                public IActionResult Get(int id) => id > 0 ? Ok() : ApiErrors.{{Factory}};

                public ActionResult<string> Name(int id) => ApiErrors.{{Factory}};
            }

            public static class Handlers
            {
                public static IResult Get(int id) => ApiErrors.{{Factory}};

                public static Results<Ok<string>, ApiErrors.{{Result}}> Typed(int id) => ApiErrors.{{Factory}};

                public static Task Middleware(HttpContext context) => ApiErrors.{{Factory}}.WriteAsync(context.Response);
            }
            """;

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public void Every_sample_contract_generates_factories_that_compile_where_results_are_used(string name)
        {
            var (empty, result) = GeneratorHost.Run("namespace Project; public class Marker { }", TestContracts.Get(name));
            Assert.Empty(result.Diagnostics);
            var generated = Assert.Single(result.GeneratedSources);
            Assert.Equal("ApiErrors.g.cs", generated.HintName);
            Assert.Empty(GeneratorHost.Problems(empty));

            // Each factory, called with the values it needs, returned and written everywhere a result goes.
            var factories = empty.GetTypeByMetadataName("Project.ApiErrors")!.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToList();
            Assert.NotEmpty(factories);
            foreach (var factory in factories)
            {
                var call = factory.Name + "(" + string.Join(", ", factory.Parameters.Where(p => !p.IsOptional).Select(p => Argument(p.Type))) + ")";
                var source = Uses.Replace("{{Factory}}", call).Replace("{{Result}}", factory.ReturnType.Name);
                var (output, _) = GeneratorHost.Run(source, TestContracts.Get(name));
                Assert.Empty(GeneratorHost.Problems(output));
            }
        }

        [Theory]
        [MemberData(nameof(TestContracts.All), MemberType = typeof(TestContracts))]
        public void On_aspnetcore_8_every_sample_contracts_factories_compile_where_results_are_used(string name)
        {
            // .NET 8 SDKs load the package: the generated code uses nothing newer than ASP.NET Core 8 offers.
            var (empty, result) = GeneratorHost.Run("namespace Project; public class Marker { }", TestContracts.Get(name), references: TestReferences.AspNetCore8);
            Assert.Contains("IEndpointMetadataProvider", Assert.Single(result.GeneratedSources).SourceText.ToString());
            var factory = empty.GetTypeByMetadataName("Project.ApiErrors")!.GetMembers().OfType<IMethodSymbol>().First(m => m.MethodKind == MethodKind.Ordinary);
            var call = factory.Name + "(" + string.Join(", ", factory.Parameters.Where(p => !p.IsOptional).Select(p => Argument(p.Type))) + ")";
            var (output, _) = GeneratorHost.Run(Uses.Replace("{{Factory}}", call).Replace("{{Result}}", factory.ReturnType.Name), TestContracts.Get(name), references: TestReferences.AspNetCore8);
            Assert.Empty(GeneratorHost.Problems(output));
        }

        [Fact]
        public void Seed_A_gets_a_factory_per_status_named_by_its_code_with_optional_fields_and_the_429_header_as_parameters()
        {
            var (output, _) = GeneratorHost.Run("namespace Project; public class Marker { }", TestContracts.Artworks);
            var factories = output.GetTypeByMetadataName("Project.ApiErrors")!.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.MethodKind == MethodKind.Ordinary)
                .Select(m => m.Name + "(" + string.Join(", ", m.Parameters.Select(p => p.Type.ToDisplayString() + " " + p.Name + (p.IsOptional ? " = null" : string.Empty))) + ")")
                .ToArray();
            Assert.Equal(
                new[]
                {
                    "BadRequest(string message, long? retryAfter = null)",
                    "Unauthorized(string message, long? retryAfter = null)",
                    "Forbidden(string message, long? retryAfter = null)",
                    "NotFound(string message, long? retryAfter = null)",
                    "Conflict(string message, long? retryAfter = null)",
                    "RateLimited(string message, long retryAfter, long rateLimitReset)",
                    "InternalError(string message, long? retryAfter = null)",
                },
                factories);
        }

        [Fact]
        public void Seed_B_gets_factories_named_by_status_with_the_validation_list_on_400_only()
        {
            var (output, _) = GeneratorHost.Run("namespace Project; public class Marker { }", TestContracts.Studio);
            var type = output.GetTypeByMetadataName("Project.ApiErrors")!;
            var badRequest = type.GetMembers("BadRequest").OfType<IMethodSymbol>().Single();
            Assert.Equal(new[] { "message", "errors" }, badRequest.Parameters.Select(p => p.Name));
            Assert.Equal("System.Collections.Generic.IReadOnlyList<Project.ApiErrors.ValidationItem>?", badRequest.Parameters[1].Type.ToDisplayString());
            var notFound = type.GetMembers("NotFound").OfType<IMethodSymbol>().Single();
            Assert.Equal(new[] { "message" }, notFound.Parameters.Select(p => p.Name));
            Assert.Equal(new[] { "BadRequest", "Unauthorized", "PaymentRequired", "Forbidden", "NotFound", "TooManyRequests", "InternalServerError", "BadGateway", "ServiceUnavailable" }, Factories(type));
        }

        [Fact]
        public void A_code_shared_by_several_statuses_names_no_factory_and_nested_bodies_take_their_fields_as_parameters()
        {
            var (output, _) = GeneratorHost.Run("namespace Project; public class Marker { }", TestContracts.Get("payments"));
            var type = output.GetTypeByMetadataName("Project.ApiErrors")!;
            Assert.Equal(new[] { "BadRequest", "Unauthorized", "CardError", "Forbidden", "NotFound", "IdempotencyError", "TooManyRequests", "ApiError" }, Factories(type));
            var notFound = type.GetMembers("NotFound").OfType<IMethodSymbol>().Single();
            Assert.Equal(new[] { "message", "code", "param", "docUrl" }, notFound.Parameters.Select(p => p.Name));
        }

        [Fact]
        public void Problem_details_factories_take_the_title_and_write_type_and_status()
        {
            var (output, _) = GeneratorHost.Run("namespace Project; public class Marker { }", TestContracts.Get("problem-details"));
            var type = output.GetTypeByMetadataName("Project.ApiErrors")!;
            Assert.Equal(new[] { "BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "ValidationFailed", "InternalError" }, Factories(type));
            var validation = type.GetMembers("ValidationFailed").OfType<IMethodSymbol>().Single();
            Assert.Equal(new[] { "title", "errors", "detail", "instance" }, validation.Parameters.Select(p => p.Name));
            Assert.False(validation.Parameters[1].IsOptional);
        }

        [Fact]
        public void A_catalog_gives_one_factory_per_code_named_by_it_and_integer_codes_a_name_from_the_status()
        {
            const string catalog = """
                {
                  "statuses": {
                    "400": { "description": "Bad request", "errorCode": "invalid_request", "message": "Invalid request" },
                    "429": { "description": "Too many requests" },
                    "500": { "description": "Server error", "errorCode": "server_error", "message": "Server error" }
                  },
                  "codes": {
                    "rate_limit_exceeded": { "status": 429, "message": "Rate limit reached" },
                    "insufficient_quota": { "status": 429, "message": "You exceeded your current quota" }
                  },
                  "errorBody": {
                    "fields": { "code": { "type": "string", "required": true }, "message": { "type": "string", "required": true } },
                    "codeField": "code",
                    "messageField": "message"
                  }
                }
                """;
            var (output, result) = GeneratorHost.Run("namespace Project; public class Marker { }", catalog);
            Assert.Empty(GeneratorHost.Problems(output));
            var type = output.GetTypeByMetadataName("Project.ApiErrors")!;
            Assert.Equal(new[] { "InvalidRequest", "RateLimitExceeded", "InsufficientQuota", "ServerError" }, Factories(type));
            var text = Assert.Single(result.GeneratedSources).SourceText.ToString();
            Assert.Contains("Code = \"insufficient_quota\"", text);

            var integers = catalog.Replace("\"code\": { \"type\": \"string\"", "\"code\": { \"type\": \"integer\"")
                .Replace("\"invalid_request\"", "1000").Replace("\"server_error\"", "5000")
                .Replace("\"rate_limit_exceeded\":", "\"4290\":").Replace("\"insufficient_quota\":", "\"4291\":");
            var (integerOutput, integerResult) = GeneratorHost.Run("namespace Project; public class Marker { }", integers);
            Assert.Empty(integerResult.Diagnostics);
            Assert.Empty(GeneratorHost.Problems(integerOutput));
            Assert.Equal(new[] { "BadRequest", "TooManyRequests4290", "TooManyRequests4291", "InternalServerError" }, Factories(integerOutput.GetTypeByMetadataName("Project.ApiErrors")!));
            Assert.Contains("Code = 4291,", Assert.Single(integerResult.GeneratedSources).SourceText.ToString());
        }

        [Fact]
        public void The_class_name_and_namespace_follow_the_msbuild_properties_and_the_switch_turns_it_off()
        {
            var renamed = new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = "Project",
                ["build_property.ErrorContractFactoriesClass"] = "Errors",
                ["build_property.ErrorContractFactoriesNamespace"] = "Company.Api.Errors",
            };
            var (output, result) = GeneratorHost.Run("namespace Project; public class Marker { }", TestContracts.Artworks, renamed);
            Assert.NotNull(output.GetTypeByMetadataName("Company.Api.Errors.Errors"));
            Assert.Equal("Errors.g.cs", Assert.Single(result.GeneratedSources).HintName);

            var off = new Dictionary<string, string> { ["build_property.ErrorContractFactories"] = "false" };
            var (_, none) = GeneratorHost.Run("namespace Project; public class Marker { }", TestContracts.Artworks, off);
            Assert.Empty(none.GeneratedSources);
            Assert.Empty(none.Diagnostics);

            var (global, _) = GeneratorHost.Run("public class Marker { }", TestContracts.Artworks, new Dictionary<string, string>());
            Assert.NotNull(global.GetTypeByMetadataName("ApiErrors"));
        }

        [Fact]
        public void A_type_of_the_project_with_the_class_name_is_reported_and_nothing_is_generated()
        {
            var (output, result) = GeneratorHost.Run("namespace Project; public class ApiErrors { }", TestContracts.Artworks);
            Assert.Empty(result.GeneratedSources);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("EC0018", diagnostic.Id);
            Assert.Contains("Project.ApiErrors", diagnostic.GetMessage());
            Assert.Contains("ErrorContractFactoriesClass", diagnostic.GetMessage());
            Assert.Empty(GeneratorHost.Problems(output));

            // A static partial class of the project's own adds to the generated one.
            var (extended, extendedResult) = GeneratorHost.Run("namespace Project; internal static partial class ApiErrors { public static int Extra() => 1; }", TestContracts.Artworks);
            Assert.Single(extendedResult.GeneratedSources);
            Assert.Empty(GeneratorHost.Problems(extended));
        }

        [Theory]
        [InlineData("1Errors")]
        [InlineData("class")]
        [InlineData("Api Errors")]
        public void An_invalid_class_name_is_reported(string className)
        {
            var properties = new Dictionary<string, string> { ["build_property.ErrorContractFactoriesClass"] = className };
            var (_, result) = GeneratorHost.Run("public class Marker { }", TestContracts.Artworks, properties);
            Assert.Empty(result.GeneratedSources);
            Assert.Equal("EC0018", Assert.Single(result.Diagnostics).Id);
        }

        [Theory]
        [InlineData("{ \"statuses\": { \"404\": ")]
        [InlineData("{ \"statuses\": { \"abc\": { } } }")]
        [InlineData("[]")]
        [InlineData("")]
        public void A_broken_contract_generates_nothing_and_reports_nothing(string contract)
        {
            var (output, result) = GeneratorHost.Run("namespace Project; public class Marker { }", contract);
            Assert.Empty(result.GeneratedSources);
            Assert.Empty(result.Diagnostics);
            Assert.Empty(GeneratorHost.Problems(output));
        }

        [Fact]
        public void Without_aspnetcore_or_without_a_contract_nothing_is_generated()
        {
            var (_, noAspNetCore) = GeneratorHost.Run("public class Marker { }", TestContracts.Artworks, references: TestReferences.NetCore);
            Assert.Empty(noAspNetCore.GeneratedSources);
            var (_, noContract) = GeneratorHost.Run("public class Marker { }", null);
            Assert.Empty(noContract.GeneratedSources);
        }

        [Fact]
        public void Before_csharp_11_the_results_do_not_describe_themselves_to_openapi_and_still_compile()
        {
            var (output, result) = GeneratorHost.Run("namespace Project; public class Marker { }", TestContracts.Artworks, language: LanguageVersion.CSharp10);
            Assert.DoesNotContain("IEndpointMetadataProvider", Assert.Single(result.GeneratedSources).SourceText.ToString());
            Assert.Empty(GeneratorHost.Problems(output));
        }

        [Fact]
        public void A_minimal_api_programs_top_level_statements_name_the_class_without_a_using()
        {
            // Program.cs of `dotnet new web` is in the global namespace; the class is in the root namespace.
            const string program = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                var app = WebApplication.Create(args);
                app.MapGet("/artworks/{id}", (int id) => ApiErrors.NotFound("Artwork not found"));
                app.Run();
                """;
            var (output, _) = GeneratorHost.Run(program, TestContracts.Artworks, kind: OutputKind.ConsoleApplication);
            Assert.Empty(GeneratorHost.Problems(output));
        }

        [Theory]
        [InlineData("ApiErrors", "public class Marker { }")]
        [InlineData("ApiErrors.Web", "public class Marker { }")]
        [InlineData("Project", "public class ApiErrors { } public class Marker { }")]
        [InlineData("Project", "namespace ApiErrors.Models { public class Marker { } }")]
        public void No_global_alias_where_it_would_conflict_with_a_name_of_the_global_namespace(string rootNamespace, string source)
        {
            var properties = new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace };
            var (output, result) = GeneratorHost.Run(source, TestContracts.Artworks, properties);
            Assert.DoesNotContain("global using", Assert.Single(result.GeneratedSources).SourceText.ToString());
            Assert.Empty(GeneratorHost.Problems(output));
        }

        [Fact]
        public void Before_csharp_10_there_is_no_global_alias_and_the_class_still_compiles()
        {
            var (output, result) = GeneratorHost.Run("namespace Project { public class Marker { } }", TestContracts.Artworks, language: LanguageVersion.CSharp9);
            Assert.DoesNotContain("global using", Assert.Single(result.GeneratedSources).SourceText.ToString());
            Assert.Empty(GeneratorHost.Problems(output));
        }

        private static string[] Factories(INamedTypeSymbol type) =>
            type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).Select(m => m.Name).ToArray();

        private static string Argument(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_String => "\"text\"",
            SpecialType.System_Int64 => "30",
            SpecialType.System_Double => "1.5",
            SpecialType.System_Boolean => "true",
            _ when type.Name == "DateTimeOffset" => "System.DateTimeOffset.UtcNow",
            _ when type.Name == "IReadOnlyList" => "new[] { new ApiErrors.ValidationItem(\"name\", \"is required\", \"required\") }",
            _ => "new System.Collections.Generic.Dictionary<string, string[]> { [\"name\"] = new[] { \"is required\" } }",
        };
    }
}
