namespace KxHome.Workflows.Association;

/// <summary>
/// A row of a home's funding ledger, in whole fen: the construction grant (R16, once per home, for the place only),
/// an excellence award (R17, once per home and year), or matching funds reported for a year with their source, use and
/// effect (R18). <see cref="JobId"/> makes a booking by a flow's task happen once however often the task is retried.
/// </summary>
public sealed class FundingEntry
{
    public Guid Id { get; set; }
    public Guid HomeId { get; set; }
    public FundingKind Kind { get; set; }
    public int Year { get; set; }
    public long AmountFen { get; set; }
    public string Purpose { get; set; } = "";
    public string? Source { get; set; }
    public string? Effect { get; set; }
    public DateTime At { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? JobId { get; set; }
    public string? RecordedBy { get; set; }
}
