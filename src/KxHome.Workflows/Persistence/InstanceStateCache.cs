using KxHome.Workflows.Execution;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// The states this process last committed, by instance and revision, so the next step on an instance skips reading
/// and parsing its state document. A step takes the state out (it changes it in place) and only a committed step
/// puts it back; another process's write changes the revision and the entry is simply not used. Used only during
/// the process's write turn.
/// </summary>
internal sealed class InstanceStateCache(int capacity = 2_048)
{
    private readonly Dictionary<Guid, (Guid Revision, InstanceState State)> _states = [];
    private readonly Queue<Guid> _order = new();

    public bool TryTake(Guid instanceId, Guid revision, out InstanceState state)
    {
        state = null!;
        if (!_states.Remove(instanceId, out var entry) || entry.Revision != revision) return false;
        state = entry.State;
        return true;
    }

    public void Put(Guid instanceId, Guid revision, InstanceState state)
    {
        if (_states.Count >= capacity && _order.TryDequeue(out var oldest)) _states.Remove(oldest);
        _states[instanceId] = (revision, state);
        _order.Enqueue(instanceId);
    }

    public void Clear()
    {
        _states.Clear();
        _order.Clear();
    }
}
