using KxHome.Workflows.Model;
using KxHome.Workflows.Core;

namespace KxHome.Workflows.Runtime;

/// <summary>
/// 撤回, decided in one place: the applicant side may take back a running case it started itself (not one a flow or the
/// system started) while nobody outside it has acted on the case. The engine refuses by this rule, and pages ask it
/// before they offer the button.
/// </summary>
public static class Withdrawal
{
    /// <summary>What counts as having acted on a case: taking, deciding, handing on, sending back or asking for a correction.</summary>
    private static readonly HashSet<HistoryKind> Acts =
    [
        HistoryKind.TaskClaimed, HistoryKind.TaskCompleted, HistoryKind.TaskDelegated, HistoryKind.TaskTransferred,
        HistoryKind.SignerAdded, HistoryKind.TaskSigned, HistoryKind.TaskReturned, HistoryKind.CorrectionRequested,
    ];

    /// <summary>Why the case cannot be withdrawn, or null when it can. <paramref name="applicantSide"/> are the applying organisation's people.</summary>
    public static WorkflowException? Refusal(InstanceView instance, IReadOnlyCollection<string> applicantSide) =>
        Refusal(instance.Status, instance.ParentInstanceId, instance.StartedBy, instance.History.Select(h => (h.Kind, h.UserId)), applicantSide);

    internal static WorkflowException? Refusal(InstanceStatus status, Guid? parentInstanceId, string? startedBy,
        IEnumerable<(HistoryKind Kind, string? UserId)> history, IReadOnlyCollection<string> applicantSide)
    {
        if (status != InstanceStatus.Active) return new WorkflowConflictException("instance-ended", "案件已办结，不能撤回");
        if (parentInstanceId is not null || startedBy is null)
            return new WorkflowException("not-withdrawable", "此案件不是申报单位发起的（由系统或上级案件发起），不能撤回");
        return history.Any(h => h.UserId is { } user && Acts.Contains(h.Kind) && !applicantSide.Contains(user))
            ? new WorkflowConflictException("already-reviewed", "审核人已开始办理，不能撤回")
            : null;
    }
}
