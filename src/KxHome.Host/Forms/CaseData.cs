using System.Text.Json.Nodes;
using KxHome.Workflows.Model;

namespace KxHome.Host.Forms;

/// <summary>
/// A case's data as label and value, read through the forms of the flow's user tasks: what an approver reviews, and
/// what an applicant submitted. Choices show their labels, check boxes 是 / 否.
/// </summary>
public static class CaseData
{
    /// <summary>The values of the fields on the forms of <paramref name="steps"/> (every user task when null), in form order.</summary>
    public static IReadOnlyList<(string Label, string Value)> Of(
        FormCatalog forms, ProcessModel model, IReadOnlyDictionary<string, JsonNode?> variables, Func<UserTaskNode, bool>? steps = null)
    {
        var fields = model.AllNodes.OfType<UserTaskNode>().Where(n => steps?.Invoke(n) != false)
            .Select(n => forms.Find(n.Settings.FormKey)).OfType<FormSchema>()
            .SelectMany(f => f.Fields).DistinctBy(f => f.Key);
        var values = new List<(string, string)>();
        foreach (var field in fields)
        {
            if (!variables.TryGetValue(field.Key, out var value) || value is null) continue;
            values.Add((field.Name, Show(field, value)));
        }
        return values;
    }

    private static string Show(FormField field, JsonNode value) => value switch
    {
        JsonArray many => string.Join("、", many.Select(v => Option(field, v?.ToString() ?? ""))),
        JsonValue one when field.Type == "checkbox" => one.ToString() == "true" ? "是" : "否",
        _ => Option(field, value.ToString()),
    };

    private static string Option(FormField field, string value) => field.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;
}
