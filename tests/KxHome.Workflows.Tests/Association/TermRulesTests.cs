using KxHome.Workflows.Association;

namespace KxHome.Workflows.Tests.Association;

/// <summary>The rules of terms (R20), officers (R24) and the cultivation path (R10–R12), without a host.</summary>
public sealed class TermRulesTests
{
    [Theory]
    [InlineData(3, null, null)]
    [InlineData(5, null, null)]
    [InlineData(2, null, "届期 2 年不在 3–5 年之间，须说明理由（R20）")]
    [InlineData(6, "  ", "届期 6 年不在 3–5 年之间，须说明理由（R20）")]
    [InlineData(6, "章程规定", null)]
    [InlineData(11, "章程规定", "届期须为 1 至 10 年")]
    public void A_term_outside_3_to_5_years_needs_a_reason_R20(int years, string? reason, string? problem) =>
        TermRules.LengthProblem(years, reason).Should().Be(problem);

    [Fact]
    public void A_term_ends_the_day_before_its_anniversary_and_its_renewal_opens_the_set_months_before_R20()
    {
        var ends = TermRules.EndsOn(new DateOnly(2028, 2, 29), 5);
        ends.Should().Be(new DateOnly(2033, 2, 27), "2033 has no Feb 29: the anniversary is Feb 28");
        TermRules.RenewalOpensOn(new DateOnly(2033, 1, 2), 6).Should().Be(new DateOnly(2032, 7, 2));
    }

    [Fact]
    public void Early_and_late_renewals_need_their_reason_R20()
    {
        TermRules.EarlyProblem(new DateOnly(2026, 5, 6), new DateOnly(2027, 1, 1), null).Should().Contain("提前换届须说明理由");
        TermRules.EarlyProblem(new DateOnly(2026, 5, 6), new DateOnly(2027, 1, 1), "园区合并").Should().BeNull();
        TermRules.EarlyProblem(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1), null).Should().BeNull("on the day it opens it is not early");
        TermRules.LateProblem(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30), null).Should().Contain("延期换届须说明理由");
        TermRules.LateProblem(new DateOnly(2026, 4, 30), new DateOnly(2026, 4, 30), null).Should().BeNull("on the last day it is not late");
    }

    [Fact]
    public void Officers_are_read_in_order_one_vice_chair_per_line_R24()
    {
        var fields = new Dictionary<string, string>
        {
            ["chairName"] = "陈立新", ["viceChairs"] = "王建国 研发中心主任 13800000001\n\n李晓梅，总工程师", ["secretaryName"] = "周文斌",
            ["deputySecretaries"] = "", ["contactName"] = "赵丽华",
        };
        var (officers, problem) = OfficerList.Read(k => fields.GetValueOrDefault(k, ""));
        problem.Should().BeNull();
        officers.Select(o => (o.Role, o.Name)).Should().Equal(
            (OfficerRole.Chair, "陈立新"), (OfficerRole.ViceChair, "王建国"), (OfficerRole.ViceChair, "李晓梅"),
            (OfficerRole.SecretaryGeneral, "周文斌"), (OfficerRole.Contact, "赵丽华"));
        officers[1].Phone.Should().Be("13800000001");
        officers[2].Title.Should().Be("总工程师");

        fields["viceChairs"] = "张三 13800001111";
        OfficerList.Read(k => fields.GetValueOrDefault(k, "")).Officers[1].Should().Be(new OfficerList.Entry(OfficerRole.ViceChair, "张三", "", "13800001111"));

        fields["viceChairs"] = "王建国 研发中心 主任 13800000001";
        OfficerList.Read(k => fields.GetValueOrDefault(k, "")).Problem.Should().Contain("每行写一人");
    }

    [Fact]
    public void The_path_s_years_are_calendar_years_and_a_failed_verification_is_tried_again_while_the_setting_allows_R11_R12()
    {
        CultivationRules.ImproveStarts(new DateOnly(2026, 5, 6)).Should().Be(new DateOnly(2027, 1, 1));
        CultivationRules.UpgradeStarts(new DateOnly(2027, 12, 1)).Should().Be(new DateOnly(2028, 1, 1));
        var policy = Policy.Defaults(RuleSet.Jiading, 2027);
        CultivationRules.VerificationDay(policy).Should().Be(new DateOnly(2027, 12, 1));
        CultivationRules.MayRetry(policy, 1).Should().BeTrue();
        CultivationRules.MayRetry(policy, 2).Should().BeFalse();
    }

    [Fact]
    public void A_street_home_or_one_not_active_does_not_set_out_on_the_path()
    {
        CultivationRules.StartProblem(new Home { Kind = HomeKind.Street, Status = HomeStatus.Active }).Should().Contain("企业/园区之家");
        CultivationRules.StartProblem(new Home { Name = "甲", Kind = HomeKind.Park, Status = HomeStatus.Rectifying }).Should().Contain("限期整改中");
        CultivationRules.StartProblem(new Home { Kind = HomeKind.Enterprise, Status = HomeStatus.Active }).Should().BeNull();
    }

    [Fact]
    public void The_founding_mode_is_a_choice_of_the_local_association_R19()
    {
        PolicyKeys.AssociationFounding.Check("备案制").Should().Be(("备案制", null));
        PolicyKeys.AssociationFounding.Check("登记制").Problem.Should().Be("园区/企业科协成立方式须为审批制或备案制");
        Policy.Defaults(RuleSet.Jiading, 2026).FoundingMode.Should().Be(FoundingMode.Approval, "most use approval");
        new Policy(RuleSet.Jiading, 2026, new Dictionary<string, string> { ["AssociationFounding"] = "备案制" }).FoundingMode.Should().Be(FoundingMode.Filing);
    }
}
