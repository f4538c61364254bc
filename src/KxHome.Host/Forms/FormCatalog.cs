using KxHome.Host.Hosting;

namespace KxHome.Host.Forms;

/// <summary>The forms beside the flows (<c>workflows/forms/*.form</c>), by id; read once, at first use.</summary>
public sealed class FormCatalog(ContentLayout layout, ILogger<FormCatalog> log)
{
    private readonly Lazy<IReadOnlyDictionary<string, FormSchema>> _forms = new(() => Load(layout, log));

    public FormSchema? Find(string? id) => id is not null && _forms.Value.TryGetValue(id, out var form) ? form : null;

    private static IReadOnlyDictionary<string, FormSchema> Load(ContentLayout layout, ILogger log)
    {
        var folder = Path.Combine(layout.WorkflowsFolder, "forms");
        var forms = new Dictionary<string, FormSchema>();
        if (!Directory.Exists(folder)) return forms;
        foreach (var file in Directory.EnumerateFiles(folder, "*.form"))
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
}
