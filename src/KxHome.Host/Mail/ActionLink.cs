namespace KxHome.Host.Mail;

/// <summary>What a signed email link allows: one action on one task revision by one person, until it expires.</summary>
public sealed record ActionLink(string Id, Guid TaskId, string UserId, string Action, Guid Revision, DateTime ExpiresAt);

/// <summary>Why a link cannot act, in words people read.</summary>
public enum LinkProblem
{
    None,
    Tampered,
    Expired,
    Used,
    Superseded,
}
