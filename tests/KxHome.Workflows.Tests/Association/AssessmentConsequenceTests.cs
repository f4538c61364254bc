using KxHome.Workflows.Association;
using static KxHome.Workflows.Tests.Association.Ledgers;

namespace KxHome.Workflows.Tests.Association;

public sealed class AssessmentConsequenceTests
{
    [Fact]
    public void An_excellent_enterprise_home_is_awarded_and_cultivated_and_a_street_home_only_awarded_R14_R17()
    {
        AssessmentConsequence.Of(Home(HomeKind.Enterprise), AssessmentGrade.Excellent, null).Should().Be(new AssessmentConsequence(true, true, false, false, HomeStatus.Active));
        AssessmentConsequence.Of(Home(HomeKind.Street), AssessmentGrade.Excellent, null).Should().Be(new AssessmentConsequence(true, false, false, false, HomeStatus.Active));
    }

    [Fact]
    public void A_first_unqualified_year_rectifies_and_a_second_in_a_row_revokes_R15()
    {
        AssessmentConsequence.Of(Home(), AssessmentGrade.Unqualified, AssessmentGrade.Qualified).Rectify.Should().BeTrue();
        AssessmentConsequence.Of(Home(), AssessmentGrade.Unqualified, AssessmentGrade.Unqualified).Should()
            .Be(new AssessmentConsequence(false, false, false, true, HomeStatus.Revoked));
        AssessmentConsequence.Of(Home(), AssessmentGrade.Qualified, AssessmentGrade.Unqualified).StatusAfter.Should().Be(HomeStatus.Active);
    }

    [Fact]
    public void A_Yiyang_home_is_neither_rectified_nor_revoked_nor_cultivated_nor_awarded_as_Jiading_rules_say_R14_R15_R17()
    {
        AssessmentConsequence.Of(Home(HomeKind.Park, RuleSet.Yiyang), AssessmentGrade.Unqualified, AssessmentGrade.Unqualified)
            .Should().Be(new AssessmentConsequence(false, false, false, false, HomeStatus.Active));
        AssessmentConsequence.Of(Home(HomeKind.Park, RuleSet.Yiyang), AssessmentGrade.Excellent, null)
            .Should().Be(new AssessmentConsequence(false, false, false, false, HomeStatus.Active));
    }

    [Fact]
    public void A_revoked_home_cannot_become_active_again_and_the_refusal_says_why_R15()
    {
        var home = Home();
        home.ChangeStatus(HomeStatus.Revoked, AssessedAt, null, "连续两年不合格", null);

        var act = () => home.ChangeStatus(HomeStatus.Active, AssessedAt, null, "误操作", null);

        act.Should().Throw<InvalidOperationException>().WithMessage("*已取消资格*不能变为已认定*");
    }
}
