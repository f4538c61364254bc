namespace KxHome.Workflows.Association;

/// <summary>
/// How far a year's assessment of a home has come: opened by the round, figures confirmed by the home, graded and
/// published in one step (R29).
/// </summary>
public enum AssessmentStatus
{
    Open,
    Confirmed,
    Published,
}
