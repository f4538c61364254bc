namespace KxHome.Workflows.Association;

/// <summary>Plaque numbers (R28): the rule set's prefix, the year of naming and a sequence, e.g. 嘉科家〔2026〕第003号.</summary>
public static class PlaqueNumbers
{
    public static string Prefix(RuleSet ruleSet) => ruleSet == RuleSet.Yiyang ? "益科家" : "嘉科家";

    public static string Format(RuleSet ruleSet, int year, int sequence) => $"{Prefix(ruleSet)}〔{year}〕第{sequence:000}号";

    /// <summary>The start every number of the rule set and year shares, to find the last one used.</summary>
    public static string StartOf(RuleSet ruleSet, int year) => $"{Prefix(ruleSet)}〔{year}〕";

    /// <summary>The sequence in a number of <see cref="Format"/>, or 0.</summary>
    public static int SequenceOf(string? number) =>
        number is not null && number.LastIndexOf('第') is var at and >= 0 && int.TryParse(number[(at + 1)..].TrimEnd('号'), out var n) ? n : 0;
}
