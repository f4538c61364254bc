using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Host.Identity;

namespace KxHome.Workflows.Tests.Support;

/// <summary>Signs an API client in as a demo login (e.g. "applicant"): the token sign-in, then a bearer header.</summary>
public static class BearerClient
{
    public static async Task<HttpClient> SignInAsync(HttpClient client, string login)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{login}@kxhome.demo", password = DemoData.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
