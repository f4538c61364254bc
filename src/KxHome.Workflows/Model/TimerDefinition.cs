namespace KxHome.Workflows.Model;

/// <summary>
/// When a timer event fires: at a date (<c>timeDate</c>), after a duration (<c>timeDuration</c>) or on a repeating
/// schedule (<c>timeCycle</c>: ISO 8601 repeating intervals or a cron expression).
/// </summary>
/// <param name="Kind">Which BPMN timer element it came from.</param>
/// <param name="Value">The date, date alone, ISO 8601 duration or cycle; may be a <c>${...}</c> expression.</param>
/// <param name="WorkingDays">
/// A duration of whole days counts working days (<c>kx:calendar="workdays"</c>): public holidays and weekends
/// are skipped, 调休 make-up days count, and the timer falls due at the end of the last day.
/// </param>
public sealed record TimerDefinition(TimerKind Kind, Expression Value, bool WorkingDays = false);

/// <summary>The BPMN timer elements the engine runs.</summary>
public enum TimerKind { Date, Duration, Cycle }
