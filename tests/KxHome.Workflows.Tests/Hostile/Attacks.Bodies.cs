using System.Net;
using System.Net.Http.Json;
using System.Text;
using KxHome.Host.Identity;

namespace KxHome.Workflows.Tests.Hostile;

internal static partial class Attacks
{
    /// <summary>Request bodies that are broken, mistyped, nested without end or far too big, and a password guessed 100 times.</summary>
    private static IEnumerable<Attack> Bodies()
    {
        yield return Json("JSON cut off", "{\"definitionKey\": \"approval\"", "不是有效的 JSON");
        yield return Json("JSON with a number where a name belongs", "{\"definitionKey\": 123}", "“definitionKey”");
        yield return Json("JSON that is an array", "[1, 2, 3]", "不是有效的 JSON");
        yield return Json("an empty body", "", "缺少请求内容");
        yield return Json("JSON nested 100,000 deep", "{\"definitionKey\": \"approval\", \"x\": " + new string('[', 100_000) + new string(']', 100_000) + "}", "不是有效的 JSON");
        yield return new Attack("a 40 MB JSON body", arena => Huge(arena.Applicant, "/api/cases",
            "{\"definitionKey\": \"approval\", \"businessKey\": \"" + new string('x', 40 * 1024 * 1024) + "\"}"), "请求内容过大");
        yield return new Attack("task variables nested 100,000 deep", arena => arena.District.PostAsync($"/api/tasks/{arena.CanaryTask}/complete",
            Content("{\"variables\": {\"approved\": " + new string('[', 100_000) + new string(']', 100_000) + "}}")), "“variables.approved”");
        yield return new Attack("a business key of 1 MB", arena =>
            arena.Applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "approval", businessKey = new string('键', 1024 * 1024) }), "业务编号不能超过");
        yield return new Attack("a password guessed 100 times", async arena =>
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var guess = await arena.Anonymous.PostAsJsonAsync("/api/auth/login", new { email = "street@kxhome.demo", password = $"guess-{attempt}" });
                guess.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }
            return await arena.Anonymous.PostAsJsonAsync("/api/auth/login", new { email = "street@kxhome.demo", password = DemoData.Password });
        }, "账号已暂时锁定");
    }

    private static Attack Json(string name, string body, string says) => new(name, arena => arena.Applicant.PostAsync("/api/cases", Content(body)), says);

    /// <summary>
    /// A body far over the limit, sent as browsers and HTTP clients send big bodies (<c>Expect: 100-continue</c>), so
    /// that the refusal can arrive before the body is sent.
    /// </summary>
    private static Task<HttpResponseMessage> Huge(HttpClient client, string url, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Content(json) };
        request.Headers.ExpectContinue = true;
        return client.SendAsync(request);
    }

    private static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");
}
