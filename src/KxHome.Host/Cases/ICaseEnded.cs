namespace KxHome.Host.Cases;

/// <summary>
/// What a programme does when one of its cases ends before its flow does: withdrawn by the applicant (撤回) or cancelled
/// by an administrator. For a certification, the home it was making is withdrawn too.
/// </summary>
public interface ICaseEnded
{
    /// <param name="userId">Who ended it; null when a flow did (a revoked home's path).</param>
    Task EndedAsync(Guid caseId, string? userId, string reason);
}
