namespace KxHome.Workflows.Association;

/// <summary>
/// A term (第 N 届) of an association: its dates (3–5 years as the charter says, R20, with a reason otherwise), why it
/// began early or late, the congress that elected it (R24) and when it was filed with the higher association (R20).
/// </summary>
public sealed class AssociationTerm
{
    public Guid Id { get; set; }
    public Guid AssociationId { get; set; }
    public int Number { get; set; }
    public DateOnly StartsOn { get; set; }

    /// <summary>The term's last day.</summary>
    public DateOnly EndsOn { get; set; }

    public int Years { get; set; }

    /// <summary>Why the term is shorter than 3 or longer than 5 years (R20).</summary>
    public string? LengthReason { get; set; }

    /// <summary>Why the 换届 that elected this term was held early or late (R20).</summary>
    public string? TimingReason { get; set; }

    public DateOnly? CongressOn { get; set; }
    public bool ReportAdopted { get; set; }
    public bool CharterAdopted { get; set; }

    /// <summary>The committee members elected, one per line.</summary>
    public string CommitteeMembers { get; set; } = "";

    public DateOnly? FiledOn { get; set; }

    /// <summary>The higher association it was filed with (an organisation id).</summary>
    public string? FiledWith { get; set; }

    /// <summary>The case that made it: the founding for the first term, a 换届 for the others.</summary>
    public Guid? ElectedByCaseId { get; set; }

    /// <summary>The 换届 case waiting for this term's end.</summary>
    public Guid? RenewalCaseId { get; set; }
}
