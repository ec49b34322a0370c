using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery.Endpoints
{
    /// <summary>
    /// The framework types that say what an endpoint declares (response metadata attributes, API conventions, endpoint
    /// metadata builders) and which statuses the framework answers with itself (authorization, binding, rate limiting).
    /// Resolved once per compilation, on the first question of the endpoint rules.
    /// </summary>
    internal sealed class EndpointTypes
    {
        private const string MvcCore = WellKnownTypes.MvcCore;
        private const string Routing = "Microsoft.AspNetCore.Routing";

        internal EndpointTypes(TypeLookup lookup, WellKnownTypes types)
        {
            Base = types;
            ProducesResponseType = types.ProducesResponseTypeAttribute;
            ProducesResponseTypeOfT = types.ProducesResponseTypeAttributeOfT;
            ProducesDefaultResponseType = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ProducesDefaultResponseTypeAttribute");
            Produces = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ProducesAttribute");
            ApiResponseMetadataProvider = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ApiExplorer.IApiResponseMetadataProvider");
            ApiConventionMethod = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ApiConventionMethodAttribute");
            ApiConventionType = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ApiConventionTypeAttribute");
            ApiConventionNameMatch = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatchAttribute");
            ApiConventionTypeMatch = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionTypeMatchAttribute");
            ControllerAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
            NonControllerAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            NonActionAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
            ApiBehaviorMetadata = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.Infrastructure.IApiBehaviorMetadata");
            ConsumesAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ConsumesAttribute");
            FilterCollection = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.Filters.FilterCollection");
            AuthorizeData = lookup.GetFromPackage("Microsoft.AspNetCore.Metadata", "Microsoft.AspNetCore.Authorization.IAuthorizeData");
            EnableRateLimiting = lookup.GetFromPackage("Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute");
            RouteBuilderExtensions = lookup.Get(Routing, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            RouteGroupBuilder = lookup.Get(Routing, "Microsoft.AspNetCore.Routing.RouteGroupBuilder");
            OpenApiExtensions = types.OpenApiRouteHandlerBuilderExtensions;
            AuthorizationExtensions = lookup.GetFromPackage("Microsoft.AspNetCore.Authorization.Policy", "Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions");
            RateLimiterExtensions = lookup.GetFromPackage("Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Builder.RateLimiterEndpointConventionBuilderExtensions");
            WebApplication = lookup.GetFromPackage("Microsoft.AspNetCore", "Microsoft.AspNetCore.Builder.WebApplication");
            EndpointRouteBuilder = lookup.Get(Routing, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            CancellationToken = lookup.Get("System.Runtime", "System.Threading.CancellationToken");
        }

        public WellKnownTypes Base { get; }

        public INamedTypeSymbol? ProducesResponseType { get; }

        public INamedTypeSymbol? ProducesResponseTypeOfT { get; }

        public INamedTypeSymbol? ProducesDefaultResponseType { get; }

        /// <summary><c>[Produces(typeof(T))]</c>: declares 200.</summary>
        public INamedTypeSymbol? Produces { get; }

        /// <summary>What every response metadata attribute implements: one the reader does not know makes the endpoint open.</summary>
        public INamedTypeSymbol? ApiResponseMetadataProvider { get; }

        public INamedTypeSymbol? ApiConventionMethod { get; }

        public INamedTypeSymbol? ApiConventionType { get; }

        public INamedTypeSymbol? ApiConventionNameMatch { get; }

        public INamedTypeSymbol? ApiConventionTypeMatch { get; }

        public INamedTypeSymbol? ControllerAttribute { get; }

        public INamedTypeSymbol? NonControllerAttribute { get; }

        public INamedTypeSymbol? NonActionAttribute { get; }

        public INamedTypeSymbol? ApiBehaviorMetadata { get; }

        public INamedTypeSymbol? ConsumesAttribute { get; }

        public INamedTypeSymbol? FilterCollection { get; }

        public INamedTypeSymbol? AuthorizeData { get; }

        public INamedTypeSymbol? EnableRateLimiting { get; }

        /// <summary><c>EndpointRouteBuilderExtensions</c>: <c>MapGet</c>, <c>MapPost</c>, … and <c>MapGroup</c>.</summary>
        public INamedTypeSymbol? RouteBuilderExtensions { get; }

        public INamedTypeSymbol? RouteGroupBuilder { get; }

        /// <summary><c>Produces</c>, <c>ProducesProblem</c>, <c>ProducesValidationProblem</c>.</summary>
        public INamedTypeSymbol? OpenApiExtensions { get; }

        /// <summary><c>RequireAuthorization</c>.</summary>
        public INamedTypeSymbol? AuthorizationExtensions { get; }

        /// <summary><c>RequireRateLimiting</c>.</summary>
        public INamedTypeSymbol? RateLimiterExtensions { get; }

        public INamedTypeSymbol? WebApplication { get; }

        /// <summary><c>IEndpointRouteBuilder</c>: the parameter type of the project's mapping methods (<c>MapTools(this IEndpointRouteBuilder app)</c>).</summary>
        public INamedTypeSymbol? EndpointRouteBuilder { get; }

        public INamedTypeSymbol? CancellationToken { get; }

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type != null && expected != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
    }
}
