using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Cases;

/// <summary>我的申报: the programmes the organisation may apply to, and every case of the organisation with where it stands.</summary>
public sealed class CasesIndexModel(ViewerAccessor viewers, WorkflowEngine engine, People people, TimeProvider clock) : PageModel
{
    public sealed record Programme(string Key, string Name);

    public sealed record Row(Guid Id, string Title, string StartedAt, string Step, string Holder, string? Due, string? Countdown, string Status, string StatusClass);

    public IReadOnlyList<Programme> Programmes { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = await viewers.GetAsync();
        Programmes = await ProgrammesAsync(viewer);
        var cases = await engine.QueryInstancesAsync(new InstanceQuery { Owners = viewer.VisibleOwners, Take = 100 });
        var ids = cases.Select(c => c.Id).ToList();
        var tasks = (await engine.QueryTasksAsync(new TaskQuery { InstanceIds = ids, Take = 500 })).ToLookup(t => t.InstanceId);
        var timers = (await engine.QueryTimersAsync(new TimerQuery { InstanceIds = ids, Take = 500 })).ToLookup(t => t.InstanceId);
        var names = await people.ByIdsAsync(tasks.SelectMany(g => g).Select(t => t.Assignee));
        var now = clock.GetUtcNow().UtcDateTime;
        Rows = cases.Select(c =>
        {
            var open = tasks[c.Id].ToList();
            var due = open.Select(t => t.DueAt).Concat(timers[c.Id].Where(t => t.PausedAt is null).Select(t => (DateTime?)t.DueAt))
                .OfType<DateTime>().OrderBy(d => d).Cast<DateTime?>().FirstOrDefault();
            var (status, css) = c.Status switch
            {
                InstanceStatus.Active => ("办理中", "active"),
                InstanceStatus.Completed => ("已办结", "done"),
                _ => ("已终止", "ended"),
            };
            return new Row(c.Id, c.DefinitionName ?? c.DefinitionKey, Deadline.Format(c.StartedAt),
                string.Join("、", open.Select(t => t.Name)), string.Join("、", open.Select(t => Holder(t, names))),
                due is { } d ? Deadline.Format(d) : null, due is { } d2 ? Deadline.Countdown(d2, now) : null, status, css);
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(string key)
    {
        var viewer = await viewers.GetAsync();
        if (!viewer.IsApplicant || (await ProgrammesAsync(viewer)).All(p => p.Key != key))
        {
            TempData["Flash"] = "该项目不向本单位开放";
            return RedirectToPage();
        }
        var instance = await engine.StartAsync(new StartRequest(key) { StartedBy = viewer.UserId, Owner = viewer.OrganisationId });
        return Redirect($"/cases/{instance.Id}");
    }

    private static string Holder(UserTaskView task, IReadOnlyDictionary<string, AppUser> names) =>
        task.Assignee is not null ? People.NameOf(names, task.Assignee) : string.Join("、", task.CandidateGroups.Select(GroupName));

    public static string GroupName(string group) => group switch
    {
        Roles.Applicant => "申报单位",
        Roles.Street => "街镇科协",
        Roles.District => "区科协",
        Roles.City => "市科协",
        Roles.Province => "省科协",
        Roles.PartyCommittee => "党工委",
        Roles.Expert => "评审专家",
        Roles.Administrator => "管理员",
        _ => group,
    };

    private async Task<IReadOnlyList<Programme>> ProgrammesAsync(Viewer viewer)
    {
        var latest = (await engine.ListDefinitionsAsync()).GroupBy(d => d.Key).Select(g => g.First());
        var open = new List<Programme>();
        foreach (var definition in latest)
        {
            var model = await engine.GetModelAsync(definition.Id);
            if (model.CandidateStarterGroups.Intersect(viewer.Roles).Any()) open.Add(new Programme(definition.Key, definition.Name ?? definition.Key));
        }
        return open;
    }
}
