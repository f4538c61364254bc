using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Hosting;

/// <summary>
/// In Development (unless <c>Demo:Cases</c> is false): certification cases of 嘉定工业区 at different steps, so every demo
/// login has something to look at — a draft, one at the street pre-check, one at the district review, one sent back for
/// correction, and one waiting for the experts' site visit — and, through <see cref="DemoHomes"/>, homes at every status
/// with a year of ledgers and assessment rounds. Added once, when the organisation has no case yet.
/// </summary>
public sealed class DemoCases(IServiceScopeFactory scopes, IHostEnvironment environment, IConfiguration configuration, TimeProvider clock) : IHostedService
{
    private const string Owner = "jd-industrial-park";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue("Demo:Cases", true)) return;
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        if ((await engine.Queries.QueryInstancesAsync(new InstanceQuery { Owners = [Owner], Take = 1 }, cancellationToken)).Count > 0) return;
        if ((await engine.Queries.ListDefinitionsAsync(cancellationToken)).All(d => d.Key != "certification")) return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var applicant = await IdOfAsync(users, "applicant");
        var street = await IdOfAsync(users, "street");
        var district = await IdOfAsync(users, "district");
        var year = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;

        // Started as the applicant would, but without the filing deadline's refusal: the demo shows a year already under way.
        async Task<Guid> StartAsync()
        {
            var homeId = Guid.CreateVersion7();
            return (await engine.StartAsync(new StartRequest("certification")
            {
                StartedBy = applicant, Owner = Owner, BusinessKey = Workflows.Association.HomeKeys.Certification(homeId),
                Variables = new Dictionary<string, object?> { ["homeId"] = homeId.ToString(), ["callYear"] = year, ["filingDeadline"] = $"{year}-06-15" },
            }, cancellationToken)).Id;
        }

        async Task<Guid> ApplyAsync(string homeName)
        {
            var id = await StartAsync();
            await CompleteAsync(engine, id, "apply", applicant, Application(homeName), null);
            return id;
        }

        var draft = await StartAsync();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Drafts.Add(new Draft
        {
            TaskId = (await OpenTaskAsync(engine, draft, "apply")).Id, SavedBy = applicant, SavedAt = clock.GetUtcNow().UtcDateTime,
            Data = """{"homeName":"嘉定工业区南区科技工作者之家","homeKind":"Park"}""",
        });
        await db.SaveChangesAsync(cancellationToken);
        await ApplyAsync("嘉定工业区中心科技工作者之家");
        var atDistrict = await ApplyAsync("嘉定工业区北区科技工作者之家");
        await CompleteAsync(engine, atDistrict, "streetReview", street, StreetCheck, null);
        var returned = await ApplyAsync("嘉定工业区东区科技工作者之家");
        await engine.ReturnTaskAsync((await OpenTaskAsync(engine, returned, "streetReview")).Id, street, "apply", "请补充阵地照片和门牌号", correction: true, cancellationToken);
        var atVisit = await ApplyAsync("嘉定工业区西区科技工作者之家");
        await CompleteAsync(engine, atVisit, "streetReview", street, StreetCheck, null);
        await CompleteAsync(engine, atVisit, "districtReview", district, new() { ["approved"] = true }, "同意报专家实地考察");
        await OpenTaskAsync(engine, atVisit, "siteVisit");
        await scope.ServiceProvider.GetRequiredService<DemoHomes>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoAssociations>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoRepresentatives>().SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static readonly Dictionary<string, object?> StreetCheck = new() { ["inCluster"] = true, ["approved"] = true, ["opinion"] = "阵地位于园区研发楼，材料齐全，同意上报" };

    public static async Task<string> IdOfAsync(UserManager<AppUser> users, string login) =>
        (await users.FindByEmailAsync($"{login}@kxhome.demo"))?.Id ?? throw new InvalidOperationException($"The demo login {login} is missing.");

    /// <summary>The case's open task at the step, running the flow's jobs (登记申报 and the like) and due timers until it is there.</summary>
    public static async Task<UserTaskView> OpenTaskAsync(WorkflowEngine engine, Guid caseId, string elementId)
    {
        await WaitAtAsync(engine, caseId, elementId);
        return (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).First(t => t.ElementId == elementId);
    }

    /// <summary>Runs the flows' jobs and due timers until the case waits at one of the steps or events.</summary>
    public static async Task WaitAtAsync(WorkflowEngine engine, Guid caseId, params string[] elementIds)
    {
        for (var round = 0; round < 50; round++)
        {
            if ((await engine.Queries.GetInstanceAsync(caseId)).ActiveElements.Any(a => elementIds.Contains(a.ElementId))) return;
            if (await engine.ExecuteDueJobsAsync() + await engine.ExecuteDueTimersAsync() == 0) await Task.Delay(50); // the host's worker may hold the job
        }
        var instance = await engine.Queries.GetInstanceAsync(caseId);
        throw new InvalidOperationException($"Demo case {caseId} ({instance.Status}) did not reach {string.Join(" or ", elementIds)}; it is at "
            + string.Join(", ", instance.ActiveElements.Select(a => a.ElementId)) + string.Concat(instance.Incidents.Select(i => $"; incident: {i.Message}")));
    }

    public static async Task CompleteAsync(WorkflowEngine engine, Guid caseId, string elementId, string userId, Dictionary<string, object?> variables, string? comment) =>
        await engine.CompleteTaskAsync((await OpenTaskAsync(engine, caseId, elementId)).Id, userId, variables, comment);

    private static Dictionary<string, object?> Application(string homeName) => new()
    {
        ["homeName"] = homeName, ["homeKind"] = "Park", ["address"] = "嘉定区叶城路 1288 号", ["areaM2"] = 60,
        ["personInCharge"] = "王芳", ["administrator"] = "李娜", ["phone"] = "021-59990000", ["innovationEvents"] = 6,
        ["outreachEvents"] = 4, ["plan"] = "依托园区服务中心建设阵地，每月组织技术沙龙和供需对接活动。", ["pledge"] = true,
        ["sixHaves"] = new[] { "place", "facilities", "staff", "funding", "activities", "rules" }, ["openFree"] = true,
    };
}
