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
            HttpResponse = httpResponse;
            Helpers = new HelperDiscovery(compilation);
            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            Results = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Results");
            TypedResults = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.TypedResults");
            StatusCodes = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.StatusCodes");
            HttpStatusCode = compilation.GetTypeByMetadataName("System.Net.HttpStatusCode");
            ObjectResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ObjectResult");
            StatusCodeResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.StatusCodeResult");
            JsonResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.JsonResult");
            ContentResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ContentResult");
            ProblemDetails = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ProblemDetails");
            ProducesResponseTypeAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute");
            ProducesResponseTypeAttributeOfT = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute`1");
            BadHttpRequestException = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.BadHttpRequestException");
            OpenApiRouteHandlerBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.OpenApiRouteHandlerBuilderExtensions");
            Task1 = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            ValueTask1 = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            ModelStateDictionary = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary");
            SerializableError = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.SerializableError");
            HttpValidationProblemDetails = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpValidationProblemDetails");
            HttpResponseJsonExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponseJsonExtensions");
            HttpResponseWritingExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponseWritingExtensions");
            JsonPropertyNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
            JsonIgnoreAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
            JsonIncludeAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIncludeAttribute");
            JsonExtensionDataAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonExtensionDataAttribute");
            JsonConverterAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConverterAttribute");
            IEnumerable1 = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            IDictionary2 = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
            IReadOnlyDictionary2 = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2");
            IDictionary = compilation.GetTypeByMetadataName("System.Collections.IDictionary");

            var unions = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            for (var arity = 2; arity <= 6; arity++)
            {
                var union = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResults.Results`" + arity);
                if (union != null)
                {
                    unions.Add(union);
                }
            }

            ResultsUnions = unions;

            var resultTypes = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
            foreach (var pair in StatusTables.MvcResultTypes)
            {
                var type = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc." + pair.Key);
                if (type != null)
                {
                    resultTypes[type] = pair.Value;
                }
            }

            foreach (var pair in StatusTables.HttpResultTypes)
            {
                var type = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResults." + pair.Key);
                if (type != null)
                {
                    resultTypes[type] = pair.Value;
                }
            }

            ResultTypeStatuses = resultTypes;
        }

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
