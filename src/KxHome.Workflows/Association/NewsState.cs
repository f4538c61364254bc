namespace KxHome.Workflows.Association;

/// <summary>Where an event's news stands against the days allowed (R25).</summary>
public enum NewsState
{
    /// <summary>Reported within the days allowed.</summary>
    OnTime,

    /// <summary>Reported, but after the days allowed.</summary>
    Late,

    /// <summary>Not reported, and the days allowed are over: overdue, someone should be urged.</summary>
    Missing,

    /// <summary>Not reported yet, and still within the days allowed.</summary>
    Pending,
}
