using KxHome.Host.Cases;

namespace KxHome.Host.Homes;

/// <summary>A withdrawn certification case withdraws the home it filed.</summary>
public sealed class HomeWithdrawn(HomeRegistry registry) : ICaseWithdrawn
{
    public Task WithdrawnAsync(Guid caseId, string userId, string? reason) => registry.CaseWithdrawnAsync(caseId, userId, reason);
}
