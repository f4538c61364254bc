using System.Text.Json;
using System.Text.Json.Nodes;

namespace KxHome.Workflows.Association;

/// <summary>
/// What a certification application says (the form <c>certification-apply</c>), read from the case's variables: the
/// home's kind, place (R1), people (R2), 六有 (R30) and planned activities (R3, R31).
/// </summary>
public sealed record HomeApplication
{
    public string Name { get; init; } = "";
    public HomeKind? Kind { get; init; }
    public string Address { get; init; } = "";
    public double AreaM2 { get; init; }
    public string PersonInCharge { get; init; } = "";
    public string Administrator { get; init; } = "";
    public string Phone { get; init; } = "";
    public int PlannedInnovationEvents { get; init; }
    public int PlannedOutreachEvents { get; init; }
    public SixHaves SixHaves { get; init; } = new();

    public static HomeApplication From(IReadOnlyDictionary<string, JsonNode?> data)
    {
        string Text(string key) => data.TryGetValue(key, out var v) && v is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>().Trim() : "";
        double Number(string key) => data.TryGetValue(key, out var v) && v is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var haves = data.TryGetValue("sixHaves", out var list) && list is JsonArray array
            ? array.Select(x => x?.ToString()).ToHashSet() : [];
        return new HomeApplication
        {
            Name = Text("homeName"),
            Kind = Enum.TryParse<HomeKind>(Text("homeKind"), out var kind) ? kind : null,
            Address = Text("address"),
            AreaM2 = Number("areaM2"),
            PersonInCharge = Text("personInCharge"),
            Administrator = Text("administrator"),
            Phone = Text("phone"),
            PlannedInnovationEvents = (int)Number("innovationEvents"),
            PlannedOutreachEvents = (int)Number("outreachEvents"),
            SixHaves = new SixHaves
            {
                Place = haves.Contains("place"), Facilities = haves.Contains("facilities"), Staff = haves.Contains("staff"),
                Funding = haves.Contains("funding"), Activities = haves.Contains("activities"), Rules = haves.Contains("rules"),
                OpenFreeOfCharge = data.TryGetValue("openFree", out var free) && free is JsonValue f && f.GetValueKind() == JsonValueKind.True,
            },
        };
    }
}
