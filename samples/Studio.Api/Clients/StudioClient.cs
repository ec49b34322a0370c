using System.Net.Http.Headers;
using System.Net.Http.Json;
using Studio.Api.Models;

namespace Studio.Api.Clients;

/// <summary>A small typed client for the Studio API.</summary>
public sealed class StudioClient(HttpClient http)
{
    // Compliant: contract B sends the bare key, "Authorization: YOUR_API_KEY".
    public void UseApiKey(string apiKey) =>
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);

    // Sends "Bearer <key>": contract B says not to use the Bearer prefix.
    public async Task<Generation?> GenerateAsync(string apiKey, GenerationRequest request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "generations") { Content = JsonContent.Create(request) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await http.SendAsync(message, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.PaymentRequired)
        {
            var error = await response.Content.ReadFromJsonAsync<ErrorBody>(cancellationToken);
            throw new InvalidOperationException(error?.Message ?? "Not enough credits");
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Generation>(cancellationToken);
    }

    public Task<Generation?> GetGenerationAsync(string id, CancellationToken cancellationToken = default) =>
        http.GetFromJsonAsync<Generation>($"generations/{Uri.EscapeDataString(id)}", cancellationToken);
}
