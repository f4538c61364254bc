using KxHome.Host.Associations;
using KxHome.Host.Cases;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Associations;

/// <summary>
/// 园企科协: the associations the viewer may see with their term and next 换届 (R20), the cultivation paths of the homes
/// in the area (R10–R12), and the 换届 results filed with the viewer's own association (R20).
/// </summary>
public sealed class AssociationsIndexModel(ViewerAccessor viewers, AssociationDirectory directory, AssociationRegistry registry) : PageModel
{
    public IReadOnlyList<AssociationDirectory.Row> Rows { get; private set; } = [];
    public IReadOnlyList<AssociationDirectory.PathRow> Paths { get; private set; } = [];
    public IReadOnlyList<(AssociationTerm Term, string Association)> Filed { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = await viewers.GetAsync();
        Rows = await directory.ListAsync(viewer);
        Paths = await directory.PathsAsync(viewer);
        Filed = await directory.FiledWithAsync(viewer);
        Today = registry.Today;
        return Page();
    }

    /// <summary>"还有 123 天" or "已过 5 天".</summary>
    public string Countdown(DateOnly day) => Deadline.Countdown(day, Today);
}
