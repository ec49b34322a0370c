using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// The ASP.NET Core configuration APIs whose defaults write responses no endpoint code wrote
    /// (automatic 400s, ProblemDetails, status code pages, timeouts, rate limiting, Bearer handlers),
    /// resolved once per compilation (<see cref="WellKnownTypes.Configuration"/>). Every member is null when its assembly is not referenced.
    /// </summary>
    internal sealed class FrameworkConfigurationTypes
    {
        private const string MvcCore = WellKnownTypes.MvcCore;
        private const string Diagnostics = "Microsoft.AspNetCore.Diagnostics";
        private const string RateLimiting = "Microsoft.AspNetCore.RateLimiting";

        internal FrameworkConfigurationTypes(TypeLookup lookup)
        {
            ApiControllerAttribute = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            ApiBehaviorOptions = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ApiBehaviorOptions");
            ClientErrorData = lookup.Get(MvcCore, "Microsoft.AspNetCore.Mvc.ClientErrorData");
            ProblemDetailsOptions = lookup.Get("Microsoft.AspNetCore.Http.Extensions", "Microsoft.AspNetCore.Http.ProblemDetailsOptions");
            MvcServiceCollectionExtensions = lookup.Get("Microsoft.AspNetCore.Mvc", "Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions");
            MvcCoreServiceCollectionExtensions = lookup.Get(MvcCore, "Microsoft.Extensions.DependencyInjection.MvcCoreServiceCollectionExtensions");
            ProblemDetailsServiceCollectionExtensions = lookup.Get("Microsoft.AspNetCore.Http.Extensions", "Microsoft.Extensions.DependencyInjection.ProblemDetailsServiceCollectionExtensions");
            StatusCodePagesExtensions = lookup.Get(Diagnostics, "Microsoft.AspNetCore.Builder.StatusCodePagesExtensions");
            ExceptionHandlerExtensions = lookup.Get(Diagnostics, "Microsoft.AspNetCore.Builder.ExceptionHandlerExtensions");
            ExceptionHandlerServiceCollectionExtensions = lookup.Get(Diagnostics, "Microsoft.Extensions.DependencyInjection.ExceptionHandlerServiceCollectionExtensions");
            ExceptionHandlerOptions = lookup.Get(Diagnostics, "Microsoft.AspNetCore.Builder.ExceptionHandlerOptions");
            DeveloperExceptionPageExtensions = lookup.Get(Diagnostics, "Microsoft.AspNetCore.Builder.DeveloperExceptionPageExtensions");
            RequestTimeoutsExtensions = lookup.Get("Microsoft.AspNetCore.Http", "Microsoft.Extensions.DependencyInjection.RequestTimeoutsIServiceCollectionExtensions");
            RequestTimeoutPolicy = lookup.Get("Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy");
            RateLimiterServiceCollectionExtensions = lookup.Get(RateLimiting, "Microsoft.AspNetCore.Builder.RateLimiterServiceCollectionExtensions");
            RateLimiterOptions = lookup.Get(RateLimiting, "Microsoft.AspNetCore.RateLimiting.RateLimiterOptions");
            JwtBearerExtensions = lookup.GetFromPackage("Microsoft.AspNetCore.Authentication.JwtBearer", "Microsoft.Extensions.DependencyInjection.JwtBearerExtensions");
            BearerTokenExtensions = lookup.Get("Microsoft.AspNetCore.Authentication.BearerToken", "Microsoft.Extensions.DependencyInjection.BearerTokenExtensions");
        }

        public INamedTypeSymbol? ApiControllerAttribute { get; }

        public INamedTypeSymbol? ApiBehaviorOptions { get; }

        /// <summary><c>ApiBehaviorOptions.ClientErrorMapping[status]</c>: its <c>Link</c> is the <c>type</c> of the problem written for the status.</summary>
        public INamedTypeSymbol? ClientErrorData { get; }

        /// <summary><c>AddProblemDetails(options => …)</c>: its <c>CustomizeProblemDetails</c> rewrites every problem the framework writes.</summary>
        public INamedTypeSymbol? ProblemDetailsOptions { get; }

        public INamedTypeSymbol? MvcServiceCollectionExtensions { get; }

        public INamedTypeSymbol? MvcCoreServiceCollectionExtensions { get; }

        public INamedTypeSymbol? ProblemDetailsServiceCollectionExtensions { get; }

        public INamedTypeSymbol? StatusCodePagesExtensions { get; }

        public INamedTypeSymbol? ExceptionHandlerExtensions { get; }

        public INamedTypeSymbol? ExceptionHandlerServiceCollectionExtensions { get; }

        public INamedTypeSymbol? ExceptionHandlerOptions { get; }

        public INamedTypeSymbol? DeveloperExceptionPageExtensions { get; }

        public INamedTypeSymbol? RequestTimeoutsExtensions { get; }

        public INamedTypeSymbol? RequestTimeoutPolicy { get; }

        public INamedTypeSymbol? RateLimiterServiceCollectionExtensions { get; }

        public INamedTypeSymbol? RateLimiterOptions { get; }

        public INamedTypeSymbol? JwtBearerExtensions { get; }

        public INamedTypeSymbol? BearerTokenExtensions { get; }
    }
}
