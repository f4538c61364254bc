namespace KxHome.Workflows.Association;

/// <summary>
/// A home's assessment of one year (R13: one per home and year). The figures and rule results are kept as they were
/// when the home confirmed them, so later ledger changes or next year's settings never rewrite a past assessment.
/// </summary>
public sealed class Assessment
{
    public Guid Id { get; set; }
    public Guid HomeId { get; set; }
    public int Year { get; set; }
    public Guid? CaseId { get; set; }

    /// <summary>The rectification case an Unqualified grade started (R15).</summary>
    public Guid? RectificationCaseId { get; set; }
    public AssessmentStatus Status { get; set; }

    /// <summary>The confirmed figures and rule results (<see cref="AssessmentSnapshot"/> as JSON); null until confirmed.</summary>
    public string? Snapshot { get; set; }

    public AssessmentGrade? Grade { get; set; }
    public string? ReviewerId { get; set; }
    public string? Opinion { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTime OpenedAt { get; set; }
}
