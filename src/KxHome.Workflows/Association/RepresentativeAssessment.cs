namespace KxHome.Workflows.Association;

/// <summary>A designated 科协代表之家's yearly assessment, published with its result (R36).</summary>
public sealed class RepresentativeAssessment
{
    public Guid Id { get; set; }
    public Guid HomeId { get; set; }

    /// <summary>Which year of the designation it closes (1 for the first).</summary>
    public int DesignationYear { get; set; }

    public bool Qualified { get; set; }
    public string Opinion { get; set; } = "";
    public string? ReviewerId { get; set; }
    public DateOnly PublishedOn { get; set; }
}
