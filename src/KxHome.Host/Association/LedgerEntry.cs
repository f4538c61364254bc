namespace KxHome.Host.Association;

/// <summary>
/// What a 科协 task of a flow did, kept for the association's books: a grant paid, an assessment grade, a naming,
/// a public notice, a revocation, a filing. One per service-task job (<see cref="JobId"/>), so a retried job writes once.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }
    public Guid JobId { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>The organisation the case belongs to.</summary>
    public string? Owner { get; set; }
    public LedgerKind Kind { get; set; }

    /// <summary>A sentence in Chinese for people, e.g. "发放建设资助 80,000.00 元（建设资助）".</summary>
    public string Summary { get; set; } = "";

    /// <summary>Money in 分 (fen), for grants.</summary>
    public long? AmountFen { get; set; }
    public DateTime At { get; set; }
}

/// <summary>What a <see cref="LedgerEntry"/> records.</summary>
public enum LedgerKind
{
    Funding,
    Assessment,
    Naming,
    PublicNotice,
    Revocation,
    Filing,
}
