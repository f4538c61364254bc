using System.Text.Json;
using KxHome.Host.Cases;
using KxHome.Host.Studio;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Studio;

/// <summary>Two versions of a flow side by side: what the newer one added, removed and changed, marked on both diagrams.</summary>
public sealed class StudioCompareModel(ViewerAccessor viewers, WorkflowEngine engine) : PageModel
{
    public DefinitionView Older { get; private set; } = null!;
    public DefinitionView Newer { get; private set; } = null!;
    public string OlderXml { get; private set; } = "";
    public string NewerXml { get; private set; } = "";
    public VersionDiff Diff { get; private set; } = null!;
    public string DiffJson => JsonSerializer.Serialize(Diff, JsonSerializerOptions.Web);

    public async Task<IActionResult> OnGetAsync(string? from, string? to)
    {
        if (!(await viewers.GetAsync()).IsAdministrator) return NotFound();
        var versions = await engine.Queries.ListDefinitionsAsync();
        if (versions.FirstOrDefault(d => d.Id == from) is not { } older || versions.FirstOrDefault(d => d.Id == to) is not { } newer) return NotFound();
        (Older, Newer) = older.Version <= newer.Version ? (older, newer) : (newer, older);
        OlderXml = await engine.Queries.GetDefinitionXmlAsync(Older.Id);
        NewerXml = await engine.Queries.GetDefinitionXmlAsync(Newer.Id);
        Diff = VersionDiff.Of(OlderXml, NewerXml);
        return Page();
    }
}
