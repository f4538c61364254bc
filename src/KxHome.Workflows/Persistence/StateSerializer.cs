using System.Text.Json;
using KxHome.Workflows.Execution;

namespace KxHome.Workflows.Persistence;

/// <summary>Reads and writes an instance's state document.</summary>
internal static class StateSerializer
{
    public static string Write(InstanceState state) => JsonSerializer.Serialize(state, StateJsonContext.Default.InstanceState);

    public static InstanceState Read(string json) =>
        JsonSerializer.Deserialize(json, StateJsonContext.Default.InstanceState) ?? throw new InvalidDataException("empty instance state");
}
