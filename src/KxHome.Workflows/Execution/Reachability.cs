using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

/// <summary>Whether a token at one element can still arrive at another without passing through it; cached per scope.</summary>
internal static class Reachability
{
    private static readonly ConditionalWeakTable<FlowScope, ConcurrentDictionary<(string From, string To), bool>> Cache = new();

    public static bool CanReach(FlowScope scope, string from, string to) =>
        Cache.GetOrCreateValue(scope).GetOrAdd((from, to), key => Search(scope, key.From, key.To));

    private static bool Search(FlowScope scope, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var id))
        {
            foreach (var flowId in scope.Node(id).Outgoing)
            {
                var target = scope.Flow(flowId).TargetId;
                if (target == to) return true;
                if (seen.Add(target)) pending.Push(target);
            }
        }
        return false;
    }
}
