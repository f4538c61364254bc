namespace KxHome.Workflows.Association;

/// <summary>The year's grade of a home (R13).</summary>
public enum AssessmentGrade
{
    Excellent,
    Qualified,
    Unqualified,
}
