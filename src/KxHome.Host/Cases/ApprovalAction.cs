namespace KxHome.Host.Cases;

/// <summary>What an approver does with a task in the inbox (or from an email, approve and reject only).</summary>
public enum ApprovalAction
{
    Approve,
    Reject,
    Return,
    Correction,
    Delegate,
    Transfer,
    AddSignerBefore,
    AddSignerAfter,
    Copy,
}

/// <summary>The inputs of an approval operation; which are needed depends on the action.</summary>
public sealed record ApprovalRequest(ApprovalAction Action)
{
    public string? Comment { get; init; }

    /// <summary>The step to go back to (退回).</summary>
    public string? TargetElementId { get; init; }

    /// <summary>The person to delegate, transfer, add or copy to.</summary>
    public string? PersonId { get; init; }
}
