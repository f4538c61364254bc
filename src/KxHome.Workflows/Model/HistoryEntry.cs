using System.Text.Json.Nodes;

namespace KxHome.Workflows.Model;

/// <summary>One line of the audit trail.</summary>
public sealed record HistoryEntry(
    long Id, DateTime At, HistoryKind Kind, string? ElementId, string? ElementName,
    Guid? TaskId, string? UserId, string? Comment, JsonNode? Data);
