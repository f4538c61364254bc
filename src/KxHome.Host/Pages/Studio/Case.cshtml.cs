using System.Text.Encodings.Web;
using System.Text.Json;
using KxHome.Host.Administration;
using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace KxHome.Host.Pages.Studio;

/// <summary>
/// One case for an administrator: the diagram of the case's own version with the steps done, the tokens where it
/// stands, incidents and pending deadlines marked, the history beside it; retrying an incident and cancelling.
/// </summary>
public sealed class StudioCaseModel(ViewerAccessor viewers, WorkflowEngine engine, People people, CaseTitles titles, ApprovalDesk desk, TimeProvider clock) : PageModel
{
    /// <summary>What the diagram marks, as the page's script reads it.</summary>
    public sealed record Marks(IReadOnlyList<string> Completed, IReadOnlyList<string> Active, IReadOnlyList<string> Incidents, IReadOnlyList<TimerMark> Timers);

    public sealed record TimerMark(string ElementId, string Text);

    private static readonly JsonSerializerOptions Readable = new(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public InstanceView Case { get; private set; } = null!;

    /// <summary>The case's number and title.</summary>
    public string Title { get; private set; } = "";
    public string Xml { get; private set; } = "";
    public string MarksJson { get; private set; } = "{}";
    public IReadOnlyList<Timeline.Entry> History { get; private set; } = [];

    public string StatusText => Case.Status switch
    {
        InstanceStatus.Active => "办理中",
        InstanceStatus.Completed => "已办结",
        _ => "已终止",
    };

    /// <summary>The other versions of the case's flow, newest first: where it can be migrated to.</summary>
    public IReadOnlyList<DefinitionView> OtherVersions { get; private set; } = [];

    /// <summary>The dry run for the version asked for (<c>?to=</c>): what would move where, what cannot move.</summary>
    public MigrationPlan? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? to)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (to is not null && OtherVersions.Any(v => v.Id == to)) Plan = await engine.PlanMigrationAsync(id, to);
        return Page();
    }

    public async Task<IActionResult> OnPostMigrateAsync(Guid id, string to)
    {
        if (!await LoadAsync(id) || OtherVersions.All(v => v.Id != to)) return NotFound();
        return await ActAsync(id, async () =>
        {
            var plan = await engine.MigrateAsync(id, to, AdministrationApi.UserId(HttpContext));
            TempData["Migrated"] = $"已迁移到第 {plan.ToVersion} 版";
        }, "已迁移");
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, Guid incidentId)
    {
        if (!await LoadAsync(id) || Case.Incidents.All(i => i.Id != incidentId)) return NotFound();
        return await ActAsync(id, () => engine.RetryIncidentAsync(incidentId, AdministrationApi.UserId(HttpContext)), "已重试");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (string.IsNullOrWhiteSpace(reason))
        {
            TempData["Flash"] = "请填写取消原因";
            return Redirect($"/studio/cases/{id}");
        }
        return await ActAsync(id, () => desk.CancelAsync(AdministrationApi.UserId(HttpContext), id, reason.Trim()), "案件已取消");
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act, string done)
    {
        try
        {
            await act();
            TempData["Flash"] = TempData["Migrated"] as string ?? done;
        }
        catch (WorkflowException e)
        {
            TempData["Flash"] = e.Message;
        }
        return Redirect($"/studio/cases/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (!(await viewers.GetAsync()).IsAdministrator) return false;
        try
        {
            Case = await engine.Queries.GetInstanceAsync(id);
        }
        catch (WorkflowNotFoundException)
        {
            return false;
        }
        Title = CaseTitles.Line(Case.Number, await titles.TitleAsync(Case));
        Xml = await engine.Queries.GetDefinitionXmlAsync(Case.DefinitionId);
        OtherVersions = Case.Status == InstanceStatus.Active
            ? (await engine.Queries.ListDefinitionsAsync()).Where(d => d.Key == Case.DefinitionKey && d.Id != Case.DefinitionId).ToList()
            : [];
        var active = Case.ActiveElements.Select(a => a.ElementId).Distinct().ToList();
        var completed = Case.History.Where(h => h.Kind == HistoryKind.ElementLeft && h.ElementId is not null)
            .Select(h => h.ElementId!).Distinct().Except(active).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var timers = (await engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = id }))
            .Select(t => new TimerMark(t.ElementId, t.PausedAt is null ? $"{Deadline.Format(t.DueAt)} 到期（{Deadline.Countdown(t.DueAt, now)}）" : "暂停计时中"))
            .ToList();
        var incidents = Case.Incidents.Where(i => i.ResolvedAt is null).Select(i => i.ElementId).Distinct().ToList();
        MarksJson = JsonSerializer.Serialize(new Marks(completed, active, incidents, timers), Readable); // Razor encodes the attribute
        History = Timeline.Of(Case, await people.ByIdsAsync(Timeline.PeopleIn(Case)));
        return true;
    }
}
