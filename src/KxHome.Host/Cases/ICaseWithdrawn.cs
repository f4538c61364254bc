namespace KxHome.Host.Cases;

/// <summary>What a programme does when an applicant withdraws one of its cases (撤回), e.g. the home it was making is withdrawn too.</summary>
public interface ICaseWithdrawn
{
    Task WithdrawnAsync(Guid caseId, string userId, string? reason);
}
