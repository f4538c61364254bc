namespace KxHome.Workflows.Association;

/// <summary>An administrator's value for one setting of a rule set in one year; a setting with no row has the seed's default.</summary>
public sealed class PolicySetting
{
    public RuleSet RuleSet { get; set; }
    public int Year { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string? ChangedBy { get; set; }
}
