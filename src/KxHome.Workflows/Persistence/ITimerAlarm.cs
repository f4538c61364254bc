namespace KxHome.Workflows.Persistence;

/// <summary>
/// The alarm clock that wakes the engine when timers fall due. The engine's timer rows stay the truth; the alarm is
/// told after each commit which timers were armed or moved, and which went away.
/// </summary>
public interface ITimerAlarm
{
    /// <summary>Wake the engine at each timer's due time (replacing an earlier alarm for the same timer).</summary>
    void Set(IReadOnlyList<AlarmTime> timers);

    /// <summary>These timers fired, ended or were paused: no alarm is needed for them.</summary>
    void Silence(IReadOnlyList<Guid> timerIds);
}

/// <summary>When a timer falls due.</summary>
public readonly record struct AlarmTime(Guid TimerId, DateTime DueAt);
