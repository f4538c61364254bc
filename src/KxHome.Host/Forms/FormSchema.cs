using System.Text.Json.Nodes;

namespace KxHome.Host.Forms;

/// <summary>
/// A form-js form (<c>workflows/forms/*.form</c>): the JSON the browser renders, and the fields the server checks the
/// submitted data against. Display-only components (text, spacer, image…) have no key and carry no data.
/// </summary>
public sealed class FormSchema
{
    private static readonly HashSet<string> InputTypes =
        ["textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "taglist", "datetime"];

    private FormSchema(string id, string json, IReadOnlyList<FormField> fields, IReadOnlyList<FormDocument> documents)
    {
        Id = id;
        Json = json;
        Fields = fields;
        Documents = documents;
    }

    /// <summary>The form's id, which a user task's <c>camunda:formKey</c> names.</summary>
    public string Id { get; }

    /// <summary>The form as form-js reads it.</summary>
    public string Json { get; }

    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>
    /// The documents the step requires as uploads (the form's root <c>documents</c>: key and label, e.g. the four
    /// 换届 drafts of R21); the step cannot be submitted until the case has a file for each.
    /// </summary>
    public IReadOnlyList<FormDocument> Documents { get; }

    /// <summary>The error key under which a missing document is reported.</summary>
    public static string DocumentField(string key) => "document:" + key;

    /// <summary>Reads a form file; a file that is not a form-js form gives a <see cref="FormatException"/>.</summary>
    public static FormSchema Parse(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("表单不是 JSON 对象");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException("表单不是有效的 JSON：" + e.Message);
        }
        var id = (root["id"] as JsonValue)?.TryGetValue<string>(out var text) == true && text.Length > 0 ? text : throw new FormatException("表单缺少 id");
        var fields = new List<FormField>();
        Collect(root["components"] as JsonArray, fields);
        var documents = (root["documents"] as JsonArray)?.OfType<JsonObject>()
            .Select(d => new FormDocument(d["key"]?.ToString() ?? "", d["label"]?.ToString() ?? ""))
            .ToList() ?? [];
        if (documents.Any(d => d.Key.Length == 0 || d.Label.Length == 0)) throw new FormatException("表单的 documents 每项须有 key 和 label");
        return new FormSchema(id, json, fields, documents);
    }

    private static void Collect(JsonArray? components, List<FormField> fields)
    {
        foreach (var component in components?.OfType<JsonObject>() ?? [])
        {
            var type = component["type"]?.GetValue<string>() ?? "";
            if (component["components"] is JsonArray nested) Collect(nested, fields); // groups
            if (!InputTypes.Contains(type) || component["key"]?.GetValue<string>() is not { Length: > 0 } key) continue;
            var validate = component["validate"] as JsonObject;
            fields.Add(new FormField(
                key, type, component["label"]?.GetValue<string>() ?? "",
                validate?["required"]?.GetValue<bool>() == true,
                Int(validate?["minLength"]), Int(validate?["maxLength"]),
                Number(validate?["min"]), Number(validate?["max"]),
                validate?["pattern"]?.GetValue<string>(), validate?["validationType"]?.GetValue<string>(),
                Options(component["values"] as JsonArray)));
        }
    }

    private static IReadOnlyList<FormOption> Options(JsonArray? values) =>
        values?.OfType<JsonObject>()
            .Select(v => new FormOption(v["label"]?.ToString() ?? "", v["value"]?.ToString() ?? ""))
            .ToList() ?? [];

    private static int? Int(JsonNode? node) => Number(node) is { } value ? (int)value : null;

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && double.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}

/// <summary>A document a step requires as an upload: the slot's key and what people call it.</summary>
public sealed record FormDocument(string Key, string Label);
