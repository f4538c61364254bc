using KxHome.Host.Cases;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Inbox;

/// <summary>The approver's inbox: 待办 (offered to me or held by me), 已办 (done by me), 抄送 (copied to me), paged.</summary>
public sealed class InboxModel(ViewerAccessor viewers, Worklist worklist, WorkflowEngine engine, TimeProvider clock) : PageModel
{
    public sealed record Row(string Href, string Case, string Step, string When, string? Due, string? Countdown);

    public string Tab { get; private set; } = "todo";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(string? tab, int? page)
    {
        Tab = tab is "done" or "cc" ? tab : "todo";
        var viewer = await viewers.GetAsync();
        var paging = Paging.Of(page, Paging.DefaultSize);
        var names = (await engine.LatestDefinitionsAsync()).ToDictionary(d => d.Key, d => d.Name ?? d.Key);
        var now = clock.GetUtcNow().UtcDateTime;
        PageNumber = paging.Number;
        switch (Tab)
        {
            case "done":
                var done = await worklist.DoneAsync(viewer, paging);
                HasMore = done.HasMore;
                Rows = done.Items.Select(t => new Row($"/tasks/{t.Id}", Name(names, t.DefinitionKey), t.Name ?? t.ElementId,
                    Deadline.Format(t.EndedAt ?? t.CreatedAt), null, null)).ToList();
                break;
            case "cc":
                var copies = await worklist.CopiesAsync(viewer, paging);
                HasMore = copies.HasMore;
                Rows = copies.Items.Select(c => new Row($"/tasks/{c.Row.TaskId}", Name(names, c.Case.DefinitionKey), "抄送知悉",
                    Deadline.Format(c.Row.At), null, null)).ToList();
                break;
            default:
                var todo = await worklist.TodoAsync(viewer, paging);
                HasMore = todo.HasMore;
                Rows = todo.Items.Select(t => new Row($"/tasks/{t.Id}", Name(names, t.DefinitionKey), t.Name ?? t.ElementId,
                    Deadline.Format(t.CreatedAt), t.DueAt is { } d ? Deadline.Format(d) : null,
                    t.DueAt is { } d2 ? Deadline.Countdown(d2, now) : null)).ToList();
                break;
        }
    }

    private static string Name(Dictionary<string, string> names, string key) => names.GetValueOrDefault(key, key);
}
