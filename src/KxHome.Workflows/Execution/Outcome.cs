namespace KxHome.Workflows.Execution;

/// <summary>What a behaviour answers: leave by these flows, wait (on this bookmark), or the token is done here.</summary>
internal abstract record Outcome
{
    public static readonly Outcome Wait = new WaitOutcome();
    public static readonly Outcome End = new EndOutcome();
    public static readonly Outcome Park = new ParkOutcome();
    public static readonly Outcome Gone = new GoneOutcome();

    public static Outcome Leave(IReadOnlyList<string> flows) => new LeaveOutcome(flows);

    /// <summary>Wait on a bookmark the step opens for the token: a task, a job, a timer, a subscription.</summary>
    public static Outcome WaitOn(Bookmark bookmark) => new WaitOutcome(bookmark);
}

/// <summary>Leave along these flows (none means the path simply ends).</summary>
internal sealed record LeaveOutcome(IReadOnlyList<string> Flows) : Outcome;

/// <summary>
/// Wait: on <paramref name="On"/>, or (none) on what the behaviour began and keeps in the token itself: a child scope,
/// a called case, the instances of a multi-instance body, the events after a gateway, a condition.
/// </summary>
internal sealed record WaitOutcome(Bookmark? On = null) : Outcome;

/// <summary>The token ends at this element.</summary>
internal sealed record EndOutcome : Outcome;

/// <summary>The token waits at a join for others to arrive.</summary>
internal sealed record ParkOutcome : Outcome;

/// <summary>The behaviour has already taken the token away (an error or escalation it threw was caught, or ended the scope).</summary>
internal sealed record GoneOutcome : Outcome;
