using System.Net;
using System.Text.RegularExpressions;
using KxHome.Host.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KxHome.Workflows.Tests.Support;

/// <summary>A browser-like client of the pages: a cookie session, forms posted with their anti-forgery token.</summary>
public sealed partial class PageClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static async Task<PageClient> SignInAsync(WebApplicationFactory<Program> factory, string login)
    {
        var client = new PageClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var response = await client.PostFormAsync("/login", "/login", new() { ["Email"] = $"{login}@kxhome.demo", ["Password"] = DemoData.Password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the demo login signs in");
        return client;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The anti-forgery token of the form on <paramref name="pageUrl"/>.</summary>
    public async Task<string> AntiforgeryTokenAsync(string pageUrl)
    {
        var (_, html) = await GetAsync(pageUrl);
        var token = TokenPattern().Match(html);
        token.Success.Should().BeTrue($"{pageUrl} has a form with an anti-forgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Reads the page's anti-forgery token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string action, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(pageUrl) };
        return await Http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>Uploads files as the page's upload form does (field <c>uploads</c>), following the redirect.</summary>
    public async Task<string> UploadAsync(string pageUrl, string action, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await AntiforgeryTokenAsync(pageUrl)), "__RequestVerificationToken" } };
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), "uploads", name);
        var response = await Http.PostAsync(action, form);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "an upload answers with the case page");
        return (await GetAsync(response.Headers.Location!.ToString())).Html;
    }

    /// <summary>Posts and follows the redirect, giving the page people then see.</summary>
    public async Task<string> SubmitAsync(string pageUrl, string action, Dictionary<string, string> fields)
    {
        var response = await PostFormAsync(pageUrl, action, fields);
        if (response.StatusCode == HttpStatusCode.Redirect) return (await GetAsync(response.Headers.Location!.ToString())).Html;
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
