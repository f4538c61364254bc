using KxHome.Host.Associations;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Hosting;

/// <summary>
/// From home to association, for a new user to see: one home in each cultivation year (the park on the cultivation
/// list in year 1, the sensor enterprise in year 2 with the district's guidance, the auto park in year 3), an
/// association in mid-term, and one whose 换届 is open. The paths run in real cases; a year's wait is skipped the way
/// an administrator repairs a case (the timer made due now, with the reason). Also an enterprise association, and each
/// district's year-end report case with Jiading's own figures (R26). Written once, after the demo homes.
/// </summary>
public sealed class DemoAssociations(
    AppDbContext db, WorkflowEngine engine, AssociationRegistry registry, Reports.YearEndRound yearEnd, UserManager<AppUser> users, TimeProvider clock)
{
    private const string SkipReason = "演示数据：跳过等待的年份";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.CultivationPaths.AnyAsync(ct) || await db.Associations.AnyAsync(ct)) return;
        var admin = await DemoCases.IdOfAsync(users, "admin");
        var district = await DemoCases.IdOfAsync(users, "district");
        var homes = await db.Homes.AsNoTracking().Where(h => h.Status == HomeStatus.Active && h.Kind != HomeKind.Street && h.RuleSet == RuleSet.Jiading)
            .ToDictionaryAsync(h => h.OrganisationId, ct);
        var today = registry.Today;

        // Year 1: the park home on the cultivation list, to declare its intent.
        await StartPathAsync(homes["jd-industrial-park"], admin);

        // Year 2: the sensor enterprise, its intent accepted, with the district's first guidance.
        var improving = await StartPathAsync(homes["jd-sensor"], admin);
        await IntentAsync(improving, admin, district);
        await DemoCases.CompleteAsync(engine, improving, "guide", district, new()
        {
            ["guidedOn"] = today.ToString("yyyy-MM-dd"), ["area"] = "运营架构搭建", ["content"] = "指导建立之家理事会和月度例会制度，对接区科普资源。",
        }, null);
        await DemoCases.OpenTaskAsync(engine, improving, "guide"); // the guidance kept, the next one open

        // Year 3: a park home that passed its year-2 verification.
        var upgrading = await StartPathAsync(homes["jd-auto"], admin);
        await IntentAsync(upgrading, admin, district);
        await DemoCases.CompleteAsync(engine, upgrading, "guide", district, new()
        {
            ["guidedOn"] = today.ToString("yyyy-MM-dd"), ["area"] = "公益资源对接", ["content"] = "对接高校专家服务团，每季度一次技术沙龙。",
        }, null);
        await DemoCases.OpenTaskAsync(engine, upgrading, "guide");
        await FireAsync(upgrading, "verificationDue");
        await DemoCases.CompleteAsync(engine, upgrading, "verify", district, new()
        {
            ["passed"] = true, ["opinion"] = "运营架构健全，活动常态化，通过基础核验",
        }, null);
        await FireAsync(upgrading, "year3Start");
        await DemoCases.OpenTaskAsync(engine, upgrading, "conditions");

        // An association in mid-term, and one whose 换届 is open (its term ends in four months).
        await FoundedAsync("嘉定新材料产业园科学技术协会", "jd-materials", today.AddYears(-2), 5, "陈立新", AssociationKind.Park, "上海市嘉定区兴贤路 1180 号");
        await FoundedAsync("宝山城市工业园区科学技术协会", "bs-park", today.AddYears(-5).AddMonths(4), 5, "杨海涛", AssociationKind.Park, "上海市宝山区城银路 555 号");
        await FoundedAsync("上海嘉定机器人科技有限公司科学技术协会", "jd-robot", today.AddYears(-1), 4, "黄志明", AssociationKind.Enterprise, "上海市嘉定区南翔镇德园路 88 号");

        // What only the district knows for its year-end tables (R26).
        db.YearEndFigures.Add(new YearEndFigures
        {
            OrganisationId = "jd", Year = today.Year, LocalEnterprises = 1260, ScienceEnterprises = 318, IndustrialZones = 6, UpdatedBy = district,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        await yearEnd.OpenAsync(today.Year); // each district's report, due 11月30日
    }

    private async Task<Guid> StartPathAsync(Home home, string admin)
    {
        var started = await engine.StartAsync(new StartRequest(CultivationStart.Key)
        {
            BusinessKey = AssociationKeys.Cultivation(home.Id), Owner = home.OrganisationId, StartedBy = admin,
            Variables = new Dictionary<string, object?> { ["homeId"] = home.Id.ToString(), ["homeName"] = home.Name },
        });
        await DemoCases.OpenTaskAsync(engine, started.Id, "commit");
        return started.Id;
    }

    private async Task IntentAsync(Guid caseId, string admin, string district)
    {
        await DemoCases.CompleteAsync(engine, caseId, "commit", admin, new()
        {
            ["stableOperation"] = true, ["activitiesHeld"] = 8, ["intent"] = "之家运营稳定，已签署自主运维承诺书，申请纳入园企科协培育。",
        }, "代申报单位提交（演示数据）");
        await DemoCases.CompleteAsync(engine, caseId, "acceptIntent", district, new() { ["approved"] = true, ["opinion"] = "同意纳入培育" }, null);
        await FireAsync(caseId, "year2Start");
        await DemoCases.OpenTaskAsync(engine, caseId, "guide");
    }

    /// <summary>Makes the case's timer at the element due now, as an administrator's repair would; the next <see cref="DemoCases.OpenTaskAsync"/> fires it.</summary>
    private async Task FireAsync(Guid caseId, string elementId)
    {
        var admin = await DemoCases.IdOfAsync(users, "admin");
        TimerView? timer = null;
        for (var round = 0; round < 50 && timer is null; round++)
        {
            timer = (await engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = caseId })).FirstOrDefault(t => t.ElementId == elementId);
            if (timer is null && await engine.ExecuteDueJobsAsync() == 0) await Task.Delay(50); // the host's worker may hold the job
        }
        if (timer is null) throw new InvalidOperationException($"Demo case {caseId} has no timer at {elementId}.");
        await engine.DueNowAsync(timer.Id, admin, SkipReason);
    }

    /// <summary>An association founded in an earlier year (written as that year's work left it), waiting in its term's 换届 case.</summary>
    private async Task FoundedAsync(string name, string organisation, DateOnly foundedOn, int years, string chair, AssociationKind kind, string address)
    {
        var association = new ParkAssociation
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisation, Name = name, Kind = kind, Status = AssociationStatus.Active,
            Ownership = kind == AssociationKind.Park ? Ownership.State : Ownership.Private, Address = address,
            SecretariatUnit = kind == AssociationKind.Park ? "园区科创服务中心" : "", LegalRepresentative = kind == AssociationKind.Park ? "周国华" : "",
            LegalRepresentativeTitle = kind == AssociationKind.Park ? "管委会主任" : "", LegalRepresentativePhone = kind == AssociationKind.Park ? "021-59990000" : "",
            FoundedBy = FoundingMode.Approval, ApprovalNumber = $"{(organisation.StartsWith("bs") ? "宝" : "嘉")}科协〔{foundedOn.Year}〕{foundedOn.Month}号",
            ApprovedOn = foundedOn, FoundedOn = foundedOn, UnitMembers = 36, IndividualMembers = 420, Employees = 5200, ScienceStaff = 1380,
            PartyCommittee = "园区党工委", PartyConsentOn = foundedOn.AddDays(-20), FoundingCaseId = Guid.CreateVersion7(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var term = new AssociationTerm
        {
            Id = Guid.CreateVersion7(), AssociationId = association.Id, Number = 1, StartsOn = foundedOn, Years = years,
            EndsOn = TermRules.EndsOn(foundedOn, years), CongressOn = foundedOn, ReportAdopted = true, CharterAdopted = true,
            CommitteeMembers = $"{chair}\n王建国\n李晓梅\n周文斌\n赵丽华",
        };
        db.Associations.Add(association);
        db.AssociationTerms.Add(term);
        db.AssociationOfficers.AddRange(
            new AssociationOfficer { Id = Guid.CreateVersion7(), TermId = term.Id, Role = OfficerRole.Chair, Order = 0, Name = chair, Title = "园区管委会副主任", Phone = "021-59991001" },
            new AssociationOfficer { Id = Guid.CreateVersion7(), TermId = term.Id, Role = OfficerRole.SecretaryGeneral, Order = 1, Name = "王建国", Title = "科创服务中心主任", Phone = "021-59991002" },
            new AssociationOfficer { Id = Guid.CreateVersion7(), TermId = term.Id, Role = OfficerRole.Contact, Order = 2, Name = "李晓梅", Title = "科创服务中心干事", Phone = "13800001234" });
        await db.SaveChangesAsync();
        await registry.WatchAsync(association, term);
    }
}
