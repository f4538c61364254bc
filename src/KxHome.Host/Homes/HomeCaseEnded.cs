using KxHome.Host.Cases;

namespace KxHome.Host.Homes;

/// <summary>A certification case withdrawn or cancelled before its end withdraws the home it filed.</summary>
public sealed class HomeCaseEnded(HomeRegistry registry) : ICaseEnded
{
    public Task EndedAsync(Guid caseId, string? userId, string reason) => registry.CaseWithdrawnAsync(caseId, userId, reason);
}
