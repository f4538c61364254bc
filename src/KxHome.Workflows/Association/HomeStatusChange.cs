namespace KxHome.Workflows.Association;

/// <summary>One change of a home's status: from what to what, when, by whom (null: the system), why, and which case caused it.</summary>
public sealed class HomeStatusChange
{
    public long Id { get; set; }
    public Guid HomeId { get; set; }
    public HomeStatus? From { get; set; }
    public HomeStatus To { get; set; }
    public DateTime At { get; set; }
    public string? By { get; set; }
    public string Reason { get; set; } = "";
    public Guid? CaseId { get; set; }
}
