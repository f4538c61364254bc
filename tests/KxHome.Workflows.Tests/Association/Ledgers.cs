using KxHome.Workflows.Association;

namespace KxHome.Workflows.Tests.Association;

/// <summary>Homes and ledger lines for the rule tests, reported on time unless said otherwise.</summary>
internal static class Ledgers
{
    public static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The end of the 2026 round: 2026-11-20 in Beijing.</summary>
    public static readonly DateTime AssessedAt = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    public static Home Home(HomeKind kind = HomeKind.Enterprise, RuleSet ruleSet = RuleSet.Jiading) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, RuleSet = ruleSet, Name = "测试之家", AreaM2 = 60, PersonInCharge = "王芳", Administrator = "李娜",
        DesignatedOn = new DateOnly(2025, 3, 1), Status = HomeStatus.Active,
        SixHaves = new SixHaves { Place = true, Facilities = true, Staff = true, Funding = true, Activities = true, Rules = true, OpenFreeOfCharge = true },
    };

    public static ServiceEvent Event(Home home, ServiceEventCategory category, DateOnly on, int participants = 20, int enterprises = 0) => new()
    {
        Id = Guid.NewGuid(), HomeId = home.Id, Category = category, HeldOn = on, Title = Names.Of(category), Participants = participants,
        EnterprisesServed = enterprises, NewsReportedAt = on.ToDateTime(new TimeOnly(12, 0)).AddHours(-8),
    };

    /// <summary>One report for each month of 2026 before November.</summary>
    public static List<MonthlyReport> Reports(Home home) =>
        Enumerable.Range(1, 10).Select(m => new MonthlyReport { HomeId = home.Id, Year = 2026, Month = m, Summary = "本月服务动态" }).ToList();

    public static IReadOnlyList<RuleResult> Check(Home home, IEnumerable<ServiceEvent> events, IEnumerable<Demand>? demands = null,
        IEnumerable<MonthlyReport>? reports = null, Policy? policy = null)
    {
        policy ??= Policy.Defaults(home.RuleSet, 2026);
        var figures = HomeFigures.Of(home, 2026, events, demands ?? [], reports ?? Reports(home), policy, AssessedAt, Beijing);
        return RuleBook.Check(home, figures, policy);
    }
}
