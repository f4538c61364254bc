using System.Text.Json.Serialization;
using KxHome.Workflows.Execution;

namespace KxHome.Workflows.Persistence;

/// <summary>Compile-time JSON metadata for the instance state document: enums by name, nulls left out.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InstanceState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
