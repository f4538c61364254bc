using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Host.Homes.Tasks;
using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// Drives the homes' flows through the real host's API as the demo people would (applicant, street, district, expert),
/// running the flows' jobs and moving the virtual clock between steps.
/// </summary>
public sealed class HomeDriver(TestHost host) : IDisposable
{
    private readonly Dictionary<string, (HttpClient Client, DateTimeOffset SignedInAt)> _clients = [];

    public WorkflowEngine Engine => host.Factory.Services.GetRequiredService<WorkflowEngine>();

    public VirtualTime Time => host.Factory.Services.GetRequiredService<VirtualTime>();

    public static TimeZoneInfo Beijing { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A client signed in as the demo login; signed in again once the virtual clock has moved past its token's hour.</summary>
    public async Task<HttpClient> AsAsync(string login)
    {
        if (_clients.TryGetValue(login, out var held) && Time.Now - held.SignedInAt < TimeSpan.FromMinutes(30)) return held.Client;
        held.Client?.Dispose();
        var client = await host.SignInAsync(login);
        _clients[login] = (client, Time.Now);
        return client;
    }

    /// <summary>A valid Jiading application for an enterprise, park or street home.</summary>
    public static JsonObject Application(string name = "嘉定工业区科技工作者之家", string kind = "Park") => new()
    {
        ["homeName"] = name, ["homeKind"] = kind, ["address"] = "嘉定区叶城路 1288 号", ["areaM2"] = 60,
        ["personInCharge"] = "王芳", ["administrator"] = "李娜", ["phone"] = "021-59990000", ["innovationEvents"] = 6,
        ["outreachEvents"] = 3, ["plan"] = "依托园区服务中心建设阵地，每月组织技术沙龙和供需对接活动。", ["pledge"] = true,
        ["sixHaves"] = new JsonArray("place", "facilities", "staff", "funding", "activities", "rules"), ["openFree"] = true,
    };

    /// <summary>The applicant starts a certification case; gives its id.</summary>
    public async Task<Guid> StartCertificationAsync(string login = "applicant")
    {
        var response = await (await AsAsync(login)).PostAsJsonAsync("/api/cases", new { definitionKey = "certification" });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    /// <summary>Runs the case's jobs until it waits at <paramref name="elementId"/>; gives the open tasks there.</summary>
    public async Task<IReadOnlyList<UserTaskView>> WaitAtAsync(Guid caseId, string elementId)
    {
        IReadOnlyList<UserTaskView> open = [];
        await JobRuns.UntilAsync(Engine, async () =>
        {
            open = (await Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Where(t => t.ElementId == elementId).ToList();
            return open.Count > 0;
        });
        var instance = await Engine.Queries.GetInstanceAsync(caseId);
        open.Should().NotBeEmpty($"the case should wait at {elementId}; it is at {string.Join(",", instance.ActiveElements.Select(a => a.ElementId))}, incidents: {string.Join("; ", instance.Incidents.Select(i => i.Message))}");
        return open;
    }

    /// <summary>Completes the case's task at <paramref name="elementId"/> as <paramref name="login"/> with form data; fails on a refusal.</summary>
    public async Task CompleteAsync(Guid caseId, string elementId, string login, JsonObject data, string? comment = null)
    {
        var client = await AsAsync(login);
        var me = await MeAsync(login);
        var task = (await WaitAtAsync(caseId, elementId)).First(t => t.Assignee is null || t.Assignee == me);
        var response = await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { variables = data, comment });
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("\"errors\"");
        response.IsSuccessStatusCode.Should().BeTrue($"{elementId} as {login}: {body}");
    }

    /// <summary>Posts an approval operation (approve, reject…) on the case's task at <paramref name="elementId"/>.</summary>
    public async Task<HttpResponseMessage> ActAsync(Guid caseId, string elementId, string login, string operation, string? comment = null)
    {
        var task = (await WaitAtAsync(caseId, elementId)).First();
        return await (await AsAsync(login)).PostAsJsonAsync($"/api/tasks/{task.Id}/{operation}", new { comment });
    }

    /// <summary>Runs jobs until the case ended (or raised an incident); gives it.</summary>
    public async Task<InstanceView> SettleAsync(Guid caseId)
    {
        await JobRuns.UntilAsync(Engine, async () => await Engine.Queries.GetInstanceAsync(caseId) is var i && (i.Status != InstanceStatus.Active || i.Incidents.Count > 0));
        return await Engine.Queries.GetInstanceAsync(caseId);
    }

    /// <summary>A park home of the demo applicant taken all the way through certification; gives the home.</summary>
    public async Task<Home> CertifyAsync(JsonObject? application = null, string login = "applicant")
    {
        var caseId = await StartCertificationAsync(login);
        await CompleteAsync(caseId, "apply", login, application ?? Application());
        await CompleteAsync(caseId, "streetReview", "street", new JsonObject { ["inCluster"] = true, ["approved"] = true, ["opinion"] = "阵地位于园区研发楼，同意上报" });
        (await ActAsync(caseId, "districtReview", "district", "approve", "材料齐全")).IsSuccessStatusCode.Should().BeTrue();
        await CompleteAsync(caseId, "siteVisit", "expert", new JsonObject { ["visitedOn"] = "2026-05-20", ["recommend"] = true, ["opinion"] = "场地、设施、人员齐备，活动开展良好" });
        await CompleteAsync(caseId, "decide", "district", new JsonObject { ["approved"] = true, ["opinion"] = "同意认定", ["grantPurpose"] = CertifyTask.DefaultPurpose });
        await JobRuns.UntilAsync(Engine, async () => (await Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = caseId })).Count > 0);
        await Time.AdvanceAsync("P10D", Beijing); // past the public notice
        var ended = await SettleAsync(caseId);
        ended.Status.Should().Be(InstanceStatus.Completed, string.Join("; ", ended.Incidents.Select(i => i.Message)));
        return await HomeOfCaseAsync(caseId);
    }

    /// <summary>A home written straight into the records (as an earlier year's work left it), owned by the demo park.</summary>
    public async Task<Home> SeedHomeAsync(string name, HomeKind kind = HomeKind.Enterprise, HomeStatus status = HomeStatus.Active,
        RuleSet ruleSet = RuleSet.Jiading, string organisation = "jd-industrial-park")
    {
        var home = new Home
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisation, Kind = kind, Name = name, Address = "嘉定区", AreaM2 = 50,
            PersonInCharge = "王芳", Administrator = "李娜", Phone = "021-59990000", RuleSet = ruleSet, Status = status,
            DesignatedOn = status == HomeStatus.Applying ? null : new DateOnly(2025, 5, 20),
            SixHaves = new SixHaves { Place = true, Facilities = true, Staff = true, Funding = true, Activities = true, Rules = true, OpenFreeOfCharge = true },
            CreatedAt = Time.Now.UtcDateTime,
        };
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Homes.Add(home);
        db.HomeStatusChanges.Add(new HomeStatusChange { HomeId = home.Id, To = status, At = Time.Now.UtcDateTime, Reason = "测试数据" });
        await db.SaveChangesAsync();
        return home;
    }

    /// <summary>Moves the virtual clock to a moment in Beijing, firing what falls due on the way.</summary>
    public Task AdvanceToAsync(int year, int month, int day, int hour = 9) =>
        Time.AdvanceToAsync(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, 0, 0), Beijing));

    /// <summary>The year's assessment case of a home, once the round opened it.</summary>
    public async Task<Guid> AssessmentCaseAsync(Guid homeId, int year)
    {
        Guid? caseId = null;
        await JobRuns.UntilAsync(Engine, async () =>
            (caseId = await ReadAsync(db => db.Assessments.Where(a => a.HomeId == homeId && a.Year == year).Select(a => a.CaseId).FirstOrDefaultAsync())) is not null);
        return caseId ?? throw new InvalidOperationException($"no {year} assessment case for the home");
    }

    /// <summary>The home confirms its figures (with a matching-funds report) and the district grades it; gives the ended case.</summary>
    public async Task<InstanceView> AssessAsync(Guid homeId, int year, string grade)
    {
        var caseId = await AssessmentCaseAsync(homeId, year);
        await CompleteAsync(caseId, "confirm", "applicant", new JsonObject
        {
            ["matchingFundsYuan"] = 90000, ["matchingSource"] = "企业自筹", ["matchingUse"] = "活动场地改造", ["matchingEffect"] = "服务人次增加", ["confirmed"] = true,
        });
        await CompleteAsync(caseId, "grade", "district", new JsonObject { ["grade"] = grade, ["opinion"] = "按规则评定" });
        await JobRuns.UntilAsync(Engine, async () => await Engine.Queries.GetInstanceAsync(caseId) is var i
            && (i.Status != InstanceStatus.Active || i.Incidents.Count > 0 || i.ActiveElements.Any(a => a.ElementId == "rectification")));
        return await Engine.Queries.GetInstanceAsync(caseId);
    }

    public async Task<Home> HomeAsync(Guid id) => await ReadAsync(db => db.Homes.AsNoTracking().SingleAsync(h => h.Id == id));

    public async Task<Home> HomeOfCaseAsync(Guid caseId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Homes.AsNoTracking().SingleAsync(h => h.CertificationCaseId == caseId);
    }

    /// <summary>Reads the database in a scope of its own.</summary>
    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs a service of the host in a scope of its own.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<string> MeAsync(string login) =>
        await ReadAsync(db => db.Users.Where(u => u.Email == $"{login}@kxhome.demo").Select(u => u.Id).SingleAsync());

    public void Dispose()
    {
        foreach (var (client, _) in _clients.Values) client.Dispose();
    }
}
