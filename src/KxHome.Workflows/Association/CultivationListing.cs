namespace KxHome.Workflows.Association;

/// <summary>An enterprise or park home on the cultivation list (R14), since the year it was graded Excellent.</summary>
public sealed class CultivationListing
{
    public Guid HomeId { get; set; }
    public int Year { get; set; }
    public Guid? AssessmentId { get; set; }
    public DateTime At { get; set; }
}
