using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Homes;

/// <summary>The year's assessment round as the associations follow it: how many homes stand where, and each home's result.</summary>
public sealed class HomesAssessmentsModel(ViewerAccessor viewers, HomeDirectory directory) : PageModel
{
    public int Year { get; private set; }
    public int ThisYear => directory.ThisYear;
    public IReadOnlyList<(Assessment Assessment, Home Home)> Rows { get; private set; } = [];

    public int Count(AssessmentStatus status) => Rows.Count(r => r.Assessment.Status == status);

    public int Count(AssessmentGrade grade) => Rows.Count(r => r.Assessment.Grade == grade);

    public async Task<IActionResult> OnGetAsync(int? year)
    {
        var viewer = await viewers.GetAsync();
        if (viewer.IsApplicant && !viewer.IsAdministrator) return NotFound(); // an applicant follows its own home's assessment on its page
        Year = year is >= 2000 and <= 2100 ? year.Value : directory.ThisYear;
        Rows = await directory.AssessmentsAsync(viewer, Year);
        return Page();
    }
}
