using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Threading.Tasks;
using ErrorContract.Analyzers.Contract;
using ErrorContract.Analyzers.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ErrorContract.Analyzers.Tests.Generation
{
    /// <summary>
    /// The generated factories run: every factory of every sample contract is called and its result executed as a minimal-API
    /// result, as a controller result and as a write to a response, in an application whose JSON naming policy would rename
    /// every field. The response's status, content type, headers and body are checked against the contract itself.
    /// </summary>
    public class GeneratedFactoryRuntimeTests
    {
        public static IEnumerable<object[]> Ways => TestContracts.Names.SelectMany(n => new[] { new object[] { n, "IResult" }, new object[] { n, "IActionResult" }, new object[] { n, "HttpResponse" } });

        [Theory]
        [MemberData(nameof(Ways))]
        public async Task Every_factory_writes_exactly_the_documented_status_body_content_type_and_headers(string name, string way)
        {
            var contractText = TestContracts.Get(name);
            var contract = ContractParser.Parse(contractText).Contract!;
            var assembly = Load(contractText);
            var factories = assembly.GetType("Project.ApiErrors")!.GetMethods(BindingFlags.Public | BindingFlags.Static);
            Assert.Equal(contract.Statuses.Values.Where(s => s.Code >= 400).Sum(s => Math.Max(1, s.ErrorCodes.Length)), factories.Length);
            foreach (var factory in factories)
            {
                foreach (var everyValue in new[] { false, true })
                {
                    var result = factory.Invoke(null, factory.GetParameters().Select(p => everyValue || !p.IsOptional ? Value(p.ParameterType, assembly) : null).ToArray())!;
                    var response = await ExecuteAsync(result, way);
                    var status = (int)result.GetType().GetField("Status")!.GetValue(null)!;
                    var what = factory.Name + (everyValue ? " with every value" : " with the required values");
                    Assert.True(contract.Statuses.ContainsKey(status), what);
                    Assert.Equal(status, response.StatusCode);
                    Assert.Equal(contract.ErrorContentType ?? (contract.ErrorBody.IsProblemDetails ? "application/problem+json" : "application/json"), response.ContentType);
                    foreach (var header in contract.Headers.RequiredFor(status))
                    {
                        Assert.True(response.Headers.ContainsKey(header.Name), what + ": header " + header.Name);
                    }

                    response.Body.Position = 0;
                    using var json = JsonDocument.Parse(response.Body);
                    Assert.Equal(string.Empty, BodyProblems(contract, status, json.RootElement));

                    // The body object serialized by any serializer settings keeps the contract's names too (its OpenAPI schema).
                    var body = result.GetType().GetProperty("Body")!.GetValue(result)!;
                    var renamed = JsonSerializer.SerializeToElement(body, body.GetType(), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper });
                    Assert.Equal(Names(json.RootElement), Names(renamed));
                }
            }
        }

        [Fact]
        public void A_result_type_describes_its_status_body_and_content_type_to_openapi()
        {
            var assembly = Load(TestContracts.Get("problem-details"));
            var factory = assembly.GetType("Project.ApiErrors")!.GetMethod("NotFound")!;
            var builder = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/"), 0);
            RequestDelegateFactory.InferMetadata(factory, new RequestDelegateFactoryOptions { EndpointBuilder = builder, ServiceProvider = Services() });
            var produces = Assert.Single(builder.Metadata.OfType<IProducesResponseTypeMetadata>(), m => m.StatusCode == 404);
            Assert.Equal("ErrorBody", produces.Type!.Name);
            Assert.Equal(new[] { "application/problem+json" }, produces.ContentTypes);
        }

        [Fact]
        public void A_body_field_the_contract_fixes_is_written_by_the_factory_and_seed_A_429_sends_its_header()
        {
            var assembly = Load(TestContracts.Artworks);
            var factory = assembly.GetType("Project.ApiErrors")!.GetMethod("RateLimited")!;
            var result = factory.Invoke(null, new object?[] { "Slow down", 30L, 1767225600L })!;
            Assert.Equal("{\"error\":\"rate_limited\",\"message\":\"Slow down\",\"retry_after\":30}", (string)result.GetType().GetMethod("ToJson")!.Invoke(result, null)!);
            var headers = (IReadOnlyDictionary<string, string>)result.GetType().GetProperty("Headers")!.GetValue(result)!;
            Assert.Equal("1767225600", headers["X-RateLimit-Reset"]);
        }

        /// <summary>What the body lacks or has too much against the contract, as text (empty when it complies).</summary>
        private static string BodyProblems(ErrorContractModel contract, int status, JsonElement body)
        {
            var expectation = ErrorBodyExpectation.For(contract, status);
            var problems = new List<string>();
            if (body.ValueKind != JsonValueKind.Object)
            {
                return "not an object";
            }

            if (expectation.Nested != null)
            {
                CheckObject(expectation.Nested, body, string.Empty, problems);
            }
            else
            {
                problems.AddRange(expectation.RequiredFields.Where(f => !body.TryGetProperty(f, out _)).Select(f => "missing " + f));
                problems.AddRange(body.EnumerateObject().Where(p => !expectation.IsAllowed(p.Name)).Select(p => "not allowed: " + p.Name));
            }

            var codePath = contract.ErrorBody.CodePath;
            if (!codePath.IsEmpty && !expectation.ErrorCodes.IsEmpty)
            {
                var value = body;
                foreach (var segment in codePath)
                {
                    value = value.GetProperty(segment);
                }

                if (!expectation.ErrorCodes.Contains(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()))
                {
                    problems.Add("code " + value.GetRawText() + " is not one of " + string.Join(", ", expectation.ErrorCodes));
                }
            }

            foreach (var field in contract.ErrorBody.Fields.Where(f => f.EqualsStatus && body.TryGetProperty(f.Name, out _)))
            {
                if (body.GetProperty(field.Name).GetInt32() != status)
                {
                    problems.Add(field.Name + " is not the status");
                }
            }

            return string.Join("; ", problems);
        }

        private static void CheckObject(ObjectExpectation shape, JsonElement value, string path, List<string> problems)
        {
            foreach (var required in shape.Required)
            {
                if (!value.TryGetProperty(required, out _))
                {
                    problems.Add("missing " + path + required);
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (!shape.IsAllowed(property.Name))
                {
                    problems.Add("not allowed: " + path + property.Name);
                }
                else if (shape.Child(property.Name) is ObjectExpectation child && property.Value.ValueKind == JsonValueKind.Object)
                {
                    CheckObject(child, property.Value, path + property.Name + ".", problems);
                }
            }
        }

        private static string[] Names(JsonElement element) =>
            element.ValueKind == JsonValueKind.Object
                ? element.EnumerateObject().SelectMany(p => new[] { p.Name }.Concat(Names(p.Value).Select(n => p.Name + "." + n))).ToArray()
                : Array.Empty<string>();

        private static async Task<HttpResponse> ExecuteAsync(object result, string way)
        {
            var context = new DefaultHttpContext { RequestServices = Services() };
            context.Response.Body = new MemoryStream();
            switch (way)
            {
                case "IResult":
                    await ((IResult)result).ExecuteAsync(context);
                    break;
                case "IActionResult":
                    await ((IActionResult)result).ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
                    break;
                default:
                    await (Task)result.GetType().GetMethod("WriteAsync")!.Invoke(result, new object[] { context.Response })!;
                    break;
            }

            return context.Response;
        }

        /// <summary>An application whose JSON settings rename every property (a factory's body must not follow them).</summary>
        private static IServiceProvider Services()
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper);
            services.AddControllers().AddJsonOptions(o => o.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper);
            return services.BuildServiceProvider();
        }

        private static object Value(Type type, Assembly assembly)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(string))
            {
                return "text";
            }

            if (underlying == typeof(long))
            {
                return 30L;
            }

            if (underlying == typeof(double))
            {
                return 1.5;
            }

            if (underlying == typeof(bool))
            {
                return true;
            }

            if (underlying == typeof(DateTimeOffset))
            {
                return new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
            }

            if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                var itemType = underlying.GetGenericArguments()[0];
                var item = Activator.CreateInstance(itemType, itemType.GetConstructors()[0].GetParameters().Select(_ => (object)"text").ToArray())!;
                var array = Array.CreateInstance(itemType, 1);
                array.SetValue(item, 0);
                return array;
            }

            return new Dictionary<string, string[]> { ["name"] = new[] { "is required" } };
        }

        private static Assembly Load(string contract)
        {
            var (output, _) = GeneratorHost.Run("namespace Project; public class Marker { }", contract);
            using var stream = new MemoryStream();
            var emitted = output.Emit(stream);
            Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
            stream.Position = 0;
            return new AssemblyLoadContext("factories", isCollectible: true).LoadFromStream(stream);
        }
    }
}
