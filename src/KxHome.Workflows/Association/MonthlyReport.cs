namespace KxHome.Workflows.Association;

/// <summary>The operator's monthly service report to the district (R8): one per home and month.</summary>
public sealed class MonthlyReport
{
    public Guid Id { get; set; }
    public Guid HomeId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public string Summary { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
}
