using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Homes;

/// <summary>
/// Who may read and who may change a home: its own organisation's applicants (who run it) read and keep its ledgers;
/// the street, district and city above it read it; administrators do both. A home one may not see answers the same as
/// one that does not exist.
/// </summary>
public sealed class HomeAccess(AppDbContext db)
{
    public async Task<Home?> ReadableAsync(Viewer viewer, Guid id)
    {
        var home = await db.Homes.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id);
        return home is not null && viewer.CanSee(home.OrganisationId) ? home : null;
    }

    /// <summary>The home, if the viewer keeps its ledgers (its applicants, or an administrator).</summary>
    public async Task<Home?> KeptByAsync(Viewer viewer, Guid id)
    {
        var home = await ReadableAsync(viewer, id);
        return home is not null && CanKeep(viewer, home) ? home : null;
    }

    public static bool CanKeep(Viewer viewer, Home home) =>
        viewer.IsAdministrator || (viewer.IsApplicant && viewer.OrganisationId == home.OrganisationId);

    /// <summary>The homes the viewer may see.</summary>
    public IQueryable<Home> Visible(Viewer viewer)
    {
        var homes = db.Homes.AsNoTracking();
        if (viewer.VisibleOwners is { } owners) homes = homes.Where(h => owners.Contains(h.OrganisationId));
        return homes;
    }
}
