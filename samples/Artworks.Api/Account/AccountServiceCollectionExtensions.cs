using Artworks.Api.Account;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Microsoft.Extensions.DependencyInjection;

public static class AccountServiceCollectionExtensions
{
    /// <summary>The account area of the web UI: cookie sign-in, MVC views and Razor Pages beside the API.</summary>
    public static IServiceCollection AddAccountArea(this IServiceCollection services)
    {
        services.AddSingleton<AccountDirectory>();
        services.AddRazorPages();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/access-denied";
            });
        return services;
    }
}
