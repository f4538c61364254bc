using KxHome.Host.Cases;
using KxHome.Host.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Studio;

/// <summary>The flows' forms: the list, and the form-js editor for one (or a new one); saved beside the flows.</summary>
public sealed class StudioFormsModel(ViewerAccessor viewers, FormCatalog forms) : PageModel
{
    /// <summary>What a new form starts from.</summary>
    public const string NewForm = """{"type":"default","id":"new-form","components":[{"type":"textfield","key":"name","label":"名称","validate":{"required":true}}]}""";

    public IReadOnlyList<FormSchema> Forms { get; private set; } = [];
    public string? Id { get; private set; }
    public string Json { get; private set; } = NewForm;

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (!(await viewers.GetAsync()).IsAdministrator) return NotFound();
        Forms = forms.All;
        if (id is null) return Page();
        if (forms.Find(id) is not { } form) return NotFound();
        (Id, Json) = (form.Id, form.Json);
        return Page();
    }
}
