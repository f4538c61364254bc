namespace KxHome.Host.Forms;

/// <summary>One input of a form-js form: its data key, kind, label and the checks form-js makes in the browser.</summary>
public sealed record FormField(
    string Key,
    string Type,
    string Label,
    bool Required,
    int? MinLength,
    int? MaxLength,
    double? Min,
    double? Max,
    string? Pattern,
    string? ValidationType,
    IReadOnlyList<FormOption> Options)
{
    /// <summary>The label people read in an error, or the key when the form gives none.</summary>
    public string Name => Label.Length > 0 ? Label : Key;
}

/// <summary>One allowed value of a select, radio, checklist or tag list.</summary>
public sealed record FormOption(string Label, string Value);
