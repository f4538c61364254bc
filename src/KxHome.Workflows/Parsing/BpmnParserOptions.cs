namespace KxHome.Workflows.Parsing;

/// <summary>Limits on what the parser accepts.</summary>
/// <param name="MaxBytes">The largest file accepted, in bytes (UTF-8).</param>
public sealed record BpmnParserOptions(int MaxBytes = 2 * 1024 * 1024);
