using System.Text.Json.Nodes;
using KxHome.Workflows.Association;
using static KxHome.Workflows.Tests.Association.Ledgers;

namespace KxHome.Workflows.Tests.Association;

public sealed class CertificationRulesTests
{
    private static readonly Policy Jiading = Policy.Defaults(RuleSet.Jiading, 2026);

    private static DateTime Beijing(int month, int day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, minute, 0), Ledgers.Beijing);

    [Fact]
    public void Filing_on_June_15_in_Beijing_is_accepted_and_at_midnight_after_it_is_refused_naming_the_date_R27()
    {
        CertificationRules.LateFiling(Jiading, Beijing(6, 15, 23, 59), Ledgers.Beijing).Should().BeNull();

        var refusal = CertificationRules.LateFiling(Jiading, Beijing(6, 16, 0, 0), Ledgers.Beijing);

        refusal.Should().Contain("2026年6月15日").And.Contain("截止");
    }

    [Fact]
    public void A_filing_date_set_for_the_year_moves_the_deadline_R27()
    {
        var later = new Policy(RuleSet.Jiading, 2026, new Dictionary<string, string> { ["FilingDeadline"] = "06-30" });

        CertificationRules.LateFiling(later, Beijing(6, 20, 10, 0), Ledgers.Beijing).Should().BeNull();
        CertificationRules.LateFiling(Policy.Defaults(RuleSet.Jiading, 2027), Beijing(6, 20, 10, 0), Ledgers.Beijing)
            .Should().BeNull("2027's call is judged by 2027's date, not 2026's");
    }

    private static HomeApplication Application(Action<JsonObject>? change = null)
    {
        var data = new JsonObject
        {
            ["homeName"] = "之家", ["homeKind"] = "Park", ["areaM2"] = 45, ["personInCharge"] = "王芳", ["administrator"] = "李娜",
            ["innovationEvents"] = 4, ["outreachEvents"] = 2, ["sixHaves"] = new JsonArray("place", "facilities", "staff", "funding", "activities", "rules"),
            ["openFree"] = true,
        };
        change?.Invoke(data);
        return HomeApplication.From(data.ToDictionary(p => p.Key, p => p.Value));
    }

    [Fact]
    public void A_park_application_under_30_square_metres_is_refused_on_its_area_field_R1()
    {
        var problems = CertificationRules.Check(Application(d => d["areaM2"] = 25), Jiading);

        problems.Should().ContainSingle().Which.Should().Be(new FieldProblem("areaM2", "R1：企业/园区之家场地面积不低于 30 平方米，申报为 25 平方米"));
        CertificationRules.Check(Application(d => { d["areaM2"] = 25; d["homeKind"] = "Street"; }), Jiading).Should().BeEmpty();
    }

    [Fact]
    public void An_application_planning_too_few_activities_is_refused_R3()
    {
        CertificationRules.Check(Application(d => d["innovationEvents"] = 3), Jiading)
            .Select(p => p.Message).Should().Contain("R3：每年创新类活动不少于 4 场").And.Contain("R3：全年活动不少于 6 场");
    }

    [Fact]
    public void A_Yiyang_application_must_meet_the_six_haves_and_open_free_R30()
    {
        var yiyang = Policy.Defaults(RuleSet.Yiyang, 2026);

        var problems = CertificationRules.Check(Application(d => { d["sixHaves"] = new JsonArray("place"); d["openFree"] = false; d["innovationEvents"] = 8; d["outreachEvents"] = 4; }), yiyang);

        problems.Select(p => p.Field).Should().Equal("sixHaves", "openFree");
        CertificationRules.Check(Application(d => { d["innovationEvents"] = 8; d["outreachEvents"] = 4; }), yiyang).Should().BeEmpty();
    }

    [Fact]
    public void A_wage_purpose_for_the_grant_or_award_is_refused_R16_R17()
    {
        FundingRules.PurposeProblem(FundingKind.ConstructionGrant, "管理员工资").Should().StartWith("R16：");
        FundingRules.PurposeProblem(FundingKind.ExcellenceAward, "发放员工福利").Should().StartWith("R17：");
        FundingRules.PurposeProblem(FundingKind.ConstructionGrant, "设备购置、标识制作").Should().BeNull();
    }
}
