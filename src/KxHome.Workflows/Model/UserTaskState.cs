namespace KxHome.Workflows.Model;

/// <summary>Where a user task stands.</summary>
public enum UserTaskState
{
    /// <summary>Waiting for someone to complete it.</summary>
    Open,

    /// <summary>Done by a person.</summary>
    Completed,

    /// <summary>Ended without being done: the instance was cancelled or the path terminated.</summary>
    Cancelled,
}
