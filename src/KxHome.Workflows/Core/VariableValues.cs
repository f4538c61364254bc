using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KxHome.Workflows.Core;

/// <summary>
/// Variables are JSON: string, number, boolean, list, object, and date-time written as an ISO 8601 string
/// with an offset (stored in UTC). These helpers convert .NET values and read variables back.
/// </summary>
public static partial class VariableValues
{
    /// <summary>Converts a .NET value (primitives, dates, lists, dictionaries, JSON) into a variable value.</summary>
    public static JsonNode? From(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        DateTimeOffset at => JsonValue.Create(FormatDateTime(at)),
        DateTime at => JsonValue.Create(FormatDateTime(at.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(at, TimeSpan.Zero) : new DateTimeOffset(at.ToUniversalTime()))),
        int or long or short or byte => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double or float or decimal => FromNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select(From).ToArray()),
        _ => JsonSerializer.SerializeToNode(value),
    };

    /// <summary>Converts a map of .NET values into variables.</summary>
    public static Dictionary<string, JsonNode?> FromMap(IReadOnlyDictionary<string, object?>? values) =>
        values?.ToDictionary(p => p.Key, p => From(p.Value)) ?? [];

    /// <summary>A number as JSON, integral values without a fraction.</summary>
    public static JsonNode FromNumber(double number) =>
        Math.Abs(number) < 9e15 && number == Math.Floor(number)
            ? JsonValue.Create((long)number)
            : JsonValue.Create(number);

    /// <summary>The canonical text of a date-time variable: UTC, round-trip format.</summary>
    public static string FormatDateTime(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>True when the text is an ISO 8601 date-time with a time of day and an offset.</summary>
    public static bool TryReadDateTime(string text, out DateTimeOffset at)
    {
        at = default;
        return text.Length is >= 17 and <= 40
            && DateTimePattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    /// <summary>Whether the value counts as true for a condition: JavaScript truthiness.</summary>
    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonValue v when TryGetNumber(v, out var d) => d != 0 && !double.IsNaN(d),
        _ => true,
    };

    /// <summary>Reads a JSON number whatever .NET type it was created from.</summary>
    public static bool TryGetNumber(JsonValue value, out double number)
    {
        // The common kinds without serialising (a value parsed from JSON reads as double); anything else through its text.
        if (value.TryGetValue(out number)) return true;
        if (value.TryGetValue<long>(out var whole))
        {
            number = whole;
            return true;
        }
        if (value.TryGetValue<int>(out var small))
        {
            number = small;
            return true;
        }
        return value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A value as text: a string as itself, anything else as JSON, null for null. The one place this is decided.</summary>
    public static string? AsText(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString();

    /// <summary>The value as people read it in a message: text as it is, anything else as JSON.</summary>
    public static string Display(JsonNode? value) => AsText(value) ?? "null";

    /// <summary>A variable as text, trimmed: a string as itself, any other value as JSON, "" when missing or null.</summary>
    public static string Text(IReadOnlyDictionary<string, JsonNode?> variables, string name) =>
        variables.TryGetValue(name, out var value) && value is not null ? Display(value).Trim() : "";

    /// <summary>True when two variable values are equal as JSON.</summary>
    public static bool AreEqual(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    private static JsonObject FromDictionary(IDictionary dictionary)
    {
        var obj = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            obj[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = From(entry.Value);
        }
        return obj;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();
}
