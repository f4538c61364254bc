namespace KxHome.Workflows.Association;

/// <summary>A nomination collected after the 换届 notice, until its deadline (R23).</summary>
public sealed class Nomination
{
    public Guid Id { get; set; }
    public Guid AssociationId { get; set; }

    /// <summary>The 换届 case that collects it.</summary>
    public Guid CaseId { get; set; }

    public NominationKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Reason { get; set; } = "";
    public string NominatedBy { get; set; } = "";
    public DateTime At { get; set; }
}
