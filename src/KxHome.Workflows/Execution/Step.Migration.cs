using System.Text.Json.Nodes;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// Migration: the instance goes on under another version of its process (this step's model). Tokens stay where they
// are and keep what they wait on; nothing is entered, created or run.
internal sealed partial class Step
{
    /// <summary>Moves the instance to the version <paramref name="definitionId"/>, recording who did it and from which version.</summary>
    public void MoveToVersion(string definitionId, int fromVersion, int toVersion, string userId)
    {
        var from = state.DefinitionId;
        state.DefinitionId = definitionId;
        Record(HistoryKind.InstanceMigrated, null, userId: userId, comment: $"第 {fromVersion} 版 → 第 {toVersion} 版",
            data: new JsonObject { ["from"] = from, ["to"] = definitionId });
    }
}
