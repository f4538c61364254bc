using System.Text.RegularExpressions;

namespace KxHome.Host.Forms;

/// <summary>
/// The forms beside the flows (<c>Forms:Folder</c>, by default <c>workflows/forms/*.form</c>), by id; read at first use
/// and again after the studio saves one.
/// </summary>
public sealed partial class FormCatalog(IConfiguration configuration, ILogger<FormCatalog> log)
{
    private volatile IReadOnlyDictionary<string, FormSchema>? _forms;

    public string Folder => configuration["Forms:Folder"]!;

    public FormSchema? Find(string? id) => id is not null && Forms.TryGetValue(id, out var form) ? form : null;

    /// <summary>
    /// Whether a step with this form asks for input that 同意 / 不同意 alone cannot give (a required field): such a step is
    /// done on its page, never by an email link.
    /// </summary>
    public bool NeedsInput(string? id) => Find(id)?.Fields.Any(f => f.Required) == true;

    /// <summary>Every form, by id.</summary>
    public IReadOnlyList<FormSchema> All => Forms.Values.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Checks and saves a form as <c>{id}.form</c>; a form that is not form-js JSON, or whose id is not lower-case
    /// letters, digits and hyphens (it names the file), gives a <see cref="FormatException"/> and nothing is written.
    /// </summary>
    public FormSchema Save(string json)
    {
        var form = FormSchema.Parse(json);
        if (!IdPattern().IsMatch(form.Id)) throw new FormatException("表单 id 只能由小写字母、数字和连字符组成，且以字母或数字开头");
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, form.Id + ".form"), json);
        _forms = null;
        return form;
    }

    private IReadOnlyDictionary<string, FormSchema> Forms => _forms ??= Load();

    private IReadOnlyDictionary<string, FormSchema> Load()
    {
        var forms = new Dictionary<string, FormSchema>();
        if (!Directory.Exists(Folder)) return forms;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.form"))
        {
            try
            {
                var form = FormSchema.Parse(File.ReadAllText(file));
                forms[form.Id] = form;
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
            {
                log.LogError("Form {File} cannot be read: {Message}", file, e.Message);
            }
        }
        return forms;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
