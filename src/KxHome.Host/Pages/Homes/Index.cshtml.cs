using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Homes;

/// <summary>
/// 我的之家 for an applicant, 辖区之家 for the associations above: each home with this year's rules met and missed,
/// what is overdue (late news R25, missing monthly reports R8) and this year's assessment.
/// </summary>
public sealed class HomesIndexModel(ViewerAccessor viewers, HomeDirectory directory) : PageModel
{
    public Viewer Viewer { get; private set; } = null!;
    public HomeStatus? Status { get; private set; }
    public IReadOnlyList<HomeDirectory.Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }
    public int Year => directory.ThisYear;

    public string Title => Viewer.IsApplicant && !Viewer.IsAdministrator ? "我的之家" : "辖区之家";

    /// <summary>The list's own address (with its filter), for the pager.</summary>
    public string Href => Status is { } s ? $"/homes?status={s}" : "/homes";

    public async Task<IActionResult> OnGetAsync(string? status, int? page)
    {
        Viewer = await viewers.GetAsync();
        Status = Enum.TryParse<HomeStatus>(status, ignoreCase: true, out var only) && Enum.IsDefined(only) ? only : null;
        var paged = await directory.ListAsync(Viewer, Status, Paging.Of(page, Paging.DefaultSize));
        (Rows, PageNumber, HasMore) = (paged.Items, paged.Page, paged.HasMore);
        return Page();
    }

    /// <summary>"新闻逾期 2 条", "月报未报：7月、8月": what the home has let slip this year.</summary>
    public static IEnumerable<string> Overdue(HomeFigures figures)
    {
        if (figures.LateNews > 0) yield return $"新闻逾期 {figures.LateNews} 条";
        if (figures.MissingReportMonths.Count > 0) yield return "月报未报：" + string.Join("、", figures.MissingReportMonths.Select(m => $"{m}月"));
    }
}
