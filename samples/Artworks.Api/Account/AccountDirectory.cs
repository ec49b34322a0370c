using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Artworks.Api.Account;

/// <summary>The artists who sign in to the web UI (the API itself is called with an API key).</summary>
public sealed record ArtistAccount(string Id, string Email, string DisplayName, string PasswordHash);

public sealed class AccountDirectory
{
    private readonly ConcurrentDictionary<string, ArtistAccount> accounts = new(StringComparer.OrdinalIgnoreCase);

    public ArtistAccount? FindById(string id) => accounts.Values.FirstOrDefault(account => account.Id == id);

    public Task<ClaimsPrincipal?> ValidateAsync(string email, string password)
    {
        if (!accounts.TryGetValue(email, out var account) || !PasswordMatches(account, password))
        {
            return Task.FromResult<ClaimsPrincipal?>(null);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id),
                new Claim(ClaimTypes.Name, account.DisplayName),
                new Claim(ClaimTypes.Email, account.Email),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return Task.FromResult<ClaimsPrincipal?>(new ClaimsPrincipal(identity));
    }

    private static bool PasswordMatches(ArtistAccount account, string password) =>
        account.PasswordHash == Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(password)));
}
