namespace KxHome.Workflows.Association;

/// <summary>A line of the demand ledger (需求台账): a request of S&amp;T workers and how the home responded (R4).</summary>
public sealed class Demand
{
    public Guid Id { get; set; }
    public Guid HomeId { get; set; }
    public DateOnly RaisedOn { get; set; }
    public string Topic { get; set; } = "";

    /// <summary>Who raised it (a name or a group of workers).</summary>
    public string RaisedBy { get; set; } = "";

    public DateOnly? RespondedOn { get; set; }
    public string? Outcome { get; set; }
    public DateTime RecordedAt { get; set; }
}
