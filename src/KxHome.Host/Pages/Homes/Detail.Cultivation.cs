using KxHome.Host.Associations;
using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using Microsoft.AspNetCore.Mvc;

namespace KxHome.Host.Pages.Homes;

/// <summary>开始培育升级 on the home's page: its applicant starts this home's cultivation path (R10), the one way to pick among several homes.</summary>
public sealed partial class HomeDetailModel
{
    /// <summary>Whether the viewer runs this home and it may set out on the path (an Active enterprise or park home of Jiading's rules).</summary>
    public bool CanCultivate => Viewer.IsApplicant && HomeAccess.CanKeep(Viewer, Home) && CultivationRules.StartProblem(Home) is null;

    public async Task<IActionResult> OnPostCultivateAsync(Guid id, [FromServices] Programmes programmes)
    {
        if (!await LoadAsync(id, null) || !CanCultivate) return NotFound();
        try
        {
            var started = await programmes.StartAsync(Viewer, CultivationStart.Key, null, id);
            return Redirect($"/cases/{started.Id}");
        }
        catch (WorkflowException e)
        {
            TempData["Flash"] = e.Message;
            return Redirect($"/homes/{id}");
        }
    }
}
