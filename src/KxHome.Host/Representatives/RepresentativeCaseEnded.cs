using KxHome.Host.Cases;
using KxHome.Host.Identity;

namespace KxHome.Host.Representatives;

/// <summary>An application withdrawn or cancelled before its call decided is Withdrawn, so the organisation may apply again.</summary>
public sealed class RepresentativeCaseEnded(AppDbContext db, RepresentativeDesk desk) : ICaseEnded
{
    public async Task EndedAsync(Guid caseId, string? userId, string reason)
    {
        if (await desk.OfCaseAsync(caseId) is not { } home) return;
        desk.Withdraw(home, $"申报已撤回：{reason}");
        await db.SaveChangesAsync();
    }
}
