namespace KxHome.Workflows.Association;

/// <summary>What kind of value a setting holds, so it can be checked and shown.</summary>
public enum PolicyValueKind
{
    /// <summary>A whole number (a count, m², days, percent).</summary>
    Number,

    /// <summary>Money in whole fen; shown and entered in yuan.</summary>
    Fen,

    /// <summary>A day of the year as MM-dd, e.g. 06-15.</summary>
    MonthDay,

    /// <summary>One of the key's <see cref="PolicyKey.Choices"/>, e.g. 审批制 or 备案制.</summary>
    Choice,
}

/// <summary>
/// One setting of the rule sets: its key, the rule it comes from, its label in Chinese, what kind of value it is, the
/// seed's value for each rule set, and, for a number, the range it may take. Jiangsu's seed sets only the numbers of its call (R32–R36); where it sets none,
/// Jiading's value stands (and is never shown: the settings page shows a rule set's own rules).
/// </summary>
public sealed record PolicyKey(
    string Key, string RuleId, string Label, PolicyValueKind Kind, string Unit, string Jiading, string Yiyang, IReadOnlyList<string>? Choices = null,
    string? Jiangsu = null, long Min = 0, long Max = 1_000_000)
{
    public string DefaultFor(RuleSet ruleSet) => ruleSet switch
    {
        RuleSet.Yiyang => Yiyang,
        RuleSet.Jiangsu => Jiangsu ?? Jiading,
        _ => Jiading,
    };

    /// <summary>Checks a value an administrator typed; gives the value to store, or a message in Chinese.</summary>
    public (string? Value, string? Problem) Check(string? text)
    {
        text = text?.Trim() ?? "";
        switch (Kind)
        {
            case PolicyValueKind.Number:
                return long.TryParse(text, out var n) && n >= Min && n <= Max ? (n.ToString(), null) : (null, $"{Label}须为 {Min} 至 {Max} 的整数");
            case PolicyValueKind.Fen:
                return decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var yuan)
                       && yuan >= 0 && yuan <= 100_000_000 && decimal.Round(yuan, 2) == yuan
                    ? (((long)(yuan * 100)).ToString(), null)
                    : (null, $"{Label}须为不小于 0 的金额（元，最多两位小数）");
            case PolicyValueKind.Choice:
                return Choices!.Contains(text) ? (text, null) : (null, $"{Label}须为{string.Join("或", Choices!)}");
            default:
                // Every year has the day: 02-29 is refused (checked against a year that is not a leap year).
                return DateOnly.TryParseExact("2023-" + text, "yyyy-MM-dd", out _) ? (text, null) : (null, $"{Label}须为 月-日，如 06-15（不能是 02-29）");
        }
    }
}
