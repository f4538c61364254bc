using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Hosting;

/// <summary>
/// In Development (unless <c>Demo:Cases</c> is false): a few certification cases of 嘉定工业区 at different steps, so
/// every demo login has something to look at — a draft, one waiting for the street, one for the district, one sent
/// back for correction, and one approved. Added once, when the organisation has no case yet.
/// </summary>
public sealed class DemoCases(IServiceScopeFactory scopes, IHostEnvironment environment, IConfiguration configuration) : IHostedService
{
    private const string Owner = "jd-industrial-park";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue("Demo:Cases", true)) return;
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        if ((await engine.QueryInstancesAsync(new InstanceQuery { Owners = [Owner], Take = 1 }, cancellationToken)).Count > 0) return;
        if ((await engine.ListDefinitionsAsync(cancellationToken)).All(d => d.Key != "certification")) return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var applicant = await IdOfAsync(users, "applicant");
        var street = await IdOfAsync(users, "street");
        var district = await IdOfAsync(users, "district");

        async Task<Guid> ApplyAsync(string homeName)
        {
            var instance = await engine.StartAsync(new StartRequest("certification") { StartedBy = applicant, Owner = Owner }, cancellationToken);
            await CompleteOpenAsync(engine, instance.Id, applicant, Application(homeName), null);
            return instance.Id;
        }

        var draft = await engine.StartAsync(new StartRequest("certification") { StartedBy = applicant, Owner = Owner }, cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Drafts.Add(new Draft
        {
            TaskId = (await OpenTaskAsync(engine, draft.Id)).Id, SavedBy = applicant,
            SavedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            Data = """{"homeName":"嘉定工业区南区科技工作者之家","homeKind":"Park"}""",
        });
        await db.SaveChangesAsync(cancellationToken);
        await ApplyAsync("嘉定工业区科技工作者之家");
        var atDistrict = await ApplyAsync("嘉定工业区北区科技工作者之家");
        await CompleteOpenAsync(engine, atDistrict, street, new() { ["approved"] = true }, "材料齐全，同意报区科协");
        var returned = await ApplyAsync("嘉定工业区东区科技工作者之家");
        await engine.ReturnTaskAsync((await OpenTaskAsync(engine, returned)).Id, street, "apply", "请补充阵地照片和门牌号", correction: true, cancellationToken);
        var approved = await ApplyAsync("嘉定工业区西区科技工作者之家");
        await CompleteOpenAsync(engine, approved, street, new() { ["approved"] = true }, "同意");
        await CompleteOpenAsync(engine, approved, district, new() { ["approved"] = true }, "同意认定");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<string> IdOfAsync(UserManager<AppUser> users, string login) =>
        (await users.FindByEmailAsync($"{login}@kxhome.demo"))?.Id ?? throw new InvalidOperationException($"The demo login {login} is missing.");

    private static async Task<UserTaskView> OpenTaskAsync(WorkflowEngine engine, Guid caseId) =>
        (await engine.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Single();

    private static async Task CompleteOpenAsync(WorkflowEngine engine, Guid caseId, string userId, Dictionary<string, object?> variables, string? comment) =>
        await engine.CompleteTaskAsync((await OpenTaskAsync(engine, caseId)).Id, userId, variables, comment);

    private static Dictionary<string, object?> Application(string homeName) => new()
    {
        ["homeName"] = homeName, ["homeKind"] = "Park", ["address"] = "嘉定区叶城路 1288 号", ["areaM2"] = 60,
        ["personInCharge"] = "王芳", ["administrator"] = "李娜", ["phone"] = "021-59990000", ["innovationEvents"] = 6,
        ["outreachEvents"] = 4, ["plan"] = "依托园区服务中心建设阵地，每月组织技术沙龙和供需对接活动。", ["pledge"] = true,
    };
}
