namespace KxHome.Workflows.Model;

/// <summary>
/// Text from a BPMN attribute or condition: a literal, one <c>${...}</c> expression (typed result),
/// or a template mixing both (string result).
/// </summary>
/// <param name="Source">The text as written in the file.</param>
/// <param name="Parts">Literal and script parts in order.</param>
public sealed record Expression(string Source, IReadOnlyList<ExpressionPart> Parts)
{
    /// <summary>True when the text has no <c>${...}</c> at all.</summary>
    public bool IsLiteral => Parts.All(p => !p.IsScript);

    /// <summary>True when the whole text is one <c>${...}</c>, so its value keeps its type.</summary>
    public bool IsSingleScript => Parts.Count == 1 && Parts[0].IsScript;
}

/// <summary>One part of an <see cref="Expression"/>: literal text, or the body of a <c>${...}</c> in JavaScript.</summary>
public sealed record ExpressionPart(string Text, bool IsScript);
