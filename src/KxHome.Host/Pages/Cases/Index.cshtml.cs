using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace KxHome.Host.Pages.Cases;

/// <summary>我的申报: the programmes the organisation may apply to, and every case of the organisation with where it stands.</summary>
public sealed class CasesIndexModel(
    ViewerAccessor viewers, Worklist worklist, Programmes programmes, WorkflowEngine engine, People people, CaseTitles titles, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string? Number, string Title, string StartedAt, string Step, string Holder, string? Due, string? Countdown, string Status, string StatusClass);

    public IReadOnlyList<Programmes.Programme> Programmes { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    /// <summary>The case number searched for, if any.</summary>
    public string? Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? page, string? number)
    {
        var viewer = await viewers.GetAsync();
        Programmes = await programmes.OpenToAsync(viewer);
        Number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        var paged = await worklist.CasesAsync(viewer, Paging.Of(page, Paging.DefaultSize), Number);
        (PageNumber, HasMore) = (paged.Page, paged.HasMore);
        var cases = paged.Items;
        var ids = cases.Select(c => c.Id).ToList();
        var tasks = (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceIds = ids, Take = 500 })).ToLookup(t => t.InstanceId);
        var timers = (await engine.Queries.QueryTimersAsync(new TimerQuery { InstanceIds = ids, Take = 500 })).ToLookup(t => t.InstanceId);
        var names = await people.ByIdsAsync(tasks.SelectMany(g => g).Select(t => t.Assignee));
        var titled = await titles.TitlesAsync(cases.Select(c => new CaseTitles.Subject(c.Id, c.BusinessKey, c.Owner, c.DefinitionKey)).ToList());
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
            return new Row(c.Id, c.Number, titled[c.Id], Deadline.Format(c.StartedAt),
                string.Join("、", open.Select(t => t.Name)), string.Join("、", open.Select(t => Holder(t, names))),
                due is { } d ? Deadline.Format(d) : null, due is { } d2 ? Deadline.Countdown(d2, now) : null, status, css);
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(string key)
    {
        try
        {
            var instance = await programmes.StartAsync(await viewers.GetAsync(), key, businessKey: null);
            return Redirect($"/cases/{instance.Id}");
        }
        catch (WorkflowException e)
        {
            TempData["Flash"] = e.Message;
            return RedirectToPage();
        }
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
        Roles.Committee => "科协委员会",
        Roles.Expert => "评审专家",
        Roles.Administrator => "管理员",
        _ => group,
    };
}
