using KxHome.Host.Cases;
using KxHome.Host.Mail;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace KxHome.Host.Pages.EmailLinks;

/// <summary>
/// Where an email's approve / reject link leads. Opening it (GET) only shows what it would do and asks to confirm —
/// mail scanners open every link; the confirmation (POST) acts once, as the person the link was sent to.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)] // the signed token in the link is what proves the request; mail clients open it without our cookies
public sealed class ActModel(ActionLinks links, ViewerAccessor viewers, ApprovalDesk desk, WorkflowEngine engine) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public ActionLink? Link { get; private set; }
    public string? Problem { get; private set; }
    public string? Done { get; private set; }
    public string? TaskName { get; private set; }
    public string ActionLabel => Link?.Action == "reject" ? "不同意" : "同意";

    public async Task OnGetAsync() => await CheckAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await CheckAsync()) return Page();
        var viewer = await viewers.ForUserAsync(Link!.UserId);
        if (viewer is null)
        {
            Problem = "该链接对应的账号已不存在。";
            return Page();
        }
        var action = Link.Action == "reject" ? ApprovalAction.Reject : ApprovalAction.Approve;
        try
        {
            await desk.ActAsync(viewer, Link.TaskId, new ApprovalRequest(action) { Comment = Comment });
        }
        catch (WorkflowException e)
        {
            Problem = e.Message;
            return Page();
        }
        await links.UseAsync(Link);
        Done = $"已{ActionLabel}，办理完成。";
        return Page();
    }

    private async Task<bool> CheckAsync()
    {
        var (link, problem) = await links.CheckAsync(Token);
        Link = link;
        if (problem != LinkProblem.None)
        {
            Problem = ActionLinks.Explain(problem);
            return false;
        }
        TaskName = (await engine.Queries.GetTaskAsync(link!.TaskId)).Name;
        return true;
    }
}
