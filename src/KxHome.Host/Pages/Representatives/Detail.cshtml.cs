using KxHome.Host.Cases;
using KxHome.Host.Representatives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Representatives;

/// <summary>
/// One 科协代表之家: its call, score and rank (R32, R36), its representatives with the S&amp;T workers each keeps in touch
/// with (R33: a shortfall flagged), every expert's points, its designation and yearly assessments (R36); its applicant
/// keeps the representatives up to date here.
/// </summary>
public sealed class RepresentativeDetailModel(ViewerAccessor viewers, RepresentativeDirectory directory, RepresentativeDesk desk) : PageModel
{
    public RepresentativeDirectory.File Record { get; private set; } = null!;
    public Viewer Viewer { get; private set; } = null!;
    public string? Problem { get; private set; }

    /// <summary>The representatives as the applicant types them, one per line.</summary>
    public string Typed { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRepresentativesAsync(Guid id, string? representatives)
    {
        if (!await LoadAsync(id) || !RepresentativeDirectory.ActsFor(Viewer, Record.Home)) return NotFound();
        Problem = await desk.ChangeRepresentativesAsync(id, representatives);
        if (Problem is not null)
        {
            Typed = representatives ?? "";
            return Page();
        }
        TempData["Flash"] = "已更新代表名单";
        return Redirect($"/representatives/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Viewer = await viewers.GetAsync();
        if (await directory.FileAsync(Viewer, id) is not { } file) return false;
        Record = file;
        Typed = string.Join("\n", file.Representatives.Select(r => $"{r.Representative.Name}：{r.Representative.Contacts}"));
        return true;
    }
}
