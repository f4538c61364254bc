using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Pages.Inbox;

/// <summary>The approver's inbox: 待办 (offered to me or held by me), 已办 (done by me), 抄送 (copied to me).</summary>
public sealed class InboxModel(ViewerAccessor viewers, WorkflowEngine engine, AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Href, string Case, string Step, string When, string? Due, string? Countdown);

    public string Tab { get; private set; } = "todo";
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? tab)
    {
        Tab = tab is "done" or "cc" ? tab : "todo";
        var viewer = await viewers.GetAsync();
        var names = (await engine.ListDefinitionsAsync()).GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.First().Name ?? g.Key);
        var now = clock.GetUtcNow().UtcDateTime;
        Rows = Tab switch
        {
            "done" => (await engine.QueryTasksAsync(new TaskQuery { CompletedBy = viewer.UserId, State = UserTaskState.Completed, Take = 100 }))
                .Select(t => new Row($"/tasks/{t.Id}", Name(names, t.DefinitionKey), t.Name ?? t.ElementId, Deadline.Format(t.EndedAt ?? t.CreatedAt), null, null)).ToList(),
            "cc" => await CopiesAsync(viewer, names),
            _ => (await TodoAsync(viewer))
                .Select(t => new Row($"/tasks/{t.Id}", Name(names, t.DefinitionKey), t.Name ?? t.ElementId, Deadline.Format(t.CreatedAt),
                    t.DueAt is { } d ? Deadline.Format(d) : null, t.DueAt is { } d2 ? Deadline.Countdown(d2, now) : null)).ToList(),
        };
    }

    private async Task<IReadOnlyList<UserTaskView>> TodoAsync(Viewer viewer)
    {
        var offered = await engine.QueryTasksAsync(new TaskQuery
        {
            CandidateUser = viewer.UserId, CandidateGroups = viewer.Roles.Where(r => r != Roles.Applicant).ToList(), Owners = viewer.VisibleOwners, Take = 100,
        });
        var held = await engine.QueryTasksAsync(new TaskQuery { Assignee = viewer.UserId, Take = 100 });
        return held.Concat(offered).DistinctBy(t => t.Id).Where(t => t.Assignee is null || t.Assignee == viewer.UserId)
            .Where(t => !t.CandidateGroups.Contains(Roles.Applicant) || t.Assignee == viewer.UserId).ToList();
    }

    private async Task<List<Row>> CopiesAsync(Viewer viewer, Dictionary<string, string> names)
    {
        var copies = await db.CarbonCopies.AsNoTracking().Where(c => c.UserId == viewer.UserId).OrderByDescending(c => c.Id).Take(100).ToListAsync();
        var cases = (await engine.QueryInstancesAsync(new InstanceQuery { Ids = copies.Select(c => c.InstanceId).Distinct().ToList(), Take = 100 }))
            .ToDictionary(c => c.Id);
        return copies.Where(c => cases.ContainsKey(c.InstanceId)).Select(c =>
            new Row($"/tasks/{c.TaskId}", Name(names, cases[c.InstanceId].DefinitionKey), "抄送知悉", Deadline.Format(c.At), null, null)).ToList();
    }

    private static string Name(Dictionary<string, string> names, string key) => names.GetValueOrDefault(key, key);
}
