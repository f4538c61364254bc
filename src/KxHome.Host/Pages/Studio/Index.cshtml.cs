using KxHome.Host.Administration;
using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Host.Studio;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Pages.Studio;

/// <summary>
/// 流程设计: every flow with its versions (the newest is the one new cases start on) and the cases running on each;
/// comparing a version with the current one, rolling back by publishing an old version again, and the latest cases.
/// </summary>
public sealed class StudioIndexModel(ViewerAccessor viewers, WorkflowEngine engine, Worklist worklist, People people, CaseTitles titles, AppDbContext db) : PageModel
{
    public IReadOnlyList<StudioApi.Flow> Flows { get; private set; } = [];
    public IReadOnlyList<InstanceSummary> Cases { get; private set; } = [];

    /// <summary>What people call each case (its home or organisation and its programme).</summary>
    public IReadOnlyDictionary<Guid, string> Titles { get; private set; } = new Dictionary<Guid, string>();
    /// <summary>Saved, unpublished drawings, by flow key.</summary>
    public IReadOnlyList<FlowDraft> Drafts { get; private set; } = [];
    public IReadOnlyDictionary<string, AppUser> Names { get; private set; } = new Dictionary<string, AppUser>();

    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = await viewers.GetAsync();
        if (!viewer.IsAdministrator) return NotFound();
        Flows = await StudioApi.FlowsAsync(engine);
        Drafts = await db.FlowDrafts.AsNoTracking().OrderBy(d => d.Key).ToListAsync();
        Names = await people.ByIdsAsync(Flows.SelectMany(f => f.Versions).Select(v => v.DeployedBy).Concat(Drafts.Select(d => d.SavedBy)));
        Cases = (await worklist.CasesAsync(viewer, Paging.Of(1, 20))).Items;
        Titles = await titles.TitlesAsync(Cases.Select(c => new CaseTitles.Subject(c.Id, c.BusinessKey, c.Owner, c.DefinitionKey)).ToList());
        return Page();
    }

    /// <summary>Rolls back: the old version's XML becomes the newest version.</summary>
    public async Task<IActionResult> OnPostRepublishAsync(string id)
    {
        if (!(await viewers.GetAsync()).IsAdministrator) return NotFound();
        if ((await engine.Queries.ListDefinitionsAsync()).FirstOrDefault(d => d.Id == id) is not { } version) return NotFound();
        var result = await engine.DeployAsync(await engine.Queries.GetDefinitionXmlAsync(id), AdministrationApi.UserId(HttpContext),
            keepPublished: false, note: $"回滚：重新发布第 {version.Version} 版");
        var published = result.Definitions.First(d => d.Definition.Key == version.Key).Definition;
        TempData["Flash"] = $"已将第 {version.Version} 版重新发布为第 {published.Version} 版";
        return RedirectToPage();
    }
}
