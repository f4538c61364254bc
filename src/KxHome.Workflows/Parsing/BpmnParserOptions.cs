namespace KxHome.Workflows.Parsing;

/// <summary>Limits on what the parser accepts.</summary>
/// <param name="MaxBytes">The largest file accepted, in bytes (UTF-8).</param>
/// <param name="MaxDepth">The deepest nesting of elements accepted (real files stay under 30).</param>
public sealed record BpmnParserOptions(int MaxBytes = 2 * 1024 * 1024, int MaxDepth = 100);
