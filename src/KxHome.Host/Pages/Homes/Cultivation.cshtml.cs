using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Pages.Homes;

/// <summary>培育名单 (R14): enterprise and park homes graded Excellent, with the year they entered, as far as the viewer may see.</summary>
public sealed class HomesCultivationModel(ViewerAccessor viewers, HomeDirectory directory, AppDbContext db) : PageModel
{
    public IReadOnlyList<(CultivationListing Listing, Home Home)> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Organisations { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = await directory.CultivationAsync(await viewers.GetAsync());
        var ids = Rows.Select(r => r.Home.OrganisationId).Distinct().ToList();
        Organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        return Page();
    }
}
