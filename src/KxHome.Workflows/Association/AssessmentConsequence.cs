namespace KxHome.Workflows.Association;

/// <summary>
/// What a published grade does to a home, where its rule set says so (Jiading's R14, R15, R17; Yiyang's rules name
/// none of them): an Excellent home gets the award, and an enterprise or park home goes on the cultivation list; an
/// Unqualified home rectifies within a year, and a second Unqualified year in a row revokes it; a rectifying home that
/// passes is active again.
/// </summary>
public sealed record AssessmentConsequence(bool Award, bool Cultivate, bool Rectify, bool Revoke, HomeStatus StatusAfter)
{
    public static AssessmentConsequence Of(Home home, AssessmentGrade grade, AssessmentGrade? previousYear)
    {
        bool Applies(string rule) => RuleBook.Applies(home.RuleSet, rule);
        if (grade == AssessmentGrade.Unqualified && Applies("R15"))
        {
            return previousYear == AssessmentGrade.Unqualified
                ? new(false, false, false, true, HomeStatus.Revoked)
                : new(false, false, true, false, HomeStatus.Rectifying);
        }
        var excellent = grade == AssessmentGrade.Excellent;
        return new(excellent && Applies("R17"), excellent && Applies("R14") && home.Kind != HomeKind.Street, false, false, HomeStatus.Active);
    }
}
