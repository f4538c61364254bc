using KxHome.Workflows.Association;
using static KxHome.Workflows.Tests.Association.Ledgers;

namespace KxHome.Workflows.Tests.Association;

/// <summary>The figures of a year come from the ledgers, and each rule of the home's rule set is shown beside its figure.</summary>
public sealed class RuleBookTests
{
    private static DateOnly Day(int month, int day = 10) => new(2026, month, day);

    [Fact]
    public void Three_innovation_and_two_party_building_events_fail_R3_and_say_3_of_4_R3()
    {
        var home = Home();
        var events = new[]
        {
            Event(home, ServiceEventCategory.TechSalon, Day(2)), Event(home, ServiceEventCategory.SupplyChainMatching, Day(3)),
            Event(home, ServiceEventCategory.PatentTraining, Day(4)), Event(home, ServiceEventCategory.PartyBuilding, Day(5)),
            Event(home, ServiceEventCategory.PartyBuilding, Day(6)), Event(home, ServiceEventCategory.CrossEnterpriseExchange, Day(7)),
        };

        var results = Check(home, events.Take(5));

        results.Select(r => r.Text).Should().Contain("R3 创新类活动 3/4 ✗").And.Contain("R3 党建或科普活动 2/2 ✓").And.Contain("R3 全年活动 5/6 ✗");
        RuleBook.Suggest(results).Should().Be(AssessmentGrade.Unqualified);
        Check(home, events).Where(r => r.RuleId == "R3").Should().OnlyContain(r => r.Passed, "a cross-enterprise exchange is an innovation activity");
    }

    [Fact]
    public void A_park_home_under_30_square_metres_fails_R1_and_a_street_home_is_not_held_to_it_R1()
    {
        var park = Home(HomeKind.Park);
        park.AreaM2 = 29;
        var street = Home(HomeKind.Street);
        street.AreaM2 = 12;

        Check(park, []).Single(r => r.RuleId == "R1").Text.Should().Be("R1 场地面积 29/30㎡ ✗");
        Check(street, []).Should().NotContain(r => r.RuleId == "R1");
    }

    [Fact]
    public void A_home_without_an_administrator_fails_R2_R2()
    {
        var home = Home();
        home.Administrator = " ";

        Check(home, []).Single(r => r.RuleId == "R2").Text.Should().Be("R2 负责人与管理员 1/2 ✗");
    }

    [Fact]
    public void Answering_17_of_20_requests_is_85_percent_and_fails_R4_R4()
    {
        var home = Home();
        var demands = Enumerable.Range(0, 20).Select(i => new Demand
        {
            HomeId = home.Id, RaisedOn = Day(3, 1 + i), Topic = "技术攻关需求", RespondedOn = i < 17 ? Day(4) : null,
        });

        Check(home, [], demands).Single(r => r.RuleId == "R4").Text.Should().Be("R4 需求响应率 85%/90% ✗");
    }

    [Fact]
    public void Each_kind_of_home_is_held_to_its_own_rule_R5_R6_R7()
    {
        var enterprise = Home(HomeKind.Enterprise);
        var park = Home(HomeKind.Park);
        var street = Home(HomeKind.Street);
        var paired = Event(street, ServiceEventCategory.JointActivity, Day(5));
        paired.PairedHomeId = park.Id;

        Check(enterprise, [Event(enterprise, ServiceEventCategory.CrossEnterpriseExchange, Day(3))]).Single(r => r.RuleId == "R5").Passed.Should().BeTrue();
        Check(enterprise, []).Single(r => r.RuleId == "R5").Text.Should().Be("R5 跨企业技术交流 0/1 ✗");
        Check(park, [Event(park, ServiceEventCategory.SupplyChainMatching, Day(3), enterprises: 12), Event(park, ServiceEventCategory.TechSalon, Day(4), enterprises: 7)])
            .Single(r => r.RuleId == "R6").Text.Should().Be("R6 服务园区企业（家次） 19/20 ✗");
        Check(street, [paired]).Single(r => r.RuleId == "R7").Text.Should().Be("R7 结对联合活动 1/2 ✗");
        Check(park, []).Should().NotContain(r => r.RuleId == "R5" || r.RuleId == "R7");
    }

    [Fact]
    public void A_missing_monthly_report_is_shown_against_the_months_due_R8()
    {
        var home = Home();
        var reports = Reports(home).Where(r => r.Month != 7).ToList();

        var figures = HomeFigures.Of(home, 2026, [], [], reports, Policy.Defaults(RuleSet.Jiading, 2026), AssessedAt, Beijing);

        figures.MissingReportMonths.Should().Equal(7);
        Check(home, [], reports: reports).Single(r => r.RuleId == "R8").Text.Should().Be("R8 月度服务动态报送 9/10 ✗");
    }

    [Fact]
    public void News_reported_on_the_fourth_day_is_flagged_late_but_does_not_decide_the_grade_R25()
    {
        var home = Home();
        var late = Event(home, ServiceEventCategory.TechSalon, Day(6, 1));
        late.NewsReportedAt = new DateTime(2026, 6, 4, 16, 1, 0, DateTimeKind.Utc); // 6月5日 00:01 in Beijing
        var onTime = Event(home, ServiceEventCategory.TechSalon, Day(6, 2));
        onTime.NewsReportedAt = new DateTime(2026, 6, 5, 15, 59, 0, DateTimeKind.Utc); // 6月5日 23:59

        var r25 = Check(home, [late, onTime]).Single(r => r.RuleId == "R25");

        r25.Text.Should().Be("R25 活动新闻按时报送 1/2 ⚠");
        r25.Advisory.Should().BeTrue();
        late.IsNewsLate(3, AssessedAt, Beijing).Should().BeTrue();
        onTime.IsNewsLate(3, AssessedAt, Beijing).Should().BeFalse();
    }

    [Fact]
    public void A_Yiyang_home_with_12_events_one_of_9_participants_fails_R31_R31()
    {
        var home = Home(HomeKind.Park, RuleSet.Yiyang);
        home.DesignatedOn = new DateOnly(2025, 6, 1);
        var events = Enumerable.Range(1, 12).Select(m => Event(home, ServiceEventCategory.SciencePopularisation, Day(Math.Min(m, 10), m > 10 ? 20 : 10), participants: m == 5 ? 9 : 25)).ToList();

        var results = Check(home, events);

        results.Where(r => r.RuleId == "R31").Select(r => r.Text).Should().Equal(
            "R31 每月开展活动的月份 10/10 ✓", "R31 全年活动 12/12 ✓", "R31 参与不少于10人的活动 11/12 ✗");
        results.Should().NotContain(r => r.RuleId == "R1" || r.RuleId == "R3" || r.RuleId == "R8", "Yiyang's rule set has its own rules");
        RuleBook.Suggest(results).Should().Be(AssessmentGrade.Unqualified);
    }

    [Fact]
    public void A_Yiyang_home_missing_one_of_the_six_haves_fails_R30_R30()
    {
        var home = Home(HomeKind.Enterprise, RuleSet.Yiyang);
        home.SixHaves.Funding = false;

        Check(home, []).Single(r => r.RuleId == "R30").Text.Should().Be("R30 六有标准 5/6 ✗");
    }

    [Fact]
    public void A_setting_changed_for_the_year_changes_the_rule_R3()
    {
        var home = Home();
        var events = Enumerable.Range(1, 3).Select(m => Event(home, ServiceEventCategory.TechSalon, Day(m))).ToList();
        var relaxed = new Policy(RuleSet.Jiading, 2026, new Dictionary<string, string> { ["MinInnovationEvents"] = "3" });

        Check(home, events, policy: relaxed).First(r => r.RuleId == "R3").Text.Should().Be("R3 创新类活动 3/3 ✓");
    }
}
