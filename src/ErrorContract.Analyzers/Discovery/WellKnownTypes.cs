using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// The ASP.NET Core types the discovery matches, resolved once per compilation. Matching is always by
    /// symbol, never by name, so a project's own <c>Results&lt;T&gt;</c> or <c>NotFound()</c> is never mistaken
    /// for the framework's.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        private WellKnownTypes(Compilation compilation, INamedTypeSymbol httpResponse)
        {
            // Compilation.GetTypeByMetadataName searches every reference (hundreds in an ASP.NET Core project) and
            // caches only by string instance, so each type is looked up first in the assembly that defines it in
            // ASP.NET Core (one dictionary lookup), and in the whole compilation only when it is not there.
            HttpResponse = httpResponse;
            Helpers = new HelperDiscovery(compilation);
            var httpAbstractions = httpResponse.ContainingAssembly;
            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            Results = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Results");
            var mvcCore = ControllerBase?.ContainingAssembly;
            var httpResults = Results?.ContainingAssembly;
            var runtime = compilation.ObjectType.ContainingAssembly;
            TypedResults = Get(compilation, httpResults, "Microsoft.AspNetCore.Http.TypedResults");
            StatusCodes = Get(compilation, httpAbstractions, "Microsoft.AspNetCore.Http.StatusCodes");
            HttpStatusCode = compilation.GetTypeByMetadataName("System.Net.HttpStatusCode");
            ObjectResult = Get(compilation, mvcCore, "Microsoft.AspNetCore.Mvc.ObjectResult");
            StatusCodeResult = Get(compilation, mvcCore, "Microsoft.AspNetCore.Mvc.StatusCodeResult");
            JsonResult = Get(compilation, mvcCore, "Microsoft.AspNetCore.Mvc.JsonResult");
            ContentResult = Get(compilation, mvcCore, "Microsoft.AspNetCore.Mvc.ContentResult");
            ProblemDetails = Get(compilation, httpAbstractions, "Microsoft.AspNetCore.Mvc.ProblemDetails");
            ProducesResponseTypeAttribute = Get(compilation, mvcCore, "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute");
            ProducesResponseTypeAttributeOfT = Get(compilation, mvcCore, "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute`1");
            BadHttpRequestException = Get(compilation, httpAbstractions, "Microsoft.AspNetCore.Http.BadHttpRequestException");
            OpenApiRouteHandlerBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.OpenApiRouteHandlerBuilderExtensions");
            Task1 = Get(compilation, runtime, "System.Threading.Tasks.Task`1");
            ValueTask1 = Get(compilation, runtime, "System.Threading.Tasks.ValueTask`1");
            ModelStateDictionary = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary");
            SerializableError = Get(compilation, mvcCore, "Microsoft.AspNetCore.Mvc.SerializableError");
            HttpValidationProblemDetails = Get(compilation, httpAbstractions, "Microsoft.AspNetCore.Http.HttpValidationProblemDetails");
            HttpResponseJsonExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponseJsonExtensions");
            HttpResponseWritingExtensions = Get(compilation, httpAbstractions, "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions");
            var json = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
            JsonPropertyNameAttribute = json;
            JsonIgnoreAttribute = Get(compilation, json?.ContainingAssembly, "System.Text.Json.Serialization.JsonIgnoreAttribute");
            JsonIncludeAttribute = Get(compilation, json?.ContainingAssembly, "System.Text.Json.Serialization.JsonIncludeAttribute");
            JsonExtensionDataAttribute = Get(compilation, json?.ContainingAssembly, "System.Text.Json.Serialization.JsonExtensionDataAttribute");
            JsonConverterAttribute = Get(compilation, json?.ContainingAssembly, "System.Text.Json.Serialization.JsonConverterAttribute");
            IEnumerable1 = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            IDictionary2 = Get(compilation, runtime, "System.Collections.Generic.IDictionary`2");
            IReadOnlyDictionary2 = Get(compilation, runtime, "System.Collections.Generic.IReadOnlyDictionary`2");
            IDictionary = Get(compilation, runtime, "System.Collections.IDictionary");

            var unions = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            for (var arity = 2; arity <= 6; arity++)
            {
                var union = Get(compilation, httpResults, UnionNames[arity - 2]);
                if (union != null)
                {
                    unions.Add(union);
                }
            }

            ResultsUnions = unions;

            var resultTypes = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
            foreach (var pair in StatusTables.MvcResultTypes)
            {
                var type = Get(compilation, mvcCore, "Microsoft.AspNetCore.Mvc." + pair.Key);
                if (type != null)
                {
                    resultTypes[type] = pair.Value;
                }
            }

            foreach (var pair in StatusTables.HttpResultTypes)
            {
                var type = Get(compilation, httpResults, "Microsoft.AspNetCore.Http.HttpResults." + pair.Key);
                if (type != null)
                {
                    resultTypes[type] = pair.Value;
                }
            }

            ResultTypeStatuses = resultTypes;

            var assemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default) { compilation.Assembly };
            foreach (var type in new[] { ControllerBase, Results, TypedResults, OpenApiRouteHandlerBuilderExtensions, HttpResponseJsonExtensions, HttpResponseWritingExtensions })
            {
                if (type != null)
                {
                    assemblies.Add(type.ContainingAssembly);
                }
            }

            InvocationAssemblies = assemblies;
        }

        /// <summary>
        /// The assemblies whose methods can decide a response: ASP.NET Core's result and response APIs, and this
        /// compilation (its own helpers). A call into any other assembly (LINQ, string, a client library) is left at once.
        /// </summary>
        public HashSet<IAssemblySymbol> InvocationAssemblies { get; }

        private static readonly string[] UnionNames =
        {
            "Microsoft.AspNetCore.Http.HttpResults.Results`2",
            "Microsoft.AspNetCore.Http.HttpResults.Results`3",
            "Microsoft.AspNetCore.Http.HttpResults.Results`4",
            "Microsoft.AspNetCore.Http.HttpResults.Results`5",
            "Microsoft.AspNetCore.Http.HttpResults.Results`6",
        };

        public INamedTypeSymbol HttpResponse { get; }

        /// <summary>The project's own status helpers, summarised once per compilation.</summary>
        public HelperDiscovery Helpers { get; }

        public INamedTypeSymbol? ControllerBase { get; }

        public INamedTypeSymbol? Results { get; }

        public INamedTypeSymbol? TypedResults { get; }

        public INamedTypeSymbol? StatusCodes { get; }

        public INamedTypeSymbol? HttpStatusCode { get; }

        public INamedTypeSymbol? ObjectResult { get; }

        public INamedTypeSymbol? StatusCodeResult { get; }

        public INamedTypeSymbol? JsonResult { get; }

        public INamedTypeSymbol? ContentResult { get; }

        public INamedTypeSymbol? ProblemDetails { get; }

        public INamedTypeSymbol? ProducesResponseTypeAttribute { get; }

        public INamedTypeSymbol? ProducesResponseTypeAttributeOfT { get; }

        public INamedTypeSymbol? BadHttpRequestException { get; }

        public INamedTypeSymbol? OpenApiRouteHandlerBuilderExtensions { get; }

        public INamedTypeSymbol? Task1 { get; }

        public INamedTypeSymbol? ValueTask1 { get; }

        public INamedTypeSymbol? ModelStateDictionary { get; }

        public INamedTypeSymbol? SerializableError { get; }

        public INamedTypeSymbol? HttpValidationProblemDetails { get; }

        public INamedTypeSymbol? HttpResponseJsonExtensions { get; }

        public INamedTypeSymbol? HttpResponseWritingExtensions { get; }

        public INamedTypeSymbol? JsonPropertyNameAttribute { get; }

        public INamedTypeSymbol? JsonIgnoreAttribute { get; }

        public INamedTypeSymbol? JsonIncludeAttribute { get; }

        public INamedTypeSymbol? JsonExtensionDataAttribute { get; }

        public INamedTypeSymbol? JsonConverterAttribute { get; }

        public INamedTypeSymbol? IEnumerable1 { get; }

        public INamedTypeSymbol? IDictionary2 { get; }

        public INamedTypeSymbol? IReadOnlyDictionary2 { get; }

        public INamedTypeSymbol? IDictionary { get; }

        /// <summary><c>Microsoft.AspNetCore.Http.HttpResults.Results&lt;T1, …&gt;</c>, unconstructed.</summary>
        public HashSet<INamedTypeSymbol> ResultsUnions { get; }

        /// <summary>Framework result types (MVC and minimal API) whose status is fixed by the type, unconstructed.</summary>
        public Dictionary<INamedTypeSymbol, int> ResultTypeStatuses { get; }

        /// <summary>The types, or null when the compilation does not reference ASP.NET Core.</summary>
        public static WellKnownTypes? Create(Compilation compilation)
        {
            var httpResponse = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponse");
            if (httpResponse == null)
            {
                return null;
            }

            return new WellKnownTypes(compilation, httpResponse);
        }

        /// <summary>The type from <paramref name="assembly"/> (where ASP.NET Core defines it), else from the whole compilation.</summary>
        private static INamedTypeSymbol? Get(Compilation compilation, IAssemblySymbol? assembly, string metadataName)
        {
            var type = assembly?.GetTypeByMetadataName(metadataName);
            return type != null && type.DeclaredAccessibility == Accessibility.Public
                ? type
                : compilation.GetTypeByMetadataName(metadataName);
        }

        public bool TryGetResultTypeStatus(ITypeSymbol? type, out int status)
        {
            status = 0;
            return type is INamedTypeSymbol named && ResultTypeStatuses.TryGetValue(named.OriginalDefinition, out status);
        }

        public bool IsResultsUnion(ITypeSymbol? type)
        {
            return type is INamedTypeSymbol named && named.IsGenericType && ResultsUnions.Contains(named.OriginalDefinition);
        }

        /// <summary><c>T</c> for <c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c>, else the type itself.</summary>
        public ITypeSymbol? UnwrapTask(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol named && named.IsGenericType && named.TypeArguments.Length == 1)
            {
                var definition = named.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition, Task1) || SymbolEqualityComparer.Default.Equals(definition, ValueTask1))
                {
                    return named.TypeArguments[0];
                }
            }

            return type;
        }
    }
}
