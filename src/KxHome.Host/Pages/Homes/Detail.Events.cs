using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Mvc;

namespace KxHome.Host.Pages.Homes;

/// <summary>The service ledger on the home's page: adding an event with its photos, and reporting an event's news (R25).</summary>
public sealed partial class HomeDetailModel
{
    private const int MaxPhotos = 10;
    private static readonly string[] PhotoTypes = [".jpg", ".jpeg", ".png"];

    /// <summary>A service event as typed; kept as text so a refusal shows exactly what was typed.</summary>
    public sealed class EventForm
    {
        public string? HeldOn { get; set; }
        public string? Category { get; set; }
        public string? Title { get; set; }
        public string? Content { get; set; }
        public string? Part { get; set; }
        public string? Outcome { get; set; }
        public string? Participants { get; set; }
        public string? EnterprisesServed { get; set; }
        public string? PairedHomeId { get; set; }
        public bool NewsReported { get; set; }
    }

    [BindProperty]
    public EventForm Event { get; set; } = new();

    public IReadOnlyDictionary<string, string> EventErrors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnPostAddEventAsync(Guid id, int? year, List<IFormFile> photos)
    {
        Viewer = await viewers.GetAsync();
        if (await access.KeptByAsync(Viewer, id) is not { } home) return NotFound();
        // Photos are checked before the event is saved, so a refused photo leaves nothing half-recorded.
        var photoProblem = PhotoProblem(photos);
        if (photoProblem is not null) return await RefuseEventAsync(id, year, new Dictionary<string, string> { ["photos"] = photoProblem });
        var category = Enum.TryParse<ServiceEventCategory>(Event.Category, out var c) && Enum.IsDefined(c) ? c : (ServiceEventCategory?)null;
        var input = new LedgerBook.NewEvent(DateOf(Event.HeldOn), category, Event.Title, NumberOf(Event.Participants), NumberOf(Event.EnterprisesServed),
            Guid.TryParse(Event.PairedHomeId, out var paired) ? paired : null, Event.NewsReported)
        {
            Content = Event.Content, Outcome = Event.Outcome,
            Part = Event.Part is null ? EventPart.Host : Enum.TryParse<EventPart>(Event.Part, out var part) && Enum.IsDefined(part) ? part : null,
        };
        var outcome = await ledgers.AddEventAsync(home, input, Viewer.UserId);
        if (!outcome.Ok)
        {
            return await RefuseEventAsync(id, year, WithDateFormat(outcome.Problems, "heldOn", input.HeldOn, Event.HeldOn));
        }
        var refused = new List<string>();
        foreach (var photo in photos)
        {
            var (_, problem) = await files.SaveAsync(outcome.Saved!.Id, photo, Viewer.UserId);
            if (problem is not null) refused.Add(problem);
        }
        var flash = $"活动 “{outcome.Saved!.Title}” 已记入服务台账" + (photos.Count > refused.Count ? $"，照片 {photos.Count - refused.Count} 张" : "");
        return Done(id, year, refused.Count == 0 ? flash : flash + "；以下照片未保存：" + string.Join("；", refused));
    }

    /// <summary>报送新闻: the event's news and photos are reported now; a late report stays marked late (R25).</summary>
    public async Task<IActionResult> OnPostReportNewsAsync(Guid id, Guid eventId, int? year)
    {
        Viewer = await viewers.GetAsync();
        if (await access.KeptByAsync(Viewer, id) is not { } home) return NotFound();
        if (await ledgers.ReportNewsAsync(home, eventId) is not { } reported) return NotFound();
        return Done(id, year, $"活动 “{reported.Title}” 的新闻已报送");
    }

    /// <summary>催办: the street, district or city above the home mails its people that an event's news is overdue (R25).</summary>
    public async Task<IActionResult> OnPostUrgeNewsAsync(Guid id, Guid eventId, string? returnUrl)
    {
        Viewer = await viewers.GetAsync();
        if (await access.ReadableAsync(Viewer, id) is not { } home) return NotFound();
        var problem = await news.UrgeAsync(Viewer, home, eventId);
        TempData["Flash"] = problem ?? "已催办，邮件已发给之家的填报人员";
        return Redirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : $"/homes/{id}#news");
    }

    private async Task<IActionResult> RefuseEventAsync(Guid id, int? year, IReadOnlyDictionary<string, string> problems)
    {
        if (!await LoadAsync(id, year)) return NotFound();
        EventErrors = problems;
        return Page();
    }

    private static string? PhotoProblem(IReadOnlyList<IFormFile> photos)
    {
        if (photos.Count > MaxPhotos) return $"每次最多上传 {MaxPhotos} 张照片";
        foreach (var photo in photos)
        {
            var name = Path.GetFileName(photo.FileName);
            if (!PhotoTypes.Contains(Path.GetExtension(name).ToLowerInvariant())) return $"“{name}” 不是照片：只能上传 JPG、PNG";
            if (photo.Length > CaseFiles.MaxBytes) return $"照片 “{name}” 超过 10 MB";
            if (photo.Length == 0) return $"照片 “{name}” 是空的";
        }
        return null;
    }
}
