namespace KxHome.Workflows.Association;

/// <summary>One of the district's guidance services in year 2 (R11): when, on what, and what was done.</summary>
public sealed class CultivationGuidance
{
    public Guid Id { get; set; }
    public Guid PathId { get; set; }
    public DateOnly GuidedOn { get; set; }
    public string Area { get; set; } = "";
    public string Content { get; set; } = "";
    public string? By { get; set; }

    /// <summary>The job that kept it, so a retried job keeps it once.</summary>
    public Guid? JobId { get; set; }
}
