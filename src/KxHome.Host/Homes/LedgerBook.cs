using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>
/// Keeps a home's ledgers: service events (R3–R7, R25, R31), S&amp;T workers' requests and the responses (R4), and the
/// monthly report to the district (R8). Each entry is checked first; a refusal says, per field, what is wrong in
/// Chinese, and nothing is saved.
/// </summary>
public sealed class LedgerBook(AppDbContext db, IMemoryCache cache, TimeProvider clock, IOptions<Workflows.Runtime.WorkflowOptions> options)
{
    /// <summary>A new service event as typed; <see cref="NewsReported"/> says its news has been reported with it.</summary>
    public sealed record NewEvent(DateOnly? HeldOn, ServiceEventCategory? Category, string? Title, int? Participants, int? EnterprisesServed,
        Guid? PairedHomeId, bool NewsReported)
    {
        /// <summary>What was done and what it achieved (table 1-3, R26); optional.</summary>
        public string? Content { get; init; }
        public string? Outcome { get; init; }

        /// <summary>The home's part (主办/协办/承办); null when what was sent is not one.</summary>
        public EventPart? Part { get; init; } = EventPart.Host;
    }

    public sealed record NewDemand(DateOnly? RaisedOn, string? Topic, string? RaisedBy);

    public sealed record NewReport(int? Year, int? Month, string? Summary);

    /// <summary>What an entry came to: the saved row, or the problems by field name.</summary>
    public sealed record Outcome<T>(T? Saved, IReadOnlyDictionary<string, string> Problems)
    {
        public bool Ok => Problems.Count == 0;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => BusinessDates.Today(Now, options.Value.TimeZone);

    public async Task<Outcome<ServiceEvent>> AddEventAsync(Home home, NewEvent input, string by)
    {
        var problems = new Dictionary<string, string>();
        if (input.HeldOn is not { } heldOn) problems["heldOn"] = "请填写活动日期";
        else if (heldOn > Today) problems["heldOn"] = "活动日期不能晚于今天：台账记录已开展的活动";
        else if (heldOn.Year < Today.Year - 1) problems["heldOn"] = "只能补录今年和去年的活动";
        if (input.Category is not { } category || !Enum.IsDefined(category)) problems["category"] = "请选择活动类别";
        if (string.IsNullOrWhiteSpace(input.Title)) problems["title"] = "请填写活动名称";
        else if (input.Title.Trim().Length > 100) problems["title"] = "活动名称最多 100 个字";
        if (input.Content?.Trim().Length > 500) problems["content"] = "活动内容最多 500 个字";
        if (input.Outcome?.Trim().Length > 500) problems["outcome"] = "取得成效最多 500 个字";
        if (input.Part is not { } part || !Enum.IsDefined(part)) problems["part"] = "请选择主办、协办或承办";
        if (input.Participants is not { } participants || participants < 1 || participants > 100_000) problems["participants"] = "参与人次须为 1 至 100000 的整数";
        if (input.EnterprisesServed is { } served && (served < 0 || served > 10_000)) problems["enterprisesServed"] = "服务企业家次须为 0 至 10000 的整数";
        if (input.Category == ServiceEventCategory.JointActivity)
        {
            if (home.Kind != HomeKind.Street) problems["category"] = "结对联合活动由街镇之家记录（R7）";
            else if (input.PairedHomeId is not { } paired || !await db.HomePairings.AnyAsync(p => p.StreetHomeId == home.Id && p.PairedHomeId == paired))
            {
                problems["pairedHomeId"] = "请选择与本之家结对的企业或园区之家（R7）";
            }
        }
        if (problems.Count > 0) return new(null, problems);
        var entry = new ServiceEvent
        {
            Id = Guid.CreateVersion7(), HomeId = home.Id, HeldOn = input.HeldOn!.Value, Category = input.Category!.Value, Title = input.Title!.Trim(),
            Content = input.Content?.Trim() ?? "", Part = input.Part!.Value, Outcome = input.Outcome?.Trim() ?? "",
            Participants = input.Participants!.Value, EnterprisesServed = input.EnterprisesServed ?? 0,
            PairedHomeId = input.Category == ServiceEventCategory.JointActivity ? input.PairedHomeId : null,
            NewsReportedAt = input.NewsReported ? Now : null, RecordedAt = Now, RecordedBy = by,
        };
        db.ServiceEvents.Add(entry);
        await db.SaveChangesAsync();
        FiguresReader.Forget(cache, home.Id, entry.HeldOn.Year);
        return new(entry, problems);
    }

    /// <summary>Marks an event's news and photos as reported now (R25: late ones stay flagged as late).</summary>
    public async Task<ServiceEvent?> ReportNewsAsync(Home home, Guid eventId)
    {
        var entry = await db.ServiceEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.HomeId == home.Id);
        if (entry is null) return null;
        entry.NewsReportedAt ??= Now;
        await db.SaveChangesAsync();
        FiguresReader.Forget(cache, home.Id, entry.HeldOn.Year);
        return entry;
    }

    public async Task<Outcome<Demand>> AddDemandAsync(Home home, NewDemand input)
    {
        var problems = new Dictionary<string, string>();
        if (input.RaisedOn is not { } raisedOn) problems["raisedOn"] = "请填写提出日期";
        else if (raisedOn > Today) problems["raisedOn"] = "提出日期不能晚于今天";
        if (string.IsNullOrWhiteSpace(input.Topic)) problems["topic"] = "请填写需求内容";
        else if (input.Topic.Trim().Length > 200) problems["topic"] = "需求内容最多 200 个字";
        if (string.IsNullOrWhiteSpace(input.RaisedBy)) problems["raisedBy"] = "请填写提出人";
        if (problems.Count > 0) return new(null, problems);
        var demand = new Demand
        {
            Id = Guid.CreateVersion7(), HomeId = home.Id, RaisedOn = input.RaisedOn!.Value, Topic = input.Topic!.Trim(),
            RaisedBy = input.RaisedBy!.Trim(), RecordedAt = Now,
        };
        db.Demands.Add(demand);
        await db.SaveChangesAsync();
        FiguresReader.Forget(cache, home.Id, demand.RaisedOn.Year);
        return new(demand, problems);
    }

    /// <summary>Records the response to a request (R4).</summary>
    public async Task<Outcome<Demand>> RespondAsync(Home home, Guid demandId, DateOnly? respondedOn, string? outcome)
    {
        var demand = await db.Demands.FirstOrDefaultAsync(d => d.Id == demandId && d.HomeId == home.Id);
        var problems = new Dictionary<string, string>();
        if (demand is null) problems["demandId"] = "没有这条需求";
        if (respondedOn is not { } on) problems["respondedOn"] = "请填写响应日期";
        else if (on > Today) problems["respondedOn"] = "响应日期不能晚于今天";
        else if (demand is not null && on < demand.RaisedOn) problems["respondedOn"] = "响应日期不能早于提出日期";
        if (string.IsNullOrWhiteSpace(outcome)) problems["outcome"] = "请填写响应结果";
        if (problems.Count > 0) return new(null, problems);
        demand!.RespondedOn = respondedOn;
        demand.Outcome = outcome!.Trim();
        await db.SaveChangesAsync();
        FiguresReader.Forget(cache, home.Id, demand.RaisedOn.Year);
        return new(demand, problems);
    }

    /// <summary>The month's service report to the district (R8): one per month; a month not yet begun cannot be reported.</summary>
    public async Task<Outcome<MonthlyReport>> SubmitReportAsync(Home home, NewReport input, string by)
    {
        var problems = new Dictionary<string, string>();
        if (input.Year is not { } year || year < 2000 || year > Today.Year) problems["year"] = "请选择年度";
        if (input.Month is not { } month || month is < 1 or > 12) problems["month"] = "请选择月份";
        else if (input.Year is { } y && new DateOnly(y, month, 1) > Today) problems["month"] = "该月尚未开始，不能报送";
        if (string.IsNullOrWhiteSpace(input.Summary)) problems["summary"] = "请填写本月服务动态";
        else if (input.Summary.Trim().Length > 2000) problems["summary"] = "服务动态最多 2000 个字";
        if (problems.Count == 0 && await db.MonthlyReports.AnyAsync(r => r.HomeId == home.Id && r.Year == input.Year && r.Month == input.Month))
        {
            problems["month"] = $"{input.Year}年{input.Month}月的服务动态已经报送";
        }
        if (problems.Count > 0) return new(null, problems);
        var report = new MonthlyReport
        {
            Id = Guid.CreateVersion7(), HomeId = home.Id, Year = input.Year!.Value, Month = input.Month!.Value, Summary = input.Summary!.Trim(),
            SubmittedAt = Now, SubmittedBy = by,
        };
        db.MonthlyReports.Add(report);
        await db.SaveChangesAsync();
        FiguresReader.Forget(cache, home.Id, report.Year);
        return new(report, problems);
    }
}
