using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KxHome.Host.Forms;

/// <summary>
/// Checks submitted form data against the form on the server, with the rules form-js applies in the browser
/// (required, min/max, minLength/maxLength, pattern, email/phone, allowed options). Keys the form does not have
/// are dropped: the data kept is only what the form asks for.
/// </summary>
public static class FormValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly Regex Email = new(@"^[^\s@]+@[^\s@]+\.[^\s@]+$", RegexOptions.None, PatternTimeout);
    private static readonly Regex Phone = new(@"^\+?[0-9][0-9\- ]{5,19}$", RegexOptions.None, PatternTimeout);

    /// <summary>The data to keep, and an error in Chinese per field key that failed.</summary>
    public static FormCheck Check(FormSchema form, JsonObject? submitted)
    {
        var data = new JsonObject();
        var errors = new Dictionary<string, string>();
        foreach (var field in form.Fields)
        {
            var value = submitted?[field.Key]?.DeepClone();
            if (IsEmpty(field, value))
            {
                if (field.Required) errors[field.Key] = $"{field.Name}：此项为必填项";
                continue;
            }
            var problem = Problem(field, value!);
            if (problem is not null) errors[field.Key] = $"{field.Name}：{problem}";
            else data[field.Key] = value;
        }
        return new FormCheck(data, errors);
    }

    private static bool IsEmpty(FormField field, JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim().Length == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => field.Type == "checkbox", // a required checkbox must be ticked; a radio may answer false
        _ => false,
    };

    private static string? Problem(FormField field, JsonNode value) => field.Type switch
    {
        "textfield" or "textarea" => Text(field, value),
        "number" => NumberProblem(field, value),
        "select" or "radio" => value is JsonValue single && Allowed(field, single) ? null : "请从给定选项中选择",
        "checklist" or "taglist" => value is JsonArray many && many.All(v => v is JsonValue one && Allowed(field, one)) ? null : "请从给定选项中选择",
        "checkbox" => value is JsonValue flag && flag.GetValueKind() is JsonValueKind.True ? null : "请勾选",
        "datetime" => value is JsonValue date && date.GetValueKind() == JsonValueKind.String
                      && DateOnly.TryParseExact(date.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null : "日期格式应为 年-月-日",
        _ => null,
    };

    private static string? Text(FormField field, JsonNode value)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return "应为文字";
        var text = v.GetValue<string>();
        if (field.MinLength is { } min && text.Length < min) return $"至少填写 {min} 个字";
        if (field.MaxLength is { } max && text.Length > max) return $"最多填写 {max} 个字";
        if (field.ValidationType == "email" && !Email.IsMatch(text)) return "请填写有效的电子邮箱";
        if (field.ValidationType == "phone" && !Phone.IsMatch(text)) return "请填写有效的电话号码";
        if (field.Pattern is { Length: > 0 } pattern && !Matches(pattern, text)) return "格式不正确";
        return null;
    }

    private static string? NumberProblem(FormField field, JsonNode value)
    {
        if (value is not JsonValue v || !double.TryParse(v.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || double.IsNaN(number) || double.IsInfinity(number))
        {
            return "应为数字";
        }
        if (field.Min is { } min && number < min) return $"不能小于 {min.ToString(CultureInfo.InvariantCulture)}";
        if (field.Max is { } max && number > max) return $"不能大于 {max.ToString(CultureInfo.InvariantCulture)}";
        return null;
    }

    private static bool Allowed(FormField field, JsonValue value) =>
        field.Options.Count == 0 || field.Options.Any(o => o.Value == value.ToString());

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, PatternTimeout);
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return false; // a pattern .NET cannot read, or one that runs away, never lets data through
        }
    }
}

/// <summary>The outcome of checking form data: what is kept, and what failed (by field key).</summary>
public sealed record FormCheck(JsonObject Data, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
