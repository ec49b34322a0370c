using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ErrorContract.Analyzers.Generation;
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
        // One instance per compilation, shared by every analyzer and fix that reads it (the compilation start actions
        // of three analyzers, the fixes): resolving the types is the costliest part of a compilation start, which runs
        // on every edit in the IDE. Keyed weakly, so the types go when the compilation goes.
        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> Cache = new ConditionalWeakTable<Compilation, WellKnownTypes>();
        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes>.CreateValueCallback Factory = c => new WellKnownTypes(c);

        private WellKnownTypes(Compilation compilation)
        {
            var lookup = new TypeLookup(compilation);
            SlowLookups = lookup.SlowLookups;
            SourceAssembly = compilation.Assembly;
            HttpResponse = lookup.Get(HttpAbstractions, "Microsoft.AspNetCore.Http.HttpResponse");
            HttpContext = lookup.Get(HttpAbstractions, "Microsoft.AspNetCore.Http.HttpContext");
            Authorization = AuthorizationTypes.Create(lookup);
            if (HttpResponse == null)
            {
                // Not an ASP.NET Core project: only the Authorization header types (HttpClient) can apply.
                ResultsUnions = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                ResultTypeStatuses = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
                ResponseCallTypes = ImmutableArray<INamedTypeSymbol>.Empty;
                Helpers = new HelperDiscovery(compilation, this);
                Pages = new PageDiscovery(compilation, lookup, this);
                return;
            }

            Configuration = new FrameworkConfigurationTypes(lookup);
            ControllerBase = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ControllerBase");
            Results = lookup.Get(HttpResults, "Microsoft.AspNetCore.Http.Results");
            TypedResults = lookup.Get(HttpResults, "Microsoft.AspNetCore.Http.TypedResults");
            StatusCodes = lookup.Get(HttpAbstractions, "Microsoft.AspNetCore.Http.StatusCodes");
            HttpStatusCode = lookup.Get("System.Net.Primitives", "System.Net.HttpStatusCode");
            ActionResultInterface = lookup.Get(MvcAbstractions, "Microsoft.AspNetCore.Mvc.IActionResult");
            ResultInterface = lookup.Get(HttpAbstractions, "Microsoft.AspNetCore.Http.IResult");
            ConvertToActionResult = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.Infrastructure.IConvertToActionResult");
            ObjectResult = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ObjectResult");
            StatusCodeResult = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.StatusCodeResult");
            JsonResult = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.JsonResult");
            ContentResult = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ContentResult");
            FilterContext = lookup.Get(MvcAbstractions, "Microsoft.AspNetCore.Mvc.Filters.FilterContext");
            EmptyResult = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.EmptyResult");
            ProblemDetails = lookup.Get(HttpAbstractions, "Microsoft.AspNetCore.Mvc.ProblemDetails");
            ProducesResponseTypeAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute");
            ProducesResponseTypeAttributeOfT = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute`1");
            BadHttpRequestException = lookup.Get(HttpAbstractions, "Microsoft.AspNetCore.Http.BadHttpRequestException");
            OpenApiRouteHandlerBuilderExtensions = lookup.Get("Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Http.OpenApiRouteHandlerBuilderExtensions");
            Task = lookup.Get(Runtime, "System.Threading.Tasks.Task");
            Task1 = lookup.Get(Runtime, "System.Threading.Tasks.Task`1");
            ValueTask = lookup.Get(Runtime, "System.Threading.Tasks.ValueTask");
            ValueTask1 = lookup.Get(Runtime, "System.Threading.Tasks.ValueTask`1");
            ModelStateDictionary = lookup.Get(MvcAbstractions, "Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary");
            SerializableError = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.SerializableError");
            HttpValidationProblemDetails = lookup.Get(HttpAbstractions, "Microsoft.AspNetCore.Http.HttpValidationProblemDetails");
            ProblemDetailsService = lookup.Get(HttpAbstractions, "Microsoft.AspNetCore.Http.IProblemDetailsService");
            HttpResponseJsonExtensions = lookup.Get("Microsoft.AspNetCore.Http.Extensions", "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions");
            HttpResponseWritingExtensions = lookup.Get(HttpAbstractions, "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions");
            JsonPropertyNameAttribute = lookup.Get(TextJson, "System.Text.Json.Serialization.JsonPropertyNameAttribute");
            JsonIgnoreAttribute = lookup.Get(TextJson, "System.Text.Json.Serialization.JsonIgnoreAttribute");
            JsonIncludeAttribute = lookup.Get(TextJson, "System.Text.Json.Serialization.JsonIncludeAttribute");
            JsonExtensionDataAttribute = lookup.Get(TextJson, "System.Text.Json.Serialization.JsonExtensionDataAttribute");
            JsonConverterAttribute = lookup.Get(TextJson, "System.Text.Json.Serialization.JsonConverterAttribute");
            JsonSerializer = lookup.Get(TextJson, "System.Text.Json.JsonSerializer");
            JsonSerializerOptions = lookup.Get(TextJson, "System.Text.Json.JsonSerializerOptions");
            JsonNamingPolicy = lookup.Get(TextJson, "System.Text.Json.JsonNamingPolicy");
            NewtonsoftJsonConvert = lookup.GetFromPackage("Newtonsoft.Json", "Newtonsoft.Json.JsonConvert");
            IEnumerable1 = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            IDictionary2 = lookup.Get(Runtime, "System.Collections.Generic.IDictionary`2");
            IReadOnlyDictionary2 = lookup.Get(Runtime, "System.Collections.Generic.IReadOnlyDictionary`2");
            IDictionary = lookup.Get(Runtime, "System.Collections.IDictionary");

            var unions = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            for (var arity = 2; arity <= 6; arity++)
            {
                var union = lookup.Get(HttpResults, UnionNames[arity - 2]);
                if (union != null)
                {
                    unions.Add(union);
                }
            }

            ResultsUnions = unions;

            var resultTypes = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
            foreach (var pair in StatusTables.MvcResultTypes)
            {
                var type = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc." + pair.Key);
                if (type != null)
                {
                    resultTypes[type] = pair.Value;
                }
            }

            foreach (var pair in StatusTables.HttpResultTypes)
            {
                var type = lookup.Get(HttpResults, "Microsoft.AspNetCore.Http.HttpResults." + pair.Key);
                if (type != null)
                {
                    resultTypes[type] = pair.Value;
                }
            }

            ResultTypeStatuses = resultTypes;

            var callTypes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var type in new[] { ControllerBase, Results, TypedResults, OpenApiRouteHandlerBuilderExtensions, HttpResponseJsonExtensions, HttpResponseWritingExtensions })
            {
                if (type != null)
                {
                    callTypes.Add(type);
                }
            }

            ResponseCallTypes = callTypes.ToImmutable();
            foreach (var type in ResponseCallTypes)
            {
                responseCallNameLengths |= NameLengthBit(type.Name);
            }

            Helpers = new HelperDiscovery(compilation, this);
            Pages = new PageDiscovery(compilation, lookup, this);
            endpoints = new System.Lazy<global::ErrorContract.Analyzers.Discovery.Endpoints.EndpointDiscovery>(() => new global::ErrorContract.Analyzers.Discovery.Endpoints.EndpointDiscovery(compilation, lookup, this), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private readonly System.Lazy<global::ErrorContract.Analyzers.Discovery.Endpoints.EndpointDiscovery>? endpoints;

        /// <summary>The endpoints of the compilation (what each declares and returns), made on the first question; null without ASP.NET Core.</summary>
        public global::ErrorContract.Analyzers.Discovery.Endpoints.EndpointDiscovery? Endpoints => endpoints?.Value;

        private const string Runtime = "System.Runtime";
        private const string TextJson = "System.Text.Json";
        internal const string HttpAbstractions = "Microsoft.AspNetCore.Http.Abstractions";
        private const string HttpResults = "Microsoft.AspNetCore.Http.Results";
        private const string MvcAbstractions = "Microsoft.AspNetCore.Mvc.Abstractions";
        internal const string MvcCore = "Microsoft.AspNetCore.Mvc.Core";

        /// <summary>The types of this compilation (shared, resolved once). Never null; see <see cref="ForAspNetCore"/>.</summary>
        public static WellKnownTypes Get(Compilation compilation) => Cache.GetValue(compilation, Factory);

        /// <summary>The types of this compilation, or null when it does not reference ASP.NET Core.</summary>
        public static WellKnownTypes? ForAspNetCore(Compilation compilation)
        {
            var types = Get(compilation);
            return types.HttpResponse == null ? null : types;
        }

        /// <summary>The JSON shapes of the types bodies are made of (<see cref="JsonShape.GetProperties"/>), computed once per type.</summary>
        internal ConcurrentDictionary<ITypeSymbol, IReadOnlyList<JsonMember>?> JsonShapes { get; } =
            new ConcurrentDictionary<ITypeSymbol, IReadOnlyList<JsonMember>?>(SymbolEqualityComparer.Default);

        /// <summary>
        /// What the creation of a type definition not based directly on object is as a response, from one walk up its bases
        /// (<see cref="ResponseDiscovery.FromObjectCreation"/>), decided once.
        /// </summary>
        internal ConcurrentDictionary<ITypeSymbol, ResponseDiscovery.CreatedResponse> CreatedTypes { get; } =
            new ConcurrentDictionary<ITypeSymbol, ResponseDiscovery.CreatedResponse>(SymbolEqualityComparer.Default);

        /// <summary>The Authorization header types (EC0003), or null when neither HttpClient's nor ASP.NET Core's are referenced.</summary>
        public AuthorizationTypes? Authorization { get; }

        /// <summary>The framework configuration APIs (EC0004–EC0008), or null without ASP.NET Core.</summary>
        public FrameworkConfigurationTypes? Configuration { get; }

        /// <summary>
        /// Development aid for the tests: the types that were not found in the assembly named for them and took the
        /// slow search of every reference (a type moved between assemblies, or not referenced at all).
        /// </summary>
        internal IReadOnlyList<string> SlowLookups { get; }

        public INamedTypeSymbol? HttpContext { get; }

        /// <summary><c>Microsoft.AspNetCore.Mvc.IActionResult</c>.</summary>
        public INamedTypeSymbol? ActionResultInterface { get; }

        /// <summary><c>Microsoft.AspNetCore.Http.IResult</c>.</summary>
        public INamedTypeSymbol? ResultInterface { get; }

        /// <summary><c>Microsoft.AspNetCore.Mvc.Infrastructure.IConvertToActionResult</c> (<c>ActionResult&lt;T&gt;</c>).</summary>
        public INamedTypeSymbol? ConvertToActionResult { get; }

        /// <summary>
        /// The framework types whose methods can decide a response when called: <c>ControllerBase</c>, <c>Results</c>,
        /// <c>TypedResults</c>, the endpoint metadata extensions and the response writers. None is generic.
        /// </summary>
        public ImmutableArray<INamedTypeSymbol> ResponseCallTypes { get; }

        /// <summary>
        /// Whether a call can decide a response: a method of a <see cref="ResponseCallTypes"/> type, a method of the project
        /// (a helper, <see cref="HelperDiscovery"/>), or neither (LINQ, string, a client library: most calls). Reads the
        /// method's type, whose name leaves most calls, then the type's assembly.
        /// </summary>
        public ResponseCallOwner OwnerOf(IMethodSymbol method)
        {
            // The type as it is: the six framework types are not generic, so a constructed type is never one of them, and its
            // name and assembly are its definition's.
            var type = method.ContainingType;
            if (type == null)
            {
                return ResponseCallOwner.None;
            }

            // The names first: a name is a field of the symbol, and it rules out almost every other type before any comparison
            // of symbols. Its length alone rules out most (string, Enumerable, List, Task, the project's services), without
            // reading the six types at all.
            var name = type.Name;
            if ((responseCallNameLengths & NameLengthBit(name)) != 0)
            {
                foreach (var callType in ResponseCallTypes)
                {
                    if (string.Equals(callType.Name, name, System.StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(callType, type))
                    {
                        return ResponseCallOwner.Framework;
                    }
                }
            }

            // A type read from metadata has a metadata token (a source type has none): calls into references leave on it,
            // before the walk up a metadata type's namespaces to its assembly. The assembly, not the declaring syntax, is
            // then compared: a source type's syntax references are a new array on each read.
            return type.MetadataToken == 0 && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, SourceAssembly)
                ? ResponseCallOwner.Project
                : ResponseCallOwner.None;
        }

        /// <summary>One bit per length of the names of <see cref="ResponseCallTypes"/> (lengths of 63 and more share the last).</summary>
        private readonly ulong responseCallNameLengths;

        private static ulong NameLengthBit(string name) => 1UL << (name.Length < 63 ? name.Length : 63);

        /// <summary>The compilation's own assembly: a call into it can only be a helper (<see cref="HelperDiscovery"/>).</summary>
        public IAssemblySymbol SourceAssembly { get; }

        private static readonly string[] UnionNames =
        {
            "Microsoft.AspNetCore.Http.HttpResults.Results`2",
            "Microsoft.AspNetCore.Http.HttpResults.Results`3",
            "Microsoft.AspNetCore.Http.HttpResults.Results`4",
            "Microsoft.AspNetCore.Http.HttpResults.Results`5",
            "Microsoft.AspNetCore.Http.HttpResults.Results`6",
        };

        /// <summary><c>Microsoft.AspNetCore.Http.HttpResponse</c>: null when the compilation does not reference ASP.NET Core.</summary>
        public INamedTypeSymbol? HttpResponse { get; }

        /// <summary>The project's own status helpers, summarised once per compilation.</summary>
        public HelperDiscovery Helpers { get; }

        /// <summary>Where the API ends: which endpoints are pages, decided once per method per compilation.</summary>
        public PageDiscovery Pages { get; }

        public INamedTypeSymbol? ControllerBase { get; }

        public INamedTypeSymbol? Results { get; }

        public INamedTypeSymbol? TypedResults { get; }

        public INamedTypeSymbol? StatusCodes { get; }

        public INamedTypeSymbol? HttpStatusCode { get; }

        public INamedTypeSymbol? ObjectResult { get; }

        public INamedTypeSymbol? StatusCodeResult { get; }

        public INamedTypeSymbol? JsonResult { get; }

        public INamedTypeSymbol? ContentResult { get; }

        /// <summary><c>Microsoft.AspNetCore.Mvc.Filters.FilterContext</c>: the base of every MVC filter's context (its <c>Result</c>).</summary>
        public INamedTypeSymbol? FilterContext { get; }

        /// <summary><c>Microsoft.AspNetCore.Mvc.EmptyResult</c>: a filter result that writes nothing.</summary>
        public INamedTypeSymbol? EmptyResult { get; }

        public INamedTypeSymbol? ProblemDetails { get; }

        public INamedTypeSymbol? ProducesResponseTypeAttribute { get; }

        public INamedTypeSymbol? ProducesResponseTypeAttributeOfT { get; }

        public INamedTypeSymbol? BadHttpRequestException { get; }

        public INamedTypeSymbol? OpenApiRouteHandlerBuilderExtensions { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? Task1 { get; }

        public INamedTypeSymbol? ValueTask { get; }

        public INamedTypeSymbol? ValueTask1 { get; }

        public INamedTypeSymbol? ModelStateDictionary { get; }

        public INamedTypeSymbol? SerializableError { get; }

        public INamedTypeSymbol? HttpValidationProblemDetails { get; }

        /// <summary><c>IProblemDetailsService</c>: its <c>WriteAsync</c> and <c>TryWriteAsync</c> write a problem to the response.</summary>
        public INamedTypeSymbol? ProblemDetailsService { get; }

        public INamedTypeSymbol? HttpResponseJsonExtensions { get; }

        public INamedTypeSymbol? HttpResponseWritingExtensions { get; }

        public INamedTypeSymbol? JsonPropertyNameAttribute { get; }

        public INamedTypeSymbol? JsonIgnoreAttribute { get; }

        public INamedTypeSymbol? JsonIncludeAttribute { get; }

        public INamedTypeSymbol? JsonExtensionDataAttribute { get; }

        public INamedTypeSymbol? JsonConverterAttribute { get; }

        /// <summary><c>System.Text.Json.JsonSerializer</c>: its <c>Serialize</c> makes JSON text by hand.</summary>
        public INamedTypeSymbol? JsonSerializer { get; }

        public INamedTypeSymbol? JsonSerializerOptions { get; }

        public INamedTypeSymbol? JsonNamingPolicy { get; }

        /// <summary><c>Newtonsoft.Json.JsonConvert</c>, or null when the project does not reference Newtonsoft.Json.</summary>
        public INamedTypeSymbol? NewtonsoftJsonConvert { get; }

        public INamedTypeSymbol? IEnumerable1 { get; }

        public INamedTypeSymbol? IDictionary2 { get; }

        public INamedTypeSymbol? IReadOnlyDictionary2 { get; }

        public INamedTypeSymbol? IDictionary { get; }

        /// <summary><c>Microsoft.AspNetCore.Http.HttpResults.Results&lt;T1, …&gt;</c>, unconstructed.</summary>
        public HashSet<INamedTypeSymbol> ResultsUnions { get; }

        /// <summary>Framework result types (MVC and minimal API) whose status is fixed by the type, unconstructed.</summary>
        public Dictionary<INamedTypeSymbol, int> ResultTypeStatuses { get; }

        /// <summary>
        /// The status a result type fixes: a framework result type's (<c>NotFound&lt;T&gt;</c>: 404), or a generated error
        /// factory's result (<c>ApiErrors.NotFoundResult</c>: 404).
        /// </summary>
        public bool TryGetResultTypeStatus(ITypeSymbol? type, out int status)
        {
            status = 0;
            return type is INamedTypeSymbol named
                && (ResultTypeStatuses.TryGetValue(named.OriginalDefinition, out status) || TryGetFactoryResultStatus(named, out status));
        }

        /// <summary>
        /// The status of a call of a generated error factory (<c>ApiErrors.NotFound("…")</c>: 404). Its result has the
        /// contract's status, body, content type and headers by construction: no rule judges it but the endpoint rules,
        /// which read its status.
        /// </summary>
        public bool TryGetFactoryStatus(IMethodSymbol method, out int status)
        {
            status = 0;
            return method.ContainingType is { IsStatic: true } type && IsFactoryClass(type) && TryGetFactoryResultStatus(method.ReturnType, out status);
        }

        /// <summary>A generated error factory's result (<c>ApiErrors.NotFoundResult</c>).</summary>
        public bool IsFactoryResult(ITypeSymbol? type) => TryGetFactoryResultStatus(type, out _);

        private bool TryGetFactoryResultStatus(ITypeSymbol? type, out int status)
        {
            // A nested class of a static class: rare, so most types leave on the first test, before any attribute is read.
            status = 0;
            if (!(type is INamedTypeSymbol { TypeKind: TypeKind.Class, ContainingType: { IsStatic: true } outer } named) || !IsFactoryClass(outer))
            {
                return false;
            }

            foreach (var member in named.GetMembers(FactoryPlan.StatusConstant))
            {
                if (member is IFieldSymbol { IsConst: true, ConstantValue: int value })
                {
                    status = value;
                    return true;
                }
            }

            return false;
        }

        /// <summary>The generated factory class (its <c>[GeneratedCode]</c> names this package), decided once per class.</summary>
        private bool IsFactoryClass(INamedTypeSymbol type) => factoryClasses.GetOrAdd(type, IsGeneratedFactoryClass);

        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> factoryClasses = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        private static readonly System.Func<INamedTypeSymbol, bool> IsGeneratedFactoryClass = FactorySettings.IsGenerated;

        public bool IsResultsUnion(ITypeSymbol? type)
        {
            // The name first: it is a field of the symbol, where the set lookup hashes the type's definition.
            return type is INamedTypeSymbol named && named.Name == "Results" && named.Arity > 1 && ResultsUnions.Contains(named.OriginalDefinition);
        }

        /// <summary><c>T</c> for <c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c>, else the type itself.</summary>
        /// <summary>
        /// True for <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c>: a value of one sent as a
        /// body is the task itself (its <c>Result</c>, <c>Status</c>, <c>IsFaulted</c>...), which is an <c>await</c> missing.
        /// </summary>
        public bool IsTask(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named) || (named.Name != "Task" && named.Name != "ValueTask"))
            {
                return false;
            }

            var definition = named.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(definition, Task)
                || SymbolEqualityComparer.Default.Equals(definition, Task1)
                || SymbolEqualityComparer.Default.Equals(definition, ValueTask)
                || SymbolEqualityComparer.Default.Equals(definition, ValueTask1);
        }

        public ITypeSymbol? UnwrapTask(ITypeSymbol? type)
        {
            // The name and arity, then the definition: IsGenericType walks the type arguments, TypeArguments makes a new array
            // on each read, and most types are no tasks.
            if (type is INamedTypeSymbol named && (named.Name == "Task" || named.Name == "ValueTask") && named.Arity == 1)
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

    /// <summary>See <see cref="WellKnownTypes.OwnerOf"/>.</summary>
    internal enum ResponseCallOwner
    {
        None,
        Framework,
        Project,
    }
}
