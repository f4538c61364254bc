using KxHome.Host.Cases;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Inbox;

/// <summary>The approver's inbox: 待办 (offered to me or held by me), 已办 (done by me), 抄送 (copied to me), paged.</summary>
public sealed class InboxModel(ViewerAccessor viewers, Worklist worklist, WorkflowEngine engine, CaseTitles titles, TimeProvider clock) : PageModel
{
    public sealed record Row(string Href, string? Number, string Case, string Step, string When, string? Due, string? Countdown);

    public string Tab { get; private set; } = "todo";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    /// <summary>A case number searched for that matched no case the viewer may see.</summary>
    public string? NotFoundNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tab, int? page, string? number)
    {
        Tab = tab is "done" or "cc" ? tab : "todo";
        var viewer = await viewers.GetAsync();
        if (!string.IsNullOrWhiteSpace(number))
        {
            var found = await engine.Queries.QueryInstancesAsync(new InstanceQuery { Number = number.Trim(), Owners = viewer.VisibleOwners, IncludeCalled = true, Take = 1 });
            if (found.Count == 1) return Redirect($"/cases/{found[0].Id}");
            NotFoundNumber = number.Trim();
        }
        var paging = Paging.Of(page, Paging.DefaultSize);
        var now = clock.GetUtcNow().UtcDateTime;
        PageNumber = paging.Number;
        switch (Tab)
        {
            case "done":
                var done = await worklist.DoneAsync(viewer, paging);
                HasMore = done.HasMore;
                var doneTitles = await TitlesAsync(done.Items);
                Rows = done.Items.Select(t => new Row($"/tasks/{t.Id}", t.CaseNumber, doneTitles[t.InstanceId], t.Name ?? t.ElementId,
                    Deadline.Format(t.EndedAt ?? t.CreatedAt), null, null)).ToList();
                break;
            case "cc":
                var copies = await worklist.CopiesAsync(viewer, paging);
                HasMore = copies.HasMore;
                var copyTitles = await titles.TitlesAsync(copies.Items.Select(c => new CaseTitles.Subject(c.Case.Id, c.Case.BusinessKey, c.Case.Owner, c.Case.DefinitionKey))
                    .DistinctBy(c => c.Id).ToList());
                Rows = copies.Items.Select(c => new Row($"/tasks/{c.Row.TaskId}", c.Case.Number, copyTitles[c.Case.Id], "抄送知悉",
                    Deadline.Format(c.Row.At), null, null)).ToList();
                break;
            default:
                var todo = await worklist.TodoAsync(viewer, paging);
                HasMore = todo.HasMore;
                var todoTitles = await TitlesAsync(todo.Items);
                Rows = todo.Items.Select(t => new Row($"/tasks/{t.Id}", t.CaseNumber, todoTitles[t.InstanceId], t.Name ?? t.ElementId,
                    Deadline.Format(t.CreatedAt), t.DueAt is { } d ? Deadline.Format(d) : null,
                    t.DueAt is { } d2 ? Deadline.Countdown(d2, now) : null)).ToList();
                break;
        }
        return Page();
    }

    private Task<IReadOnlyDictionary<Guid, string>> TitlesAsync(IEnumerable<UserTaskView> tasks) =>
        titles.TitlesAsync(tasks.Select(t => new CaseTitles.Subject(t.InstanceId, t.BusinessKey, t.Owner, t.DefinitionKey)).DistinctBy(c => c.Id).ToList());
}
