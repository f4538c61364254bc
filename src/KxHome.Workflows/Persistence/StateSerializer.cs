using System.Text.Json;
using System.Text.Json.Serialization;
using KxHome.Workflows.Execution;

namespace KxHome.Workflows.Persistence;

/// <summary>Reads and writes an instance's state document.</summary>
internal static class StateSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(InstanceState state) => JsonSerializer.Serialize(state, Options);

    public static InstanceState Read(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Options) ?? throw new InvalidDataException("empty instance state");
}
