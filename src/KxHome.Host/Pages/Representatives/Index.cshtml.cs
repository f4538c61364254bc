using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Host.Representatives;
using KxHome.Workflows.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace KxHome.Host.Pages.Representatives;

/// <summary>
/// 科协代表之家: each year's call (deadline R35, quota and validity R36, the rubric R32) with the applications the viewer
/// may see, ranked once decided; the province office publishes this year's call here.
/// </summary>
public sealed class RepresentativesIndexModel(ViewerAccessor viewers, RepresentativeDirectory directory, RepresentativeDesk desk, CallDesk calls) : PageModel
{
    public IReadOnlyList<RepresentativeDirectory.CallRow> Calls { get; private set; } = [];
    public Viewer Viewer { get; private set; } = null!;
    public int ThisYear => desk.Today.Year;
    public string? Problem { get; private set; }

    public bool MayOpen => Viewer.Roles.Contains(Roles.Province) && Calls.All(c => c.Call.Year != ThisYear || c.Call.OrganisationId != Viewer.OrganisationId);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync()
    {
        await LoadAsync();
        try
        {
            var started = await calls.StartAsync(Viewer);
            TempData["Flash"] = $"已发布{ThisYear}年度科协代表之家申报通知（{started.Number}）";
            return Redirect("/representatives");
        }
        catch (WorkflowException e)
        {
            Problem = e.Message;
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        Viewer = await viewers.GetAsync();
        Calls = await directory.CallsAsync(Viewer);
    }
}
