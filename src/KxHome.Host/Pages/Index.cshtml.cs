using KxHome.Host.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages;

/// <summary>The start page sends each person where their work is.</summary>
public sealed class IndexModel(ViewerAccessor viewers) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = await viewers.GetAsync();
        return Redirect(viewer.IsAdministrator ? "/admin" : viewer.IsApplicant ? "/cases" : "/inbox");
    }
}
