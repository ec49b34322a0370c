using System.Net.Http.Headers;
using System.Net.Http.Json;
using Artworks.Api.Models;

namespace Artworks.Api.Clients;

/// <summary>A small typed client for the Artworks API, as a partner service would write it.</summary>
public sealed class ArtworksClient(HttpClient http)
{
    // Compliant: contract A documents "Authorization: Bearer ak_live_...".
    public void UseApiKey(string apiKey) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

    public async Task<Artwork?> GetArtworkAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"artworks/{Uri.EscapeDataString(id)}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Artwork>(cancellationToken);
    }

    // Sends the bare key: contract A requires the Bearer scheme.
    public async Task<Artwork?> CreateArtworkAsync(string apiKey, CreateArtwork artwork, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "artworks") { Content = JsonContent.Create(artwork) };
        request.Headers.TryAddWithoutValidation("Authorization", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Artwork>(cancellationToken);
    }
}
