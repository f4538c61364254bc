using KxHome.Workflows.Execution;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// The states this process last committed, by instance and revision, so the next step on an instance skips reading
/// and parsing its state document; the least recently committed go first when it is full. A step takes the state
/// out (it changes it in place) and only a committed step puts it back; another process's write changes the
/// revision and the entry is simply not used. Used only during the process's write turn.
/// </summary>
internal sealed class InstanceStateCache(int capacity = 2_048)
{
    private readonly Dictionary<Guid, LinkedListNode<(Guid Id, Guid Revision, InstanceState State)>> _entries = [];
    private readonly LinkedList<(Guid Id, Guid Revision, InstanceState State)> _recent = new();

    public int Count => _entries.Count;

    public bool TryTake(Guid instanceId, Guid revision, out InstanceState state)
    {
        state = null!;
        if (!_entries.Remove(instanceId, out var node)) return false;
        _recent.Remove(node);
        if (node.Value.Revision != revision) return false;
        state = node.Value.State;
        return true;
    }

    public void Put(Guid instanceId, Guid revision, InstanceState state)
    {
        if (_entries.Remove(instanceId, out var old)) _recent.Remove(old);
        if (_entries.Count >= capacity && _recent.First is { } oldest)
        {
            _entries.Remove(oldest.Value.Id);
            _recent.RemoveFirst();
        }
        _entries[instanceId] = _recent.AddLast((instanceId, revision, state));
    }

    public void Clear()
    {
        _entries.Clear();
        _recent.Clear();
    }
}
