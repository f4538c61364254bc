using KxHome.Host.Identity;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Cases;

/// <summary>A case's history as people read it: what happened, at which step, by whom, and why.</summary>
public static class Timeline
{
    public sealed record Entry(DateTime At, string What, string? Step, string? Who, string? Comment);

    public static IReadOnlyList<Entry> Of(InstanceView instance, IReadOnlyDictionary<string, AppUser> people) =>
        instance.History.Select(h => Label(h) is { } what
                ? new Entry(h.At, what, h.ElementName, h.UserId is null ? null : People.NameOf(people, h.UserId), Said(h))
                : null)
            .OfType<Entry>().ToList();

    /// <summary>What the person said: the comment, else the opinion written in the step's form.</summary>
    private static string? Said(HistoryEntry h) =>
        !string.IsNullOrWhiteSpace(h.Comment) ? h.Comment
        : h.Kind == HistoryKind.TaskCompleted && h.Data?["opinion"] is System.Text.Json.Nodes.JsonValue opinion ? opinion.ToString() : null;

    /// <summary>Everyone named in the history, to look up their names at once.</summary>
    public static IEnumerable<string?> PeopleIn(InstanceView instance) =>
        instance.History.Select(h => h.UserId).Append(instance.StartedBy);

    private static string? Label(HistoryEntry h) => h.Kind switch
    {
        HistoryKind.InstanceStarted => "发起申报",
        HistoryKind.TaskCreated => "到达环节",
        HistoryKind.TaskClaimed => "签收",
        HistoryKind.TaskCompleted => h.Data?["approved"]?.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True => "同意",
            System.Text.Json.JsonValueKind.False => "不同意",
            _ => "提交",
        },
        HistoryKind.TaskDelegated => "委派",
        HistoryKind.TaskResolved => "受托办理完毕，交回",
        HistoryKind.TaskTransferred => "转交",
        HistoryKind.SignerAdded => "加签",
        HistoryKind.TaskSigned => "会签同意",
        HistoryKind.TaskReturned => $"退回到“{h.Data?["toName"]}”",
        HistoryKind.CorrectionRequested => "要求补正",
        HistoryKind.TaskCopied => "抄送",
        HistoryKind.TaskUrged => "催办",
        HistoryKind.TaskCandidatesAdded => "转由管理员办理",
        HistoryKind.InstanceCompleted => "办结",
        HistoryKind.InstanceCancelled => "取消",
        HistoryKind.InstanceWithdrawn => "撤回",
        HistoryKind.InstanceMigrated => "迁移到新版本",
        HistoryKind.TimerExtended => "期限延长",
        HistoryKind.TimerDueNow => "期限提前到期",
        HistoryKind.TimerPaused => "暂停计时",
        HistoryKind.TimerResumed => "恢复计时",
        HistoryKind.TimerFired => "期限已到",
        HistoryKind.IncidentRaised => "出现异常",
        HistoryKind.ErrorThrown => $"发生错误“{h.Data?["code"]}”",
        HistoryKind.EscalationThrown => $"升级“{h.Data?["code"]}”",
        HistoryKind.SignalReceived => $"收到信号“{h.Data?["signal"]}”",
        _ => null,
    };
}
