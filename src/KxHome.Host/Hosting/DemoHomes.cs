using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Hosting;

/// <summary>
/// Demo homes at every status, a year of their ledgers, last year's assessment round finished (an Excellent home on the
/// cultivation list, a home rectifying, a home revoked after two Unqualified years) and this year's round under way, so
/// a new user sees the whole life of a home. Written once, beside the demo certification cases (<see cref="DemoCases"/>).
/// </summary>
public sealed class DemoHomes(
    AppDbContext db, AssessmentDesk desk, FiguresReader figures, WorkflowEngine engine, UserManager<AppUser> users, TimeProvider clock,
    IOptions<WorkflowOptions> options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => BusinessDates.Today(Now, options.Value.TimeZone);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Homes.AnyAsync(h => h.PlaqueNumber != null, ct)) return;
        var year = Today.Year;
        var park = Add("嘉定工业区科技工作者之家", HomeKind.Park, "jd-industrial-park", new DateOnly(year - 1, 5, 20), 1);
        var enterprise = Add("智能传感企业科技工作者之家", HomeKind.Enterprise, "jd-sensor", new DateOnly(year - 1, 6, 10), 2);
        var street = Add("菊园新区科技工作者之家", HomeKind.Street, "jd-juyuan", new DateOnly(year - 1, 4, 8), 3);
        var rectifying = Add("新材料产业园科技工作者之家", HomeKind.Park, "jd-materials", new DateOnly(year - 2, 9, 1), 1);
        var revoked = Add("南翔老街科技工作者之家", HomeKind.Street, "jd-nanxiang", new DateOnly(year - 3, 5, 12), 1);
        var auto = Add("嘉定汽车产业园科技工作者之家", HomeKind.Park, "jd-auto", new DateOnly(year - 2, 6, 1), 2);
        var yiyang = Add("益阳高新区科技工作者之家", HomeKind.Park, "yy-hitech", new DateOnly(year - 1, 7, 1), 1, RuleSet.Yiyang);
        var withdrawn = Add("南翔科创园科技工作者之家", HomeKind.Street, "jd-nanxiang", null, 0);
        var refused = Add("南翔社区科技工作者之家", HomeKind.Street, "jd-nanxiang", null, 0);
        street.InCluster = true;
        refused.InCluster = false;
        db.HomePairings.Add(new HomePairing { StreetHomeId = street.Id, PairedHomeId = park.Id });
        Change(withdrawn, HomeStatus.Withdrawn, "申报单位撤回申报：场地调整后再申报");
        Change(refused, HomeStatus.Refused, "R9：街镇科协在非科技集聚区域不再新增之家");
        foreach (var home in new[] { park, enterprise, street, rectifying, revoked, auto }) Grant(home);
        foreach (var home in new[] { park, enterprise, street, rectifying, yiyang, auto }) Ledgers(home, street.Id == home.Id ? park.Id : null);
        foreach (var home in new[] { park, enterprise, street }) Matching(home, year - 1);
        await db.SaveChangesAsync(ct);

        // Last year's round, finished and published.
        await PublishAsync(park, year - 1, AssessmentGrade.Excellent);
        await PublishAsync(enterprise, year - 1, AssessmentGrade.Qualified);
        await PublishAsync(street, year - 1, AssessmentGrade.Qualified);
        await PublishAsync(yiyang, year - 1, AssessmentGrade.Qualified);
        await PublishAsync(revoked, year - 2, AssessmentGrade.Unqualified);
        await PublishAsync(revoked, year - 1, AssessmentGrade.Unqualified);
        await PublishAsync(rectifying, year - 1, AssessmentGrade.Unqualified);
        db.FundingEntries.Add(Money(park, FundingKind.ExcellenceAward, year - 1, 5_000_000, "升级服务设施、拓展特色服务"));
        db.CultivationList.Add(new CultivationListing { HomeId = park.Id, Year = year - 1, At = Now });
        Change(rectifying, HomeStatus.Rectifying, $"{year - 1}年度考核不合格，限期一年整改（R15）");
        Change(revoked, HomeStatus.Rectifying, $"{year - 2}年度考核不合格，限期一年整改（R15）");
        Change(revoked, HomeStatus.Revoked, $"{year - 2}、{year - 1}年度连续两年考核不合格，取消资格（R15）");
        await db.SaveChangesAsync(ct);
        var rectification = await engine.StartAsync(new StartRequest("rectification")
        {
            Owner = rectifying.OrganisationId, BusinessKey = HomeKeys.Assessment(rectifying.Id, year - 1),
            Variables = new Dictionary<string, object?> { ["homeId"] = rectifying.Id.ToString(), ["homeName"] = rectifying.Name, ["year"] = year - 1 },
        }, ct);
        await DemoCases.OpenTaskAsync(engine, rectification.Id, "plan");

        // This year's round, under way: one home graded, one confirmed, the others to confirm.
        await desk.OpenRoundAsync(year, ct);
        var admin = await DemoCases.IdOfAsync(users, "admin");
        var district = await DemoCases.IdOfAsync(users, "district");
        foreach (var home in new[] { street, enterprise })
        {
            var caseId = (await db.Assessments.AsNoTracking().SingleAsync(a => a.HomeId == home.Id && a.Year == year, ct)).CaseId!.Value;
            await DemoCases.CompleteAsync(engine, caseId, "confirm", admin, new()
            {
                ["matchingFundsYuan"] = 85000, ["matchingSource"] = "建设主体自筹", ["matchingUse"] = "活动场地维护、设备更新",
                ["matchingEffect"] = "全年服务科技工作者逾千人次", ["confirmed"] = true,
            }, "代之家确认（演示数据）");
            if (home == street)
            {
                await DemoCases.CompleteAsync(engine, caseId, "grade", district, new() { ["grade"] = "Qualified", ["opinion"] = "各项指标达标" }, null);
            }
            else
            {
                await DemoCases.OpenTaskAsync(engine, caseId, "grade");
            }
        }
    }

    private Home Add(string name, HomeKind kind, string organisation, DateOnly? designated, int plaque, RuleSet ruleSet = RuleSet.Jiading)
    {
        var home = new Home
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisation, Kind = kind, Name = name, RuleSet = ruleSet,
            Address = ruleSet == RuleSet.Yiyang ? "益阳市高新区东部新区" : "上海市嘉定区", AreaM2 = kind == HomeKind.Street ? 80 : 120,
            PersonInCharge = "陈立", Administrator = "周敏", Phone = "021-59991234", Status = HomeStatus.Applying, CreatedAt = Now,
            SixHaves = new SixHaves { Place = true, Facilities = true, Staff = true, Funding = true, Activities = true, Rules = true, OpenFreeOfCharge = true },
        };
        db.Homes.Add(home);
        db.HomeStatusChanges.Add(new HomeStatusChange { HomeId = home.Id, To = HomeStatus.Applying, At = At(designated?.AddMonths(-2)), Reason = "提交认定申报" });
        if (designated is { } on)
        {
            home.DesignatedOn = on;
            home.PlaqueOn = on;
            home.PlaqueNumber = PlaqueNumbers.Format(ruleSet, on.Year, plaque);
            Change(home, HomeStatus.Active, $"认定命名，授牌 {home.PlaqueNumber}", on);
        }
        return home;
    }

    private void Change(Home home, HomeStatus to, string reason, DateOnly? on = null)
    {
        if (home.ChangeStatus(to, At(on), null, reason, null) is { } change) db.HomeStatusChanges.Add(change);
    }

    private DateTime At(DateOnly? on) => on is { } day ? day.ToDateTime(new TimeOnly(2, 0)) : Now;

    private void Grant(Home home) =>
        db.FundingEntries.Add(Money(home, FundingKind.ConstructionGrant, home.DesignatedOn!.Value.Year, 8_000_000, "阵地建设：设备购置、环境氛围布置、标识制作"));

    private void Matching(Home home, int year)
    {
        var entry = Money(home, FundingKind.MatchingFunds, year, 8_500_000, "活动场地维护、设备更新");
        entry.Source = "建设主体自筹";
        entry.Effect = "全年开展活动二十余场，服务科技工作者逾千人次";
        db.FundingEntries.Add(entry);
    }

    private FundingEntry Money(Home home, FundingKind kind, int year, long fen, string purpose) => new()
    {
        Id = Guid.CreateVersion7(), HomeId = home.Id, Kind = kind, Year = year, AmountFen = fen, Purpose = purpose, At = At(new DateOnly(year, 12, 1)),
    };

    /// <summary>A year of the home's ledgers up to today: events every month (one news reported late, the latest not yet), requests and their responses, monthly reports (one missing).</summary>
    private void Ledgers(Home home, Guid? pairedWith)
    {
        var kinds = home.Kind switch
        {
            HomeKind.Enterprise => new[] { ServiceEventCategory.TechSalon, ServiceEventCategory.PatentTraining, ServiceEventCategory.CrossEnterpriseExchange, ServiceEventCategory.PartyBuilding },
            HomeKind.Park => [ServiceEventCategory.SupplyChainMatching, ServiceEventCategory.TechSalon, ServiceEventCategory.SciencePopularisation, ServiceEventCategory.OtherInnovation],
            _ => [ServiceEventCategory.SciencePopularisation, ServiceEventCategory.JointActivity, ServiceEventCategory.PartyBuilding, ServiceEventCategory.TechSalon],
        };
        var first = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-12);
        var n = 0;
        for (var month = first; month <= Today; month = month.AddMonths(1))
        {
            for (var k = 0; k < 1 + n % 2; k++, n++)
            {
                var heldOn = month.AddDays(4 + 9 * k);
                if (heldOn > Today.AddDays(-1)) break;
                var category = kinds[n % kinds.Length];
                if (category == ServiceEventCategory.JointActivity && pairedWith is null) category = ServiceEventCategory.TechSalon;
                var late = n == 7;
                db.ServiceEvents.Add(new ServiceEvent
                {
                    Id = Guid.CreateVersion7(), HomeId = home.Id, HeldOn = heldOn, Category = category, Title = $"{Names.Of(category)}：{Topic(n)}",
                    Content = $"围绕{Topic(n)}，组织科技工作者开展{Names.Of(category)}", Part = n % 5 == 4 ? EventPart.CoHost : EventPart.Host,
                    Outcome = $"服务企业 {2 + n % 3} 家，收集技术需求 {1 + n % 4} 项",
                    Participants = home.RuleSet == RuleSet.Yiyang && n == 5 ? 8 : 15 + n * 7 % 40, EnterprisesServed = home.Kind == HomeKind.Park ? 2 + n % 3 : 0,
                    PairedHomeId = category == ServiceEventCategory.JointActivity ? pairedWith : null,
                    NewsReportedAt = heldOn >= Today.AddDays(-3) ? null : At(heldOn.AddDays(late ? 5 : 1)), RecordedAt = At(heldOn.AddDays(1)), RecordedBy = "demo",
                });
            }
            if (month < new DateOnly(Today.Year, Today.Month, 1) && month.Month != Today.AddMonths(-3).Month)
            {
                db.MonthlyReports.Add(new MonthlyReport
                {
                    Id = Guid.CreateVersion7(), HomeId = home.Id, Year = month.Year, Month = month.Month, Summary = $"{month.Month}月开展服务活动，收集需求并跟进响应。",
                    SubmittedAt = At(month.AddMonths(1).AddDays(4)), SubmittedBy = "demo",
                });
            }
            var raised = month.AddDays(15);
            if (raised < Today)
            {
                db.Demands.Add(new Demand
                {
                    Id = Guid.CreateVersion7(), HomeId = home.Id, RaisedOn = raised, Topic = Topic(n + 3) + "需求", RaisedBy = "研发部科技工作者",
                    RespondedOn = raised.AddDays(10) < Today ? raised.AddDays(6) : null, Outcome = raised.AddDays(10) < Today ? "已对接专家并答复" : null, RecordedAt = At(raised),
                });
            }
        }
    }

    private static string Topic(int n) => new[] { "智能制造", "新能源汽车零部件", "知识产权保护", "高端装备", "人才政策", "集成电路", "生物医药" }[n % 7];

    /// <summary>A published assessment of a year, with the figures its ledgers give.</summary>
    private async Task PublishAsync(Home home, int year, AssessmentGrade grade)
    {
        var live = await figures.ForAsync(home, year);
        db.Assessments.Add(new Assessment
        {
            Id = Guid.CreateVersion7(), HomeId = home.Id, Year = year, Status = AssessmentStatus.Published, Grade = grade, OpenedAt = At(new DateOnly(year, 10, 1)),
            Snapshot = new AssessmentSnapshot(live.Figures, live.Rules, RuleBook.Suggest(live.Rules)).ToJson(),
            Opinion = grade == AssessmentGrade.Excellent ? "服务成效显著" : grade == AssessmentGrade.Qualified ? "各项指标达标" : "活动场次和台账不达标",
            PublishedOn = new DateOnly(year, 11, 28),
        });
    }
}
