namespace KxHome.Workflows.Association;

/// <summary>One expert's scoring of a 科协代表之家 (R32): the points per rubric item, their total and the activities' part.</summary>
public sealed class ExpertScore
{
    public Guid Id { get; set; }
    public Guid HomeId { get; set; }
    public string ExpertId { get; set; } = "";

    /// <summary>The points by rubric field, as JSON.</summary>
    public string Points { get; set; } = "";

    public int Total { get; set; }
    public int Activities { get; set; }
    public string Opinion { get; set; } = "";
    public DateTime At { get; set; }
}
