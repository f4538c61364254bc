using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

/// <summary>
/// A wait the step opened, one kind of thing whatever it waits for (a person, a handler, a time, a message): the writer
/// stores every one by one path (<c>Persistence.BookmarkStore</c>), a token waiting on it holds its kind and id, and a
/// later step closes it by the same two (<see cref="ClosedWait"/>).
/// </summary>
internal abstract record Bookmark(Guid Id, string ElementId)
{
    public abstract WaitKind Kind { get; }
}

/// <summary>A user task the step created, with its attributes evaluated.</summary>
internal sealed record NewUserTask(
    Guid Id, Guid TokenId, string ElementId, string? Name, string? Assignee,
    IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups,
    string? FormKey, DateTime? DueAt, int Priority) : Bookmark(Id, ElementId)
{
    public override WaitKind Kind => WaitKind.UserTask;

    /// <summary>The task's first revision, fixed when the step creates it: what is stored is what the step answers.</summary>
    public Guid Revision { get; } = Ids.Random();
}

/// <summary>A service-task job the step created; a worker runs its topic's handler after commit.</summary>
internal sealed record NewJob(Guid Id, Guid TokenId, string ElementId, string Topic) : Bookmark(Id, ElementId)
{
    public override WaitKind Kind => WaitKind.Job;
}

/// <summary>
/// A timer the step armed: of a timer catch event the token waits at, of a boundary event on its activity, or (with
/// no token) of a timer start event. A cycle keeps its evaluated text and how many of its occurrences fired before.
/// </summary>
internal sealed record NewTimer(Guid Id, Guid? TokenId, string ElementId, string? ElementName, DateTime DueAt,
    string? Cycle = null, int Fired = 0, bool WorkingDays = false) : Bookmark(Id, ElementId)
{
    public override WaitKind Kind => WaitKind.Timer;
}

/// <summary>
/// A message or signal subscription the step opened: of a waiting token, of a boundary event, of an event racing after
/// an event-based gateway, or (no token) of a start event.
/// </summary>
internal sealed record NewSubscription(Guid Id, Guid? TokenId, string ElementId, string MessageName, bool Signal = false)
    : Bookmark(Id, ElementId)
{
    public override WaitKind Kind => WaitKind.Message;

    /// <summary>The message or signal an element waits for, by name; null when it waits for neither.</summary>
    public static (string Name, bool Signal)? Awaited(FlowNode node) => node switch
    {
        MessageCatchNode message => (message.MessageName, false),
        MessageStartNode message => (message.MessageName, false),
        BoundaryMessageNode message => (message.MessageName, false),
        SignalNode { Kind: FlowNodeKind.SignalCatchEvent or FlowNodeKind.SignalStartEvent } signal => (signal.SignalName, true),
        BoundarySignalNode signal => (signal.SignalName, true),
        _ => null,
    };

    /// <summary>A new subscription for an element that waits for a message or signal.</summary>
    public static NewSubscription For(FlowNode node, Guid? tokenId, DateTime now) => Awaited(node) is var (name, signal)
        ? new NewSubscription(Ids.TimeOrdered(now), tokenId, node.Id, name, signal)
        : throw new InvalidOperationException($"{node.Id} waits for no message or signal");
}

/// <summary>An instance a call activity starts, in the same transaction, once the calling step is written.</summary>
internal sealed record NewChildInstance(
    Guid InstanceId, Guid TokenId, string ElementId, string DefinitionKey, int? Version,
    IReadOnlyDictionary<string, JsonNode?> Variables, string? BusinessKey);

/// <summary>What a due timer row says about itself when it fires.</summary>
internal sealed record TimerFiring(Guid Id, DateTime DueAt, string? Cycle, int Fired);

/// <summary>
/// A wait the step closed: a user task completed (<paramref name="CompletedBy"/> says by whom) or ended without being
/// done (the token was cancelled or terminated), a job finished or cancelled, a timer that fired or was disarmed, a
/// subscription delivered or withdrawn.
/// </summary>
internal sealed record ClosedWait(WaitKind Kind, Guid Id, string? CompletedBy = null);

/// <summary>An incident the step raised.</summary>
internal sealed record NewIncident(Guid Id, Guid TokenId, string ElementId, string Kind, string Message);

/// <summary>One history entry the step wrote.</summary>
internal sealed record HistoryRecord(
    HistoryKind Kind, DateTime At, string? ElementId, string? ElementName,
    Guid? TaskId = null, string? UserId = null, string? Comment = null, JsonNode? Data = null);
