namespace KxHome.Workflows.Model;

/// <summary>A sequence flow; <paramref name="Condition"/> is null for an unconditional flow.</summary>
public sealed record SequenceFlow(string Id, string? Name, string SourceId, string TargetId, Expression? Condition);
