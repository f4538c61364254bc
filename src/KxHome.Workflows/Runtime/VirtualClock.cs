namespace KxHome.Workflows.Runtime;

/// <summary>A clock that moves only when told to: for tests, training and demos (<c>Clock:Mode=Virtual</c>).</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock never goes back.");
        lock (_gate) _now += by;
    }

    /// <summary>Moves the clock forward to an instant; an instant already passed changes nothing.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            if (instant > _now) _now = instant;
        }
    }
}
