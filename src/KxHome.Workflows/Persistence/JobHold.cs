namespace KxHome.Workflows.Persistence;

/// <summary>
/// Which new jobs a worker locks for itself as the step writes them: those of the topics it has handlers for. It
/// runs them right after the commit, without a separate locking transaction; if it dies first, the lock expires
/// and another worker takes them over.
/// </summary>
internal sealed record JobHold(string Owner, TimeSpan Duration, IReadOnlySet<string> Topics)
{
    public bool Handles(string topic) => Topics.Contains(topic);
}
