namespace KxHome.Workflows.Association;

/// <summary>A year-end basic verification (基础核验, R11): passed, or failed with the points to improve.</summary>
public sealed class CultivationVerification
{
    public Guid Id { get; set; }
    public Guid PathId { get; set; }
    public int Year { get; set; }
    public DateOnly VerifiedOn { get; set; }
    public bool Passed { get; set; }
    public string ImprovementPoints { get; set; } = "";
    public string Opinion { get; set; } = "";
    public string? By { get; set; }
}
