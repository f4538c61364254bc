namespace KxHome.Workflows.Association;

/// <summary>The settings of one rule set in one year: an administrator's values over the seed's defaults.</summary>
public sealed class Policy(RuleSet ruleSet, int year, IReadOnlyDictionary<string, string> values)
{
    public RuleSet RuleSet { get; } = ruleSet;
    public int Year { get; } = year;

    /// <summary>The seed's defaults alone.</summary>
    public static Policy Defaults(RuleSet ruleSet, int year) => new(ruleSet, year, new Dictionary<string, string>());

    public string Text(PolicyKey key) => values.TryGetValue(key.Key, out var value) ? value : key.DefaultFor(RuleSet);

    /// <summary>Whether an administrator changed the setting for this year.</summary>
    public bool IsChanged(PolicyKey key) => values.ContainsKey(key.Key);

    public long Number(PolicyKey key) => long.Parse(Text(key), System.Globalization.CultureInfo.InvariantCulture);

    public int Int(PolicyKey key) => (int)Number(key);

    /// <summary>A MM-dd setting as the date of this policy's year.</summary>
    public DateOnly Date(PolicyKey key) => DateOnly.ParseExact($"{Year}-{Text(key)}", "yyyy-MM-dd");

    /// <summary>How this rule set's local association founds park associations (R19).</summary>
    public FoundingMode FoundingMode => Text(PolicyKeys.AssociationFounding) == "备案制" ? FoundingMode.Filing : FoundingMode.Approval;

    /// <summary>A value as people read it: money in yuan, a day as 6月15日.</summary>
    public string Show(PolicyKey key) => key.Kind switch
    {
        PolicyValueKind.Fen => Money.Yuan(Number(key)),
        PolicyValueKind.MonthDay => $"{Date(key).Month}月{Date(key).Day}日",
        _ => $"{Text(key)} {key.Unit}".Trim(),
    };
}
