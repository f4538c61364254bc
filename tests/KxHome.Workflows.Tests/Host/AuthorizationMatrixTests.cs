using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using KxHome.Host.Identity;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

/// <summary>
/// Every API route of the host × every demo role × a member of another organisation: nobody reads or changes what is
/// not theirs. The route list is read from the running host, so a new route that nobody classified fails here.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncDisposable
{
    private enum Kind
    {
        /// <summary>Open to everyone (health, the API description, signing in).</summary>
        Public,

        /// <summary>Any signed-in person; the answer is limited to what they may see.</summary>
        SignedIn,

        /// <summary>Reads or changes one case (the route's id is the case).</summary>
        Case,

        /// <summary>Reads or changes one task (the route's id is the task).</summary>
        Task,

        /// <summary>Reads or changes one home (the route's id is the home).</summary>
        Home,

        /// <summary>Reads or changes one association (the route's id is the association).</summary>
        Association,

        /// <summary>Reads or changes one 科协代表之家 (the route's id is the representative home).</summary>
        Representative,

        /// <summary>Reads or changes one area's reports (the query names the case's district).</summary>
        Area,

        /// <summary>Administrators only.</summary>
        Administrator,
    }

    private static readonly Dictionary<string, Kind> Routes = new()
    {
        ["GET /health"] = Kind.Public,
        ["GET /openapi/{documentName}.json"] = Kind.Public,
        ["GET /api/programmes"] = Kind.SignedIn,
        ["POST /api/cases"] = Kind.SignedIn,
        ["GET /api/cases"] = Kind.SignedIn,
        ["GET /api/tasks"] = Kind.SignedIn,
        ["GET /api/definitions"] = Kind.SignedIn,
        ["GET /api/calendar"] = Kind.SignedIn,
        ["GET /api/clock"] = Kind.SignedIn,
        ["GET /api/cases/{id:guid}"] = Kind.Case,
        ["POST /api/cases/{id:guid}/withdraw"] = Kind.Case,
        ["POST /api/cases/{id:guid}/files"] = Kind.Case,
        ["GET /api/cases/{id:guid}/deadlines"] = Kind.Case,
        ["GET /api/tasks/{id:guid}"] = Kind.Task,
        ["GET /api/tasks/{id:guid}/steps"] = Kind.Task,
        ["GET /api/tasks/{id:guid}/people"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/claim"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/complete"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/approve"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/reject"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/return"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/correction"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/delegate"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/transfer"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/add-signer-before"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/add-signer-after"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/cc"] = Kind.Task,
        ["POST /api/tasks/{id:guid}/urge"] = Kind.Task,
        ["GET /api/definitions/{id}/xml"] = Kind.Administrator,
        ["POST /api/definitions"] = Kind.Administrator,
        ["POST /api/cases/{id:guid}/cancel"] = Kind.Administrator,
        ["POST /api/incidents/{id:guid}/retry"] = Kind.Administrator,
        ["POST /api/messages"] = Kind.Administrator,
        ["GET /api/deadlines"] = Kind.Administrator,
        ["POST /api/deadlines/{id:guid}/extend"] = Kind.Administrator,
        ["POST /api/deadlines/{id:guid}/pause"] = Kind.Administrator,
        ["POST /api/deadlines/{id:guid}/due-now"] = Kind.Administrator,
        ["POST /api/deadlines/{id:guid}/resume"] = Kind.Administrator,
        ["PUT /api/calendar/{year:int}"] = Kind.Administrator,
        ["POST /api/clock/advance"] = Kind.Administrator,
        ["GET /api/studio/flows"] = Kind.Administrator,
        ["GET /api/studio/templates"] = Kind.Administrator,
        ["POST /api/studio/check"] = Kind.Administrator,
        ["POST /api/studio/publish"] = Kind.Administrator,
        ["GET /api/studio/forms"] = Kind.Administrator,
        ["PUT /api/studio/drafts"] = Kind.Administrator,
        ["GET /api/studio/cases/{id:guid}/migration"] = Kind.Administrator,
        ["POST /api/studio/cases/{id:guid}/migration"] = Kind.Administrator,
        ["PUT /api/studio/forms"] = Kind.Administrator,
        ["GET /api/homes"] = Kind.SignedIn,
        ["GET /api/cultivation"] = Kind.SignedIn,
        ["GET /api/assessments"] = Kind.SignedIn,
        ["GET /api/policy/{ruleSet}/{year:int}"] = Kind.SignedIn,
        ["PUT /api/policy/{ruleSet}/{year:int}"] = Kind.Administrator,
        ["GET /api/homes/{id:guid}"] = Kind.Home,
        ["POST /api/homes/{id:guid}/events"] = Kind.Home,
        ["POST /api/homes/{id:guid}/events/{eventId:guid}/news"] = Kind.Home,
        ["POST /api/homes/{id:guid}/demands"] = Kind.Home,
        ["POST /api/homes/{id:guid}/demands/{demandId:guid}/response"] = Kind.Home,
        ["POST /api/homes/{id:guid}/monthly-reports"] = Kind.Home,
        ["GET /api/associations"] = Kind.SignedIn,
        ["GET /api/associations/filed"] = Kind.SignedIn,
        ["GET /api/cultivation-paths"] = Kind.SignedIn,
        ["GET /api/associations/{id:guid}"] = Kind.Association,
        ["POST /api/associations/{id:guid}/nominations"] = Kind.Association,
        ["POST /api/associations/{id:guid}/renewal"] = Kind.Association,
        ["GET /api/representative-calls"] = Kind.SignedIn,
        ["POST /api/representative-calls"] = Kind.SignedIn,
        ["GET /api/representative-homes"] = Kind.SignedIn,
        ["GET /api/representative-homes/{id:guid}"] = Kind.Representative,
        ["PUT /api/representative-homes/{id:guid}/representatives"] = Kind.Representative,
        ["GET /api/reports/year-end"] = Kind.Area,
        ["GET /api/reports/year-end.xlsx"] = Kind.Area,
        ["GET /api/reports/year-end/{table}.csv"] = Kind.Area,
        ["PUT /api/reports/year-end/figures"] = Kind.Area,
    };

    /// <summary>Logins of another organisation than the case's (another district, and a park in it).</summary>
    private static readonly string[] Outsiders = ["applicant2", "district2"];

    /// <summary>Every login that is not an administrator.</summary>
    private static readonly string[] NonAdministrators = ["applicant", "applicant2", "street", "district", "district2", "city", "party", "committee", "expert"];

    private readonly TestHost _host = new();

    /// <summary>A body that fills every field any route reads, so a refusal is about who asks, not about the input.</summary>
    private static JsonObject Body(string personId) => new()
    {
        ["comment"] = "越权尝试", ["reason"] = "越权尝试", ["personId"] = personId, ["targetElementId"] = "apply",
        ["definitionKey"] = "certification", ["xml"] = "<definitions/>", ["dueAt"] = "2030-01-01T00:00:00Z", ["by"] = "P1D",
        ["messageName"] = "m", ["year"] = 2026, ["variables"] = PortalPagesTests.ValidApplication(),
        ["heldOn"] = "2026-05-01", ["category"] = "TechSalon", ["title"] = "越权活动", ["participants"] = 10, ["raisedOn"] = "2026-05-01",
        ["topic"] = "越权需求", ["raisedBy"] = "越权者", ["month"] = 4, ["summary"] = "越权月报", ["respondedOn"] = "2026-05-02", ["outcome"] = "越权",
        ["values"] = new JsonObject { ["MinAreaM2"] = "31" },
    };

    private IReadOnlyList<(string Method, string Pattern)> ApiRoutes() =>
        _host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/api/auth") && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null
                        && !raw.StartsWith("/api/docs") && (raw.StartsWith("/api") || raw.StartsWith("/health") || raw.StartsWith("/openapi")))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'))))
            .Distinct().ToList();

    private static string Fill(string pattern, Guid caseId, Guid taskId, string homeId, Guid associationId, Guid representativeId) => pattern
        .Replace("/api/cases/{id:guid}", $"/api/cases/{caseId}")
        .Replace("/api/representative-homes/{id:guid}", $"/api/representative-homes/{representativeId}")
        .Replace("/api/associations/{id:guid}", $"/api/associations/{associationId}")
        .Replace("/api/tasks/{id:guid}", $"/api/tasks/{taskId}")
        .Replace("/api/homes/{id:guid}", $"/api/homes/{homeId}")
        .Replace("{id:guid}", Guid.NewGuid().ToString())
        .Replace("{eventId:guid}", Guid.NewGuid().ToString())
        .Replace("{demandId:guid}", Guid.NewGuid().ToString())
        .Replace("{table}", "1-1")
        .Replace("{id}", "certification:1")
        .Replace("{ruleSet}", "Jiading")
        .Replace("{year:int}", "2026")
        .Replace("{documentName}", "v1")
        + (pattern.StartsWith("/api/reports/") ? "?area=jd&year=2026" : "");

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path, JsonObject body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = JsonContent.Create(body);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A certification case of 嘉定工业区 submitted by its applicant, waiting at the street review.</summary>
    private async Task<(Guid CaseId, Guid TaskId)> SubmittedCaseAsync()
    {
        using var applicant = await _host.SignInAsync("applicant");
        var started = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "certification" });
        started.StatusCode.Should().Be(HttpStatusCode.Created);
        var caseId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        var apply = (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Single();
        (await applicant.PostAsJsonAsync($"/api/tasks/{apply.Id}/complete", new { variables = PortalPagesTests.ValidApplication() }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        return (caseId, await PortalPagesTests.OpenTaskIdAsync(_host, caseId));
    }

    private async Task<string> UserIdAsync(string login)
    {
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync($"{login}@kxhome.demo"))!.Id;
    }

    [Fact]
    public void Every_api_route_is_classified()
    {
        var unknown = ApiRoutes().Select(r => $"{r.Method} {r.Pattern}").Where(r => !Routes.ContainsKey(r)).ToList();

        unknown.Should().BeEmpty("every route must say who may use it; add it to the matrix");
        ApiRoutes().Should().HaveCount(Routes.Count, "no route in the matrix has gone");
    }

    [Fact]
    public async Task Nobody_reads_or_changes_a_case_that_is_not_theirs_and_only_administrators_administer()
    {
        var (caseId, taskId) = await SubmittedCaseAsync();
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        var before = await engine.Queries.GetInstanceAsync(caseId);
        var homeId = before.Variables["homeId"]!.GetValue<string>();
        var (seeded, renewalId) = await new AssociationDriver(new HomeDriver(_host)).SeedAssociationAsync(new DateOnly(2025, 1, 1)); // its 换届 waits until 2029
        var association = seeded.Id;
        var representative = (await RepresentativeDriver.SeedAsync(new HomeDriver(_host), "jd-industrial-park")).Id;
        var renewalBefore = (await engine.Queries.GetInstanceAsync(renewalId)).History.Count;
        var body = Body(await UserIdAsync("district2"));
        var failures = new List<string>();

        using var anonymous = _host.Factory.CreateClient();
        foreach (var (method, pattern) in ApiRoutes().Where(r => Routes[$"{r.Method} {r.Pattern}"] != Kind.Public))
        {
            var (status, _) = await SendAsync(anonymous, method, Fill(pattern, caseId, taskId, homeId, association, representative), body);
            if (status != HttpStatusCode.Unauthorized) failures.Add($"anonymous {method} {pattern}: {(int)status}");
        }
        foreach (var login in NonAdministrators)
        {
            using var client = await _host.SignInAsync(login);
            foreach (var (method, pattern) in ApiRoutes().Where(r => Routes[$"{r.Method} {r.Pattern}"] == Kind.Administrator))
            {
                var (status, _) = await SendAsync(client, method, Fill(pattern, caseId, taskId, homeId, association, representative), body);
                if (status != HttpStatusCode.Forbidden) failures.Add($"{login} {method} {pattern}: {(int)status}");
            }
        }
        foreach (var login in Outsiders)
        {
            using var client = await _host.SignInAsync(login);
            foreach (var (method, pattern) in ApiRoutes())
            {
                var kind = Routes[$"{method} {pattern}"];
                if (kind is Kind.Public or Kind.Administrator) continue;
                var (status, text) = await SendAsync(client, method, Fill(pattern, caseId, taskId, homeId, association, representative), body);
                if (kind is Kind.Case or Kind.Task or Kind.Home or Kind.Association or Kind.Representative or Kind.Area && status != HttpStatusCode.NotFound)
                {
                    failures.Add($"{login} {method} {pattern}: {(int)status}");
                }
                if (text.Contains(caseId.ToString()) || text.Contains(taskId.ToString()) || text.Contains(homeId) || text.Contains(association.ToString())
                    || text.Contains(representative.ToString()))
                {
                    failures.Add($"{login} {method} {pattern} shows the case");
                }
            }
        }

        failures.Should().BeEmpty();
        var after = await engine.Queries.GetInstanceAsync(caseId);
        after.History.Should().HaveCount(before.History.Count, "no refused request changed the case");
        var drive = new HomeDriver(_host);
        var home = Guid.Parse(homeId);
        (await drive.ReadAsync(db => Task.FromResult(db.ServiceEvents.Count(e => e.HomeId == home) + db.Demands.Count(d => d.HomeId == home) + db.MonthlyReports.Count(r => r.HomeId == home))))
            .Should().Be(0, "nobody outside the home wrote its ledgers");
        (await drive.ReadAsync(db => db.PolicySettings.CountAsync())).Should().Be(0, "only administrators change the rules");
        (await drive.ReadAsync(db => db.Nominations.CountAsync())).Should().Be(0, "nobody outside nominated");
        (await drive.ReadAsync(db => db.Representatives.CountAsync(r => r.HomeId == representative))).Should().Be(2, "nobody outside changed the representatives");
        (await drive.ReadAsync(db => db.Attachments.CountAsync())).Should().Be(0, "nobody outside uploaded");
        (await engine.Queries.GetInstanceAsync(renewalId)).History.Should().HaveCount(renewalBefore, "nobody outside started the association's 换届");
        (await engine.Queries.GetTaskAsync(taskId)).State.Should().Be(UserTaskState.Open);
        (await engine.Queries.GetTaskAsync(taskId)).Assignee.Should().BeNull("nobody outside claimed it");
    }

    [Fact]
    public async Task The_people_of_the_case_read_it_and_the_holder_acts_on_it()
    {
        var (caseId, taskId) = await SubmittedCaseAsync();

        foreach (var login in new[] { "applicant", "street", "district", "admin" })
        {
            using var client = await _host.SignInAsync(login);
            (await client.GetAsync($"/api/cases/{caseId}")).StatusCode.Should().Be(HttpStatusCode.OK, login);
        }
        using var applicant = await _host.SignInAsync("applicant");
        (await applicant.PostAsJsonAsync($"/api/tasks/{taskId}/approve", new { comment = "自己批自己" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "the street review is not the applicant's to act on");
        using var street = await _host.SignInAsync("street");
        var todo = await street.GetFromJsonAsync<JsonObject>("/api/tasks");
        todo!["items"]!.AsArray().Select(t => t!["id"]!.GetValue<Guid>()).Should().Contain(taskId);
        (await street.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { inCluster = true, approved = true, opinion = "材料齐全" } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var done = await street.GetFromJsonAsync<JsonObject>("/api/tasks?tab=done");
        done!["items"]!.AsArray().Select(t => t!["id"]!.GetValue<Guid>()).Should().Contain(taskId);
    }

    /// <summary>The pages, by route: what a person of another organisation tries on each.</summary>
    private static readonly Dictionary<string, string[]> PageAttempts = new()
    {
        ["/"] = [],
        ["/status/{code:int}"] = [],
        ["/results"] = [],
        ["/login"] = [],
        ["/logout"] = [],
        ["/cases"] = [],
        ["/inbox"] = [],
        ["/mail/act"] = [],
        ["/admin"] = ["GET /admin"],
        ["/studio/{handler?}"] = ["GET /studio", "POST /studio/republish"],
        ["/studio/cases/{id:guid}/{handler?}"] =
        [
            "GET /studio/cases/{case}", "GET /studio/cases/{case}?to=certification:1", "POST /studio/cases/{case}/cancel",
            "POST /studio/cases/{case}/retry", "POST /studio/cases/{case}/migrate",
        ],
        ["/studio/forms"] = ["GET /studio/forms", "GET /studio/forms?id=certification-apply"],
        ["/studio/compare"] = ["GET /studio/compare?from=certification:1&to=certification:1"],
        ["/studio/edit"] = ["GET /studio/edit", "GET /studio/edit?id=certification:1", "GET /studio/edit?draft=certification"],
        ["/cases/{id:guid}/{handler?}"] =
        [
            "GET /cases/{case}", "GET /cases/{case}/file?fileId={random}", "POST /cases/{case}/save", "POST /cases/{case}/submit",
            "POST /cases/{case}/upload", "POST /cases/{case}/deletefile", "POST /cases/{case}/withdraw", "POST /cases/{case}/urge",
        ],
        ["/tasks/{id:guid}/{handler?}"] = ["GET /tasks/{task}", "GET /tasks/{task}/file?fileId={random}", "POST /tasks/{task}"],
        ["/cases/{id:guid}/print"] = ["GET /cases/{case}/print"],
        ["/homes"] = [],
        ["/homes/assessments"] = [],
        ["/homes/cultivation"] = [],
        ["/homes/{id:guid}/{handler?}"] =
        [
            "GET /homes/{home}", "GET /homes/{home}/photo?eventId={random}&fileId={random}", "POST /homes/{home}/addevent",
            "POST /homes/{home}/reportnews", "POST /homes/{home}/adddemand", "POST /homes/{home}/respond", "POST /homes/{home}/submitreport",
            "POST /homes/{home}/pair", "POST /homes/{home}/cultivate", "POST /homes/{home}/urgenews",
        ],
        ["/admin/policy"] = ["GET /admin/policy", "POST /admin/policy?ruleSet=Jiading&year=2026"],
        ["/associations"] = [],
        ["/associations/{id:guid}/{handler?}"] =
        [
            "GET /associations/{association}", "POST /associations/{association}/nominate", "POST /associations/{association}/renew",
            "GET /associations/{association}/export?list=officers",
        ],
        ["/representatives"] = [],
        ["/representatives/{id:guid}/{handler?}"] = ["GET /representatives/{representative}", "POST /representatives/{representative}/representatives"],
        ["/reports/year-end/{handler?}"] =
        [
            "GET /reports/year-end?area=jd&year=2026", "POST /reports/year-end/figures?area=jd&year=2026", "POST /reports/year-end/open?area=jd&year=2026",
        ],
        ["/reports/dashboard"] = ["GET /reports/dashboard?area=jd"],
    };

    [Fact]
    public async Task A_person_of_another_organisation_gets_not_found_on_every_page_of_the_case_and_changes_nothing()
    {
        var (caseId, taskId) = await SubmittedCaseAsync();
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        var before = await engine.Queries.GetInstanceAsync(caseId);
        var homeId = before.Variables["homeId"]!.GetValue<string>();
        var (seeded, renewalId) = await new AssociationDriver(new HomeDriver(_host)).SeedAssociationAsync(new DateOnly(2025, 1, 1)); // its 换届 waits until 2029
        var association = seeded.Id;
        var representative = (await RepresentativeDriver.SeedAsync(new HomeDriver(_host), "jd-industrial-park")).Id;
        var renewalBefore = (await engine.Queries.GetInstanceAsync(renewalId)).History.Count;
        var pages = _host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/') is "" ? "/" : "/" + e.RoutePattern.RawText!.Trim('/')).Distinct().ToList();
        pages.Should().BeEquivalentTo(PageAttempts.Keys, "every page must say what an outsider tries on it");
        var failures = new List<string>();

        foreach (var login in Outsiders)
        {
            var client = await PageClient.SignInAsync(_host.Factory, login);
            foreach (var attempt in PageAttempts.Values.SelectMany(a => a))
            {
                var (method, url) = (attempt.Split(' ')[0], attempt.Split(' ')[1]
                    .Replace("{case}", caseId.ToString()).Replace("{task}", taskId.ToString()).Replace("{home}", homeId)
                    .Replace("{association}", association.ToString()).Replace("{representative}", representative.ToString())
                    .Replace("{random}", Guid.NewGuid().ToString()));
                var response = method == "GET"
                    ? await client.Http.GetAsync(url)
                    : await client.PostFormAsync("/inbox", url, new()
                    {
                        ["taskId"] = taskId.ToString(), ["FormData"] = PortalPagesTests.ValidApplication().ToJsonString(),
                        ["Action"] = "Approve", ["Comment"] = "越权", ["reason"] = "越权", ["id"] = "certification:1",
                        ["Event.Title"] = "越权", ["Event.HeldOn"] = "2026-05-06", ["Event.Category"] = "TechSalon", ["Event.Participants"] = "9",
                        ["Demand.Topic"] = "越权", ["Report.Month"] = "4", ["Report.Summary"] = "越权", ["values[MinInnovationEvents]"] = "0",
                        ["representatives"] = "越权：甲、乙、丙、丁、戊",
                    });
                if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"{login} {attempt}: {(int)response.StatusCode}");
            }
            foreach (var list in new[] { "/cases", "/inbox", "/inbox?tab=done", "/inbox?tab=cc", "/homes", "/homes/assessments", "/homes/cultivation", "/associations", "/representatives" })
            {
                var (_, html) = await client.GetAsync(list);
                if (html.Contains(caseId.ToString()) || html.Contains(taskId.ToString()) || html.Contains(homeId) || html.Contains(association.ToString())
                    || html.Contains(representative.ToString()))
                {
                    failures.Add($"{login} {list} shows the case");
                }
            }
        }

        failures.Should().BeEmpty();
        (await engine.Queries.GetInstanceAsync(caseId)).History.Should().HaveCount(before.History.Count, "no refused request changed the case");
        (await engine.Queries.GetInstanceAsync(renewalId)).History.Should().HaveCount(renewalBefore, "nobody outside started the association's 换届");
        (await new HomeDriver(_host).ReadAsync(db => db.Representatives.CountAsync(r => r.HomeId == representative))).Should().Be(2, "nobody outside changed the representatives");
    }

    [Fact]
    public async Task Every_form_refuses_a_post_without_its_anti_forgery_token_and_changes_nothing()
    {
        var (caseId, taskId) = await SubmittedCaseAsync();
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        var before = await engine.Queries.GetInstanceAsync(caseId);
        var homeId = before.Variables["homeId"]!.GetValue<string>();
        var (seeded, renewalId) = await new AssociationDriver(new HomeDriver(_host)).SeedAssociationAsync(new DateOnly(2025, 1, 1)); // its 换届 waits until 2029
        var association = seeded.Id;
        var representative = (await RepresentativeDriver.SeedAsync(new HomeDriver(_host), "jd-industrial-park")).Id;
        var renewalBefore = (await engine.Queries.GetInstanceAsync(renewalId)).History.Count;
        var posts = new (string Login, string Url)[]
        {
            ("applicant", $"/homes/{homeId}/addevent"), ("applicant", $"/homes/{homeId}/reportnews"), ("applicant", $"/homes/{homeId}/adddemand"),
            ("applicant", $"/homes/{homeId}/respond"), ("applicant", $"/homes/{homeId}/submitreport"), ("applicant", $"/homes/{homeId}/pair"), ("applicant", $"/homes/{homeId}/cultivate"),
            ("admin", "/admin/policy?ruleSet=Jiading&year=2026"),
            ("applicant", "/cases?handler=Start"), ("applicant", $"/cases/{caseId}/save"), ("applicant", $"/cases/{caseId}/submit"),
            ("applicant", $"/cases/{caseId}/upload"), ("applicant", $"/cases/{caseId}/deletefile"), ("applicant", $"/cases/{caseId}/withdraw"), ("applicant", $"/cases/{caseId}/urge"),
            ("street", $"/tasks/{taskId}"), ("admin", "/studio/republish"), ("admin", $"/studio/cases/{caseId}/cancel"),
            ("admin", $"/studio/cases/{caseId}/retry"), ("admin", $"/studio/cases/{caseId}/migrate"), ("applicant", "/logout"),
            ("applicant", $"/associations/{association}/nominate"), ("applicant", $"/associations/{association}/renew"),
            ("applicant", $"/representatives/{representative}/representatives"), ("jiangsu", "/representatives?handler=Open"),
            ("district", "/reports/year-end/figures?area=jd&year=2026"), ("admin", "/reports/year-end/open?area=jd&year=2026"),
            ("district", $"/homes/{homeId}/urgenews"),
        };
        var failures = new List<string>();

        foreach (var (login, url) in posts)
        {
            var client = await PageClient.SignInAsync(_host.Factory, login);
            var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["key"] = "certification", ["taskId"] = taskId.ToString(), ["Action"] = "Approve", ["Comment"] = "跨站", ["reason"] = "跨站",
                ["id"] = "certification:1", ["FormData"] = PortalPagesTests.ValidApplication().ToJsonString(),
                ["Event.Title"] = "跨站", ["Event.HeldOn"] = "2026-05-06", ["Event.Category"] = "TechSalon", ["Event.Participants"] = "9",
                ["Report.Month"] = "4", ["Report.Summary"] = "跨站", ["values[MinInnovationEvents]"] = "0",
            }));
            if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"{login} POST {url}: {(int)response.StatusCode}");
        }
        using (var anonymous = _host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            var login = await anonymous.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "applicant@kxhome.demo", ["Password"] = DemoData.Password,
            }));
            if (login.StatusCode != HttpStatusCode.BadRequest) failures.Add($"anonymous POST /login: {(int)login.StatusCode}");
        }

        failures.Should().BeEmpty();
        var after = await engine.Queries.GetInstanceAsync(caseId);
        after.History.Should().HaveCount(before.History.Count);
        after.Status.Should().Be(InstanceStatus.Active);
        (await engine.Queries.ListDefinitionsAsync()).Count(d => d.Key == "certification").Should().Be(1, "nothing was republished");
        (await engine.Queries.QueryInstancesAsync(new InstanceQuery())).Should().HaveCount(2, "no case was started: the certification and the association's waiting 换届");
        (await engine.Queries.GetInstanceAsync(renewalId)).History.Should().HaveCount(renewalBefore, "its 换届 was not started early");
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.ServiceEvents.CountAsync() + await db.MonthlyReports.CountAsync() + await db.PolicySettings.CountAsync()).Should().Be(0, "no ledger or setting was written");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
