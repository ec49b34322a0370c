using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// The ASP.NET Core configuration APIs whose defaults write responses no endpoint code wrote
    /// (automatic 400s, ProblemDetails, status code pages, timeouts, rate limiting, Bearer handlers),
    /// resolved once per compilation. Every member is null when its assembly is not referenced.
    /// </summary>
    internal sealed class FrameworkConfigurationTypes
    {
        private FrameworkConfigurationTypes(Compilation compilation)
        {
            ApiControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            ApiBehaviorOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiBehaviorOptions");
            MvcServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions");
            MvcCoreServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.MvcCoreServiceCollectionExtensions");
            ProblemDetailsServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ProblemDetailsServiceCollectionExtensions");
            StatusCodePagesExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.StatusCodePagesExtensions");
            ExceptionHandlerExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.ExceptionHandlerExtensions");
            ExceptionHandlerServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ExceptionHandlerServiceCollectionExtensions");
            ExceptionHandlerOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.ExceptionHandlerOptions");
            DeveloperExceptionPageExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.DeveloperExceptionPageExtensions");
            RequestTimeoutsExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.RequestTimeoutsIServiceCollectionExtensions");
            RequestTimeoutPolicy = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy");
            RateLimiterServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.RateLimiterServiceCollectionExtensions");
            RateLimiterOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.RateLimiterOptions");
            JwtBearerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.JwtBearerExtensions");
            BearerTokenExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.BearerTokenExtensions");
        }

        public INamedTypeSymbol? ApiControllerAttribute { get; }

        public INamedTypeSymbol? ApiBehaviorOptions { get; }

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

        /// <summary>The types of this compilation, or null when it does not reference ASP.NET Core's HTTP abstractions.</summary>
        public static FrameworkConfigurationTypes? Create(Compilation compilation)
        {
            if (compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponse") == null)
            {
                return null;
            }

            return new FrameworkConfigurationTypes(compilation);
        }
    }
}
