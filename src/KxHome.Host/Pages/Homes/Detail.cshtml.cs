using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Pages.Homes;

/// <summary>
/// One home's file for a year: its record, open steps, rules against the figures, funding, the three ledgers (service
/// events, demands, monthly reports), pairing, assessments, cases and status history. Those who keep the home (its
/// applicants, administrators) add to the ledgers here; the handlers are in the other parts of this class.
/// </summary>
public sealed partial class HomeDetailModel(
    ViewerAccessor viewers, HomeDirectory directory, HomeAccess access, LedgerBook ledgers, HomeRegistry registry, CaseFiles files,
    AppDbContext db, NewsDesk news, TimeProvider clock, IOptions<WorkflowOptions> options) : PageModel
{
    public Viewer Viewer { get; private set; } = null!;
    public HomeDirectory.HomeFile HomeFile { get; private set; } = null!;
    public Home Home => HomeFile.Home;
    public int Year { get; private set; }
    public int ThisYear => directory.ThisYear;
    public bool CanKeep { get; private set; }

    /// <summary>The home's news on time this month and year, with the overdue ones (R25).</summary>
    public NewsPanel News { get; private set; } = null!;
    public DateOnly Today => BusinessDates.Today(NowUtc, Zone);

    /// <summary>Each event's photos (attachments keyed by the event's id).</summary>
    public ILookup<Guid, Attachment> Photos { get; private set; } = Enumerable.Empty<Attachment>().ToLookup(a => a.InstanceId);

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;
    private TimeZoneInfo Zone => options.Value.TimeZone;

    public async Task<IActionResult> OnGetAsync(Guid id, int? year) => await LoadAsync(id, year) ? Page() : NotFound();

    /// <summary>An event's photo, for those who may read the home.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid id, Guid eventId, Guid fileId)
    {
        if (await access.ReadableAsync(await viewers.GetAsync(), id) is null) return NotFound();
        if (!await db.ServiceEvents.AnyAsync(e => e.Id == eventId && e.HomeId == id)) return NotFound();
        return await files.OpenAsync(eventId, fileId) is { } found
            ? File(found.Content, found.Attachment.ContentType, found.Attachment.FileName)
            : NotFound();
    }

    /// <summary>已报送 / 逾期报送 / 未报送 of an event's news against the year's time allowed (R25).</summary>
    public (string Text, string Css) NewsState(ServiceEvent e) => e.NewsStateAt(HomeFile.Policy.Int(PolicyKeys.NewsReportDays), NowUtc, Zone) switch
    {
        Workflows.Association.NewsState.OnTime => ("已报送", "pass"),
        Workflows.Association.NewsState.Late => ("逾期报送", "warn"),
        Workflows.Association.NewsState.Missing => ("未报送（已逾期）", "fail"),
        _ => ("未报送", ""),
    };

    /// <summary>Where a month's service report stands (R8).</summary>
    public (string Text, string Css) MonthState(int month)
    {
        if (HomeFile.Reports.FirstOrDefault(r => r.Month == month) is { } report) return ($"已报送（{Deadline.Format(report.SubmittedAt)}）", "pass");
        if (HomeFile.Live.Figures.MissingReportMonths.Contains(month)) return ("逾期未报", "fail");
        var before = Home.DesignatedOn is not { } on || on.Year > Year || (on.Year == Year && month < on.Month);
        return before ? ("认定前，无需报送", "") : ("未到期", "");
    }

    /// <summary>Matching funds reported through the year (R18).</summary>
    public long MatchingReportedFen =>
        HomeFile.Funding.Where(f => f.Kind == FundingKind.MatchingFunds && f.Year <= Year).Sum(f => f.AmountFen);

    /// <summary>A field's refusal beside the field.</summary>
    public static IHtmlContent ErrorOf(IReadOnlyDictionary<string, string> errors, string field)
    {
        if (!errors.TryGetValue(field, out var message)) return HtmlString.Empty;
        var tag = new TagBuilder("span");
        tag.AddCssClass("field-error");
        tag.Attributes["data-field"] = field;
        tag.InnerHtml.Append(message);
        return tag;
    }

    private async Task<bool> LoadAsync(Guid id, int? year)
    {
        Viewer = await viewers.GetAsync();
        var y = year is >= 2000 and <= 2100 ? year : null;
        if (await directory.FileAsync(Viewer, id, y) is not { } file) return false;
        HomeFile = file;
        Year = file.Live.Figures.Year;
        CanKeep = HomeAccess.CanKeep(Viewer, file.Home);
        News = new NewsPanel(await news.ForAsync([file.Home]), Viewer, $"/homes/{id}#news");
        var eventIds = file.Events.Select(e => e.Id).ToList();
        Photos = (await db.Attachments.AsNoTracking().Where(a => eventIds.Contains(a.InstanceId)).OrderBy(a => a.UploadedAt).ToListAsync())
            .ToLookup(a => a.InstanceId);
        Event.HeldOn ??= Today.ToString("yyyy-MM-dd");
        Demand.RaisedOn ??= Today.ToString("yyyy-MM-dd");
        Report.Month ??= (file.Live.Figures.MissingReportMonths.FirstOrDefault() is > 0 and var missing ? missing : Math.Max(1, Today.Month - 1)).ToString();
        return true;
    }

    /// <summary>Back to the page (the same year) with a note of what was done.</summary>
    private RedirectResult Done(Guid id, int? year, string flash)
    {
        TempData["Flash"] = flash;
        return Redirect(year is { } y && y != ThisYear ? $"/homes/{id}?year={y}" : $"/homes/{id}");
    }

    /// <summary>A typed date (2026-05-20, 2026/5/20), or null.</summary>
    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A typed whole number; text that is not one becomes -1, which the ledger refuses with its own message.</summary>
    private static int? NumberOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : int.TryParse(text.Trim(), out var n) ? n : -1;
}
