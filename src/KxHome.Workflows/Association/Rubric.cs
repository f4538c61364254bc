using System.Text.Json;

namespace KxHome.Workflows.Association;

/// <summary>
/// The standard experts score a 科协代表之家 by (R32): basic conditions (30) and activities (70), item by item, each with
/// its maximum. An item's <see cref="Item.Field"/> is its field in the expert's scoring form.
/// </summary>
public sealed record Rubric(IReadOnlyList<Rubric.Item> Items)
{
    public const string Basic = "基础条件";
    public const string Activities = "活动开展";

    public sealed record Item(string Field, string Part, string Label, int Max);

    public int Max => Items.Sum(i => i.Max);

    public int MaxOf(string part) => Items.Where(i => i.Part == part).Sum(i => i.Max);

    /// <summary>The rubric a year's settings give.</summary>
    public static Rubric From(Policy policy) => new(
    [
        new("scorePlace", Basic, "场所与标识", policy.Int(PolicyKeys.RubricPlace)),
        new("scoreRules", Basic, "管理办法与联系机制", policy.Int(PolicyKeys.RubricRules)),
        new("scorePlan", Basic, "年度计划、专项经费与服务队伍", policy.Int(PolicyKeys.RubricPlan)),
        new("scoreParty", Activities, "代表+党建", policy.Int(PolicyKeys.RubricParty)),
        new("scoreWindow", Activities, "代表+窗口", policy.Int(PolicyKeys.RubricWindow)),
        new("scoreNeighbourhood", Activities, "代表+邻里", policy.Int(PolicyKeys.RubricNeighbourhood)),
        new("scoreInnovation", Activities, "代表+创新", policy.Int(PolicyKeys.RubricInnovation)),
    ]);

    public string ToJson() => JsonSerializer.Serialize(Items);

    public static Rubric FromJson(string json) => new(JsonSerializer.Deserialize<List<Item>>(json) ?? []);

    /// <summary>
    /// An expert's points, read item by item (a whole number from 0 to the item's maximum), or the problems by field.
    /// </summary>
    public (IReadOnlyDictionary<string, int> Points, IReadOnlyList<(string Field, string Problem)> Problems) Read(Func<string, string?> field)
    {
        var points = new Dictionary<string, int>();
        var problems = new List<(string, string)>();
        foreach (var item in Items)
        {
            var text = field(item.Field)?.Trim();
            if (int.TryParse(text, out var n) && n >= 0 && n <= item.Max) points[item.Field] = n;
            else if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) && d > item.Max)
                problems.Add((item.Field, $"“{item.Label}”最多 {item.Max} 分，不能打 {d} 分（R32）"));
            else problems.Add((item.Field, $"“{item.Label}”须为 0 至 {item.Max} 的整数分（R32）"));
        }
        return (points, problems);
    }
}
