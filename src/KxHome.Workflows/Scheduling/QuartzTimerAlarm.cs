using System.Threading.Channels;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Scheduling;

/// <summary>
/// Queues alarm changes for <see cref="TimerAlarmService"/>, which applies them to Quartz in batches: the step that
/// armed a timer never waits for Quartz's own database.
/// </summary>
internal sealed class QuartzTimerAlarm : ITimerAlarm
{
    private readonly Channel<AlarmChange> _changes = Channel.CreateUnbounded<AlarmChange>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<AlarmChange> Changes => _changes.Reader;

    public void Set(IReadOnlyList<AlarmTime> timers)
    {
        foreach (var timer in timers) _changes.Writer.TryWrite(new AlarmChange(timer.TimerId, timer.DueAt));
    }

    public void Silence(IReadOnlyList<Guid> timerIds)
    {
        foreach (var id in timerIds) _changes.Writer.TryWrite(new AlarmChange(id, null));
    }
}

/// <summary>Set the timer's trigger to the due time, or remove it when <see cref="DueAt"/> is null.</summary>
internal readonly record struct AlarmChange(Guid TimerId, DateTime? DueAt);
