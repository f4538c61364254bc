using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Homes;

/// <summary>The yearly assessment round and what its grades do to homes, on the virtual clock from 2026-05-06.</summary>
public sealed class AssessmentTests : IAsyncDisposable
{
    private readonly TestHost _host = new();
    private readonly HomeDriver _drive;

    public AssessmentTests() => _drive = new HomeDriver(_host);

    [Fact]
    public async Task The_round_opens_by_its_timer_with_one_case_per_active_or_rectifying_home_and_none_for_the_others_R13_R29()
    {
        var active = await _drive.SeedHomeAsync("运行中的之家");
        var rectifying = await _drive.SeedHomeAsync("整改中的之家", status: HomeStatus.Rectifying);
        var others = new[]
        {
            await _drive.SeedHomeAsync("申报中的之家", status: HomeStatus.Applying),
            await _drive.SeedHomeAsync("已撤回的之家", status: HomeStatus.Withdrawn),
            await _drive.SeedHomeAsync("已取消的之家", status: HomeStatus.Revoked),
        };

        await _drive.AdvanceToAsync(2026, 9, 30, 23);
        (await _drive.ReadAsync(db => db.Assessments.CountAsync())).Should().Be(0, "the round opens on 年度考核开始日, October 1");
        await _drive.AdvanceToAsync(2026, 10, 1, 8);

        var opened = await _drive.AssessmentCaseAsync(active.Id, 2026);
        await _drive.AssessmentCaseAsync(rectifying.Id, 2026);
        var assessed = await _drive.ReadAsync(db => db.Assessments.Select(a => a.HomeId).ToListAsync());
        assessed.Should().BeEquivalentTo([active.Id, rectifying.Id]);
        assessed.Should().NotContain(others.Select(h => h.Id));
        var task = (await _drive.WaitAtAsync(opened, "confirm")).Single();
        task.DueAt.Should().Be(new DateTime(2026, 11, 16, 16, 0, 0, DateTimeKind.Utc), "the home confirms two weeks before the window closes on November 30");
    }

    [Fact]
    public async Task Figures_come_from_the_ledger_and_the_confirmed_table_says_3_of_4_R3()
    {
        var home = await _drive.SeedHomeAsync("台账之家");
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KxHome.Host.Identity.AppDbContext>();
            foreach (var (category, month) in new[]
            {
                (ServiceEventCategory.TechSalon, 2), (ServiceEventCategory.PatentTraining, 3), (ServiceEventCategory.SupplyChainMatching, 4),
                (ServiceEventCategory.PartyBuilding, 5), (ServiceEventCategory.PartyBuilding, 6),
            })
            {
                db.ServiceEvents.Add(new ServiceEvent
                {
                    Id = Guid.NewGuid(), HomeId = home.Id, Category = category, HeldOn = new DateOnly(2026, month, 8), Title = "活动", Participants = 30,
                    NewsReportedAt = new DateTime(2026, month, 8, 10, 0, 0, DateTimeKind.Utc),
                });
            }
            await db.SaveChangesAsync();
        }
        await _drive.AdvanceToAsync(2026, 10, 1, 8);
        var caseId = await _drive.AssessmentCaseAsync(home.Id, 2026);

        await _drive.CompleteAsync(caseId, "confirm", "applicant", new System.Text.Json.Nodes.JsonObject { ["confirmed"] = true, ["matchingFundsYuan"] = 80000,
            ["matchingSource"] = "企业自筹", ["matchingUse"] = "设备更新", ["matchingEffect"] = "活动更多" });
        await _drive.WaitAtAsync(caseId, "grade");

        var instance = await _drive.Engine.Queries.GetInstanceAsync(caseId);
        instance.Variables["ruleResults"]!.GetValue<string>().Should().Contain("R3 创新类活动 3/4 ✗").And.Contain("R3 党建或科普活动 2/2 ✓");
        instance.Variables["suggestedGrade"]!.GetValue<string>().Should().Be("Unqualified");
        var snapshot = AssessmentSnapshot.FromJson(await _drive.ReadAsync(db => db.Assessments.Where(a => a.HomeId == home.Id).Select(a => a.Snapshot).SingleAsync()))!;
        snapshot.Figures.InnovationEvents.Should().Be(3);
        var matching = await _drive.ReadAsync(db => db.FundingEntries.SingleAsync(f => f.HomeId == home.Id && f.Kind == FundingKind.MatchingFunds));
        matching.Should().Match<FundingEntry>(f => f.AmountFen == 8_000_000 && f.Source == "企业自筹" && f.Year == 2026, "the funding-use report is kept (R18)");
    }

    [Fact]
    public async Task An_excellent_enterprise_home_gets_50000_once_and_joins_the_cultivation_list_R14_R17()
    {
        var home = await _drive.SeedHomeAsync("优秀企业之家", HomeKind.Enterprise);
        await _drive.AdvanceToAsync(2026, 10, 1, 8);

        var ended = await _drive.AssessAsync(home.Id, 2026, "Excellent");

        ended.Status.Should().Be(InstanceStatus.Completed, string.Join("; ", ended.Incidents.Select(i => i.Message)));
        var awards = await _drive.ReadAsync(db => db.FundingEntries.Where(f => f.HomeId == home.Id && f.Kind == FundingKind.ExcellenceAward).ToListAsync());
        awards.Should().ContainSingle().Which.AmountFen.Should().Be(5_000_000);
        (await _drive.ReadAsync(db => db.CultivationList.SingleAsync(c => c.HomeId == home.Id))).Year.Should().Be(2026);
        var assessment = await _drive.ReadAsync(db => db.Assessments.SingleAsync(a => a.HomeId == home.Id));
        assessment.Should().Match<Assessment>(a => a.Grade == AssessmentGrade.Excellent && a.Status == AssessmentStatus.Published && a.PublishedOn != null);
        var other = await _drive.SeedHomeAsync("尚未评定之家");
        await _drive.WithAsync<KxHome.Host.Homes.AssessmentDesk, int>(desk => desk.OpenRoundAsync(2026));
        using var anonymous = _host.Factory.CreateClient();
        var published = await anonymous.GetStringAsync("/results?year=2026");
        published.Should().Contain("2026 年度科技工作者之家考核结果公示").And.Contain("优秀企业之家").And.Contain("优秀", "the results are public (R29)");
        published.Should().NotContain(other.Name, "an assessment not yet published is not shown");
    }

    [Fact]
    public async Task A_second_assessment_of_a_year_is_refused_and_the_award_is_booked_once_however_often_its_job_runs_R13_R17()
    {
        var home = await _drive.SeedHomeAsync("优秀企业之家", HomeKind.Enterprise);
        await _drive.AdvanceToAsync(2026, 10, 1, 8);
        await _drive.AssessAsync(home.Id, 2026, "Excellent");

        var reopened = await _drive.WithAsync<KxHome.Host.Homes.AssessmentDesk, int>(desk => desk.OpenRoundAsync(2026));
        var award = _host.Factory.Services.GetServices<IServiceTaskHandler>().Single(h => h.Topic == "kx-home-award");
        var caseId = await _drive.AssessmentCaseAsync(home.Id, 2026);
        var instance = await _drive.Engine.Queries.GetInstanceAsync(caseId);
        var retried = new ServiceTaskContext(Guid.NewGuid(), caseId, instance.DefinitionId, instance.BusinessKey, "award", "kx-home-award", 2, instance.Variables);
        await award.HandleAsync(retried, default);
        await award.HandleAsync(retried, default);

        reopened.Should().Be(0, "one assessment per home and year");
        await _drive.ReadAsync(async db => await db.Database.ExecuteSqlRawAsync("UPDATE Assessments SET CaseId = NULL")); // as if the ids were lost after the cases started
        (await _drive.WithAsync<KxHome.Host.Homes.AssessmentDesk, int>(desk => desk.OpenRoundAsync(2026))).Should().Be(0, "a case already started is found again, not started twice");
        (await _drive.ReadAsync(db => db.Assessments.SingleAsync(a => a.HomeId == home.Id))).CaseId.Should().Be(caseId);
        (await _drive.ReadAsync(db => db.Assessments.CountAsync(a => a.HomeId == home.Id))).Should().Be(1);
        (await _drive.ReadAsync(db => db.FundingEntries.CountAsync(f => f.HomeId == home.Id && f.Kind == FundingKind.ExcellenceAward))).Should().Be(1);
    }

    [Fact]
    public async Task An_excellent_Yiyang_home_gets_its_plaque_and_no_Jiading_money_R29()
    {
        var home = await _drive.SeedHomeAsync("益阳优秀之家", HomeKind.Park, ruleSet: RuleSet.Yiyang);
        await _drive.AdvanceToAsync(2026, 10, 1, 8);

        await _drive.AssessAsync(home.Id, 2026, "Excellent");

        (await _drive.ReadAsync(db => db.HomeStatusChanges.Where(c => c.HomeId == home.Id).Select(c => c.Reason).ToListAsync()))
            .Should().Contain("2026年度考核优秀，授予“优秀科技工作者之家”牌匾（R29）");
        (await _drive.ReadAsync(db => db.FundingEntries.CountAsync(f => f.HomeId == home.Id && f.Kind == FundingKind.ExcellenceAward)))
            .Should().Be(0, "the award of R17 is Jiading's");
    }

    [Fact]
    public async Task An_excellent_street_home_gets_30000_and_is_not_on_the_cultivation_list_R14_R17()
    {
        var home = await _drive.SeedHomeAsync("优秀街镇之家", HomeKind.Street);
        await _drive.AdvanceToAsync(2026, 10, 1, 8);

        await _drive.AssessAsync(home.Id, 2026, "Excellent");

        (await _drive.ReadAsync(db => db.FundingEntries.SingleAsync(f => f.HomeId == home.Id && f.Kind == FundingKind.ExcellenceAward))).AmountFen.Should().Be(3_000_000);
        (await _drive.ReadAsync(db => db.CultivationList.AnyAsync(c => c.HomeId == home.Id))).Should().BeFalse();
    }

    [Fact]
    public async Task Unqualified_in_2026_and_again_in_2027_revokes_the_home_and_tells_it_R15()
    {
        var home = await _drive.SeedHomeAsync("连续不合格之家");
        await _drive.AdvanceToAsync(2026, 10, 1, 8);

        var first = await _drive.AssessAsync(home.Id, 2026, "Unqualified");
        first.ActiveElements.Should().Contain(a => a.ElementId == "rectification", "a first Unqualified year rectifies");
        (await _drive.HomeAsync(home.Id)).Status.Should().Be(HomeStatus.Rectifying);
        await _drive.WithAsync<KxHome.Host.Homes.PolicyBook, IReadOnlyDictionary<string, string>>(policies =>
            policies.SaveAsync(RuleSet.Jiading, 2027, new Dictionary<string, string?> { ["AssessmentOpens"] = "09-15" }, "admin"));
        await _drive.AdvanceToAsync(2027, 9, 16, 8); // 2027's round opens early, while the 2026 rectification still runs
        var second = await _drive.AssessAsync(home.Id, 2027, "Unqualified");

        second.Status.Should().Be(InstanceStatus.Completed);
        second.History.Should().Contain(h => h.Kind == HistoryKind.ElementLeft && h.ElementId == "revoked");
        var earlier = await _drive.Engine.Queries.GetInstanceAsync(first.Id);
        earlier.Status.Should().Be(InstanceStatus.Cancelled, "the rectification it called has nothing left to decide");
        earlier.Incidents.Should().BeEmpty();
        (await _drive.HomeAsync(home.Id)).Status.Should().Be(HomeStatus.Revoked);
        var reason = await _drive.ReadAsync(db => db.HomeStatusChanges.Where(c => c.HomeId == home.Id).OrderBy(c => c.Id).Select(c => c.Reason).ToListAsync());
        reason.Last().Should().Contain("连续两年考核不合格");
        await _host.Factory.Services.GetRequiredService<KxHome.Host.Mail.NoticeDispatcher>().DispatchOnceAsync();
        (await _drive.ReadAsync(db => db.SentMails.Select(m => m.Subject).ToListAsync())).Should().Contain(s => s.StartsWith("科技工作者之家资格取消通知"));
    }

    [Fact]
    public async Task Unqualified_in_2026_then_rectified_and_qualified_in_2027_stays_active_R15()
    {
        var home = await _drive.SeedHomeAsync("整改合格之家");
        await _drive.AdvanceToAsync(2026, 10, 1, 8);
        var first = await _drive.AssessAsync(home.Id, 2026, "Unqualified");
        var rectification = await _drive.ReadAsync(db => db.Assessments.Where(a => a.HomeId == home.Id && a.Year == 2026).Select(a => a.RectificationCaseId).SingleAsync());
        rectification.Should().NotBeNull();

        await _drive.CompleteAsync(rectification!.Value, "plan", "applicant", new System.Text.Json.Nodes.JsonObject { ["measures"] = "每月开展两场技术沙龙，补齐台账", ["plannedFinish"] = "2027-03-31" });
        await _drive.CompleteAsync(rectification.Value, "progress", "applicant", new System.Text.Json.Nodes.JsonObject { ["progress"] = "已开展技术沙龙六场，台账已补齐" });
        await _drive.CompleteAsync(rectification.Value, "verify", "district", new System.Text.Json.Nodes.JsonObject { ["verified"] = true, ["opinion"] = "整改到位" });
        await _drive.SettleAsync(first.Id);
        (await _drive.HomeAsync(home.Id)).Status.Should().Be(HomeStatus.Active, "a passed re-verification ends the rectification");
        await _drive.AdvanceToAsync(2027, 10, 1, 8);
        await _drive.AssessAsync(home.Id, 2027, "Qualified");

        (await _drive.HomeAsync(home.Id)).Status.Should().Be(HomeStatus.Active);
        (await _drive.Engine.Queries.GetInstanceAsync(first.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
