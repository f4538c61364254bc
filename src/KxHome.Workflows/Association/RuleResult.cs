namespace KxHome.Workflows.Association;

/// <summary>
/// One rule checked against a figure, as people read it beside the figure: <c>R3 创新类活动 3/4 ✗</c>. An advisory
/// rule (R25's late news) is flagged but does not decide the grade.
/// </summary>
public sealed record RuleResult(string RuleId, string Label, string Actual, string Required, bool Passed, bool Advisory = false)
{
    public string Mark => Passed ? "✓" : Advisory ? "⚠" : "✗";

    /// <summary>"R3 创新类活动 3/4 ✗".</summary>
    public string Text => $"{RuleId} {Label} {Actual}/{Required} {Mark}";

    public override string ToString() => Text;
}
