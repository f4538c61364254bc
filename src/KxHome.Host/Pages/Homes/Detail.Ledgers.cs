using KxHome.Host.Homes;
using Microsoft.AspNetCore.Mvc;

namespace KxHome.Host.Pages.Homes;

/// <summary>The demand ledger (R4), the monthly service report (R8) and pairing (R7) on the home's page.</summary>
public sealed partial class HomeDetailModel
{
    public sealed class DemandForm
    {
        public string? RaisedOn { get; set; }
        public string? Topic { get; set; }
        public string? RaisedBy { get; set; }
    }

    public sealed class ResponseForm
    {
        public Guid DemandId { get; set; }
        public string? RespondedOn { get; set; }
        public string? Outcome { get; set; }
    }

    public sealed class ReportForm
    {
        public string? Month { get; set; }
        public string? Summary { get; set; }
    }

    [BindProperty]
    public DemandForm Demand { get; set; } = new();

    [BindProperty]
    public ResponseForm Reply { get; set; } = new();

    [BindProperty]
    public ReportForm Report { get; set; } = new();

    public IReadOnlyDictionary<string, string> DemandErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The refusal of a response, shown on the demand it was for (<see cref="ResponseForm.DemandId"/>).</summary>
    public IReadOnlyDictionary<string, string> ReplyErrors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> ReportErrors { get; private set; } = new Dictionary<string, string>();
    public string? PairError { get; private set; }

    public async Task<IActionResult> OnPostAddDemandAsync(Guid id, int? year)
    {
        Viewer = await viewers.GetAsync();
        if (await access.KeptByAsync(Viewer, id) is not { } home) return NotFound();
        var raisedOn = DateOf(Demand.RaisedOn);
        var outcome = await ledgers.AddDemandAsync(home, new LedgerBook.NewDemand(raisedOn, Demand.Topic, Demand.RaisedBy));
        if (outcome.Ok) return Done(id, year, $"需求 “{outcome.Saved!.Topic}” 已记入需求台账");
        if (!await LoadAsync(id, year)) return NotFound();
        DemandErrors = WithDateFormat(outcome.Problems, "raisedOn", raisedOn, Demand.RaisedOn);
        return Page();
    }

    public async Task<IActionResult> OnPostRespondAsync(Guid id, int? year)
    {
        Viewer = await viewers.GetAsync();
        if (await access.KeptByAsync(Viewer, id) is not { } home) return NotFound();
        var respondedOn = DateOf(Reply.RespondedOn);
        var outcome = await ledgers.RespondAsync(home, Reply.DemandId, respondedOn, Reply.Outcome);
        if (outcome.Problems.ContainsKey("demandId")) return NotFound(); // not a demand of this home
        if (outcome.Ok) return Done(id, year, $"需求 “{outcome.Saved!.Topic}” 已记录响应");
        if (!await LoadAsync(id, year)) return NotFound();
        ReplyErrors = WithDateFormat(outcome.Problems, "respondedOn", respondedOn, Reply.RespondedOn);
        return Page();
    }

    /// <summary>月度服务动态: the month's report to the district (R8), for the year on the page.</summary>
    public async Task<IActionResult> OnPostSubmitReportAsync(Guid id, int? year)
    {
        Viewer = await viewers.GetAsync();
        if (await access.KeptByAsync(Viewer, id) is not { } home) return NotFound();
        var reportYear = year ?? directory.ThisYear;
        var month = int.TryParse(Report.Month, out var m) ? m : (int?)null;
        var outcome = await ledgers.SubmitReportAsync(home, new LedgerBook.NewReport(reportYear, month, Report.Summary), Viewer.UserId);
        if (outcome.Ok) return Done(id, year, $"{reportYear}年{month}月的服务动态已报送");
        if (!await LoadAsync(id, year)) return NotFound();
        ReportErrors = outcome.Problems;
        return Page();
    }

    /// <summary>Pairs this street home with an enterprise or park home the viewer may see (R7).</summary>
    public async Task<IActionResult> OnPostPairAsync(Guid id, Guid? pairedId, int? year)
    {
        Viewer = await viewers.GetAsync();
        if (await access.KeptByAsync(Viewer, id) is null || !await LoadAsync(id, year)) return NotFound();
        var paired = HomeFile.Pairable.FirstOrDefault(h => h.Id == pairedId);
        PairError = paired is null ? "请选择可结对的企业或园区之家（R7）" : await registry.PairAsync(Home, paired.Id);
        if (PairError is not null) return Page();
        return Done(id, year, $"已与 “{paired!.Name}” 结对");
    }

    private static IReadOnlyDictionary<string, string> WithDateFormat(IReadOnlyDictionary<string, string> problems, string field, DateOnly? parsed, string? typed)
    {
        if (parsed is not null || string.IsNullOrWhiteSpace(typed)) return problems;
        return new Dictionary<string, string>(problems) { [field] = "日期格式不正确，请按 年-月-日 填写" };
    }
}
