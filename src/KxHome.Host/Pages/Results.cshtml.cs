using KxHome.Host.Homes;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages;

/// <summary>
/// 考核结果公示: a year's published grades, open to everyone without signing in (R29: results are published on the
/// association's site). Only what a public notice says: each home's name, kind, builder, grade and date; and the year's
/// 科协代表之家 designated and assessed (R36).
/// </summary>
public sealed class ResultsModel(HomeDirectory directory, KxHome.Host.Representatives.RepresentativeDirectory representatives) : PageModel
{
    /// <summary>The 科协代表之家 the year's call designated, in rank order (R36).</summary>
    public IReadOnlyList<KxHome.Host.Representatives.RepresentativeDirectory.Row> Designated { get; private set; } = [];

    /// <summary>The yearly assessments of 科协代表之家 published in the year (R36).</summary>
    public IReadOnlyList<(RepresentativeAssessment Assessment, RepresentativeHome Home)> Assessed { get; private set; } = [];

    public int Year { get; private set; }
    public IReadOnlyList<(Assessment Assessment, Home Home, string Organisation)> Rows { get; private set; } = [];

    public async Task OnGetAsync(int? year)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : directory.ThisYear;
        Rows = await directory.PublishedAsync(Year);
        (Designated, Assessed) = await representatives.PublishedAsync(Year);
    }
}
