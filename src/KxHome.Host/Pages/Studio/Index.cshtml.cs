using KxHome.Host.Cases;
using KxHome.Host.Studio;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Studio;

/// <summary>流程设计: every flow with its versions (the newest is the one new cases start on) and the cases running on each.</summary>
public sealed class StudioIndexModel(ViewerAccessor viewers, WorkflowEngine engine) : PageModel
{
    public IReadOnlyList<StudioApi.Flow> Flows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!(await viewers.GetAsync()).IsAdministrator) return NotFound();
        Flows = await StudioApi.FlowsAsync(engine);
        return Page();
    }
}
