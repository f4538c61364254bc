using System.Text.Json;

namespace KxHome.Workflows.Association;

/// <summary>What an assessment keeps of the year: the figures, each rule's result, and the grade they suggest.</summary>
public sealed record AssessmentSnapshot(HomeFigures Figures, IReadOnlyList<RuleResult> Rules, AssessmentGrade Suggested)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static AssessmentSnapshot Of(Home home, HomeFigures figures, Policy policy)
    {
        var rules = RuleBook.Check(home, figures, policy);
        return new AssessmentSnapshot(figures, rules, RuleBook.Suggest(rules));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AssessmentSnapshot? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<AssessmentSnapshot>(json, Json);
}
