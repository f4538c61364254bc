using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Hostile;

internal static partial class Attacks
{
    /// <summary>The portal's own forms, posted with what no form on the page would send.</summary>
    private static IEnumerable<Attack> Pages()
    {
        yield return FormPost("form data that is not JSON", "Submit", _ => "{{{ 不是 JSON", "必填");
        yield return FormPost("form data that is a JSON array", "Submit", _ => "[1, 2, 3]", "必填");
        yield return FormPost("form data nested 100,000 deep", "Submit", _ => "{\"a\": " + new string('[', 100_000) + new string(']', 100_000) + "}", "必填");
        yield return FormPost("a draft field of 5 MB", "Save", _ => "{\"name\": \"" + new string('x', 5 * 1024 * 1024) + "\"}", "内容过大");
        yield return new Attack("a 40 MB file through the case page", async arena =>
        {
            var pages = await arena.PagesAsync("applicant");
            var form = new MultipartFormDataContent
            {
                { new StringContent(await pages.AntiforgeryTokenAsync($"/cases/{arena.Canary}")), "__RequestVerificationToken" },
                { new ByteArrayContent([.. Pdf, .. new byte[40 * 1024 * 1024]]), "uploads", "big.pdf" },
            };
            var request = new HttpRequestMessage(HttpMethod.Post, $"/cases/{arena.Canary}/Upload") { Content = form };
            request.Headers.ExpectContinue = true;
            return await pages.Http.SendAsync(request);
        }, "内容过大");
        yield return new Attack("form data for another district's task", async arena =>
        {
            var stranger = await arena.PagesAsync("applicant2");
            return await FollowAsync(stranger, await stranger.PostFormAsync("/cases", $"/cases/{arena.Canary}/Submit",
                new() { ["taskId"] = arena.CanaryTask.ToString(), ["formData"] = "{\"approved\": true}" }));
        }, NotYours);
        yield return new Attack("a sign-in with a 100,000-character email", async arena =>
        {
            var pages = new PageClient(arena.NewClient());
            return await pages.PostFormAsync("/login", "/login", new() { ["Email"] = new string('a', 100_000) + "@x.cn", ["Password"] = "x" });
        }, "电子邮箱或密码不正确");
    }

    /// <summary>The applicant posts <paramref name="formData"/> to the first step of a new certification case of theirs.</summary>
    private static Attack FormPost(string name, string handler, Func<Guid, string> formData, string says) => new(name, async arena =>
    {
        var started = await arena.Applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "certification" });
        started.EnsureSuccessStatusCode();
        var caseId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var task = await Arena.OpenTaskAsync(arena.Applicant, caseId);
        var pages = await arena.PagesAsync("applicant");
        return await FollowAsync(pages, await pages.PostFormAsync($"/cases/{caseId}", $"/cases/{caseId}/{handler}",
            new() { ["taskId"] = task.ToString(), ["formData"] = formData(caseId) }));
    }, says);

    private static async Task<HttpResponseMessage> FollowAsync(PageClient pages, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect ? await pages.Http.GetAsync(response.Headers.Location) : response;
}
