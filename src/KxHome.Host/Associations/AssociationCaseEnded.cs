using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Associations;

/// <summary>
/// A founding or cultivation case withdrawn or cancelled before its end: the association it was founding is withdrawn,
/// and the path ends with the reason (with the founding it had called), so the organisation can start again.
/// </summary>
public sealed class AssociationCaseEnded(AppDbContext db, CultivationBook paths) : ICaseEnded
{
    public async Task EndedAsync(Guid caseId, string? userId, string reason)
    {
        var founding = await db.Associations.Where(a => a.FoundingCaseId == caseId && a.Status == AssociationStatus.Founding).ToListAsync();
        if (await paths.OfCaseAsync(caseId) is { IsOpen: true } path)
        {
            await paths.EndAsync(path, reason);
            founding.AddRange(await db.Associations.Where(a => a.HomeId == path.HomeId && a.Status == AssociationStatus.Founding).ToListAsync());
        }
        foreach (var association in founding) association.Status = AssociationStatus.Withdrawn;
        await db.SaveChangesAsync();
    }
}
