namespace KxHome.Workflows.Core;

/// <summary>
/// The engine refused an operation. <see cref="Code"/> is stable for programs (e.g. <c>task-already-completed</c>);
/// the message is a Chinese sentence for people. The host maps it to problem+json.
/// </summary>
public class WorkflowException(string code, string message) : Exception(message)
{
    /// <summary>A stable machine-readable reason.</summary>
    public string Code { get; } = code;
}

/// <summary>Something the caller asked for does not exist.</summary>
public sealed class WorkflowNotFoundException(string code, string message) : WorkflowException(code, message);

/// <summary>Someone else changed the same thing first: the task is already done, the instance moved on.</summary>
public sealed class WorkflowConflictException(string code, string message) : WorkflowException(code, message);
