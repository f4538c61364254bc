using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Hostile;

internal static partial class Attacks
{
    private const string NotYours = "不存在"; // 不存在或无权查看, 待办不存在，或不是您的待办, 页面不存在

    /// <summary>The canary's ids in every route, used by an applicant of another district or by a role that may not.</summary>
    private static IEnumerable<Attack> OtherOrganisations()
    {
        yield return AsStranger("GET another district's case", (c, a) => c.GetAsync($"/api/cases/{a.Canary}"));
        yield return AsStranger("GET its deadlines", (c, a) => c.GetAsync($"/api/cases/{a.Canary}/deadlines"));
        yield return AsStranger("GET its task", (c, a) => c.GetAsync($"/api/tasks/{a.CanaryTask}"));
        yield return AsStranger("GET its task's steps", (c, a) => c.GetAsync($"/api/tasks/{a.CanaryTask}/steps"));
        yield return AsStranger("GET its task's people", (c, a) => c.GetAsync($"/api/tasks/{a.CanaryTask}/people"));
        yield return AsStranger("withdraw it", (c, a) => c.PostAsJsonAsync($"/api/cases/{a.Canary}/withdraw", new { reason = "撤回" }));
        yield return AsStranger("claim its task", (c, a) => c.PostAsync($"/api/tasks/{a.CanaryTask}/claim", null));
        yield return AsStranger("complete its task", (c, a) => c.PostAsJsonAsync($"/api/tasks/{a.CanaryTask}/complete", new { comment = "越权" }));
        yield return AsStranger("urge its task", (c, a) => c.PostAsJsonAsync($"/api/tasks/{a.CanaryTask}/urge", new { comment = "催办" }));
        yield return new Attack("the applicant completes the district's review", arena =>
            arena.Applicant.PostAsJsonAsync($"/api/tasks/{arena.CanaryTask}/complete", new { variables = new { approved = true } }));
        yield return new Attack("an applicant cancels a case as if an administrator", arena =>
            arena.Applicant.PostAsJsonAsync($"/api/cases/{arena.Canary}/cancel", new { reason = "x" }));
        yield return new Attack("an applicant publishes a flow", arena =>
            arena.Applicant.PostAsJsonAsync("/api/definitions", new { xml = Support.Bpmn.Process("sneaky", """<startEvent id="s"/>""") }));
        yield return new Attack("an applicant moves the clock", arena =>
            arena.Applicant.PostAsJsonAsync("/api/clock/advance", new { days = 400 }));
        yield return new Attack("nobody signed in reads the case", arena => arena.Anonymous.GetAsync($"/api/cases/{arena.Canary}"));
        yield return new Attack("the case page of another district", async arena =>
            await (await arena.PagesAsync("applicant2")).Http.GetAsync($"/cases/{arena.Canary}"), NotYours);
    }

    /// <summary>
    /// Every API route that takes an id, as the host maps it (a route added later is covered too), called by the
    /// applicant of another district with each id of another organisation's records (the canary case, its task, a
    /// home, a 科协代表之家) in every id of the route.
    /// </summary>
    private static IEnumerable<Attack> EveryRoute(Arena arena)
    {
        var routes = arena.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RoutePattern.RawText.Contains(":guid}", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (method, e.RoutePattern.RawText!)))
            .Distinct().OrderBy(r => r.Item2).ToList();
        routes.Should().HaveCountGreaterThan(20, "the host maps its routes with ids");
        foreach (var (method, pattern) in routes)
        {
            foreach (var (what, id) in new[]
                     {
                         ("case", (Func<Arena, Guid>)(a => a.Canary)), ("task", a => a.CanaryTask), ("home", a => a.Home),
                         ("representative home", a => a.RepresentativeHome),
                     })
            {
                yield return new Attack($"{method} {pattern} with another district's {what} id", a =>
                {
                    var url = GuidParameter().Replace(pattern, id(a).ToString());
                    var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (method != "GET") request.Content = JsonContent.Create(new { reason = "越权", comment = "越权" });
                    return a.Stranger.SendAsync(request);
                });
            }
        }
    }

    [GeneratedRegex(@"\{[A-Za-z]+:guid\}")]
    private static partial Regex GuidParameter();

    private static Attack AsStranger(string name, Func<HttpClient, Arena, Task<HttpResponseMessage>> send) =>
        new(name, arena => send(arena.Stranger, arena), NotYours);
}
