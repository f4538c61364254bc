namespace KxHome.Workflows.Model;

/// <summary>Where a process instance stands.</summary>
public enum InstanceStatus
{
    /// <summary>Running: at least one token is somewhere in the flow.</summary>
    Active,

    /// <summary>Reached its end.</summary>
    Completed,

    /// <summary>Stopped by a person before reaching its end.</summary>
    Cancelled,
}
