namespace KxHome.Workflows.Association;

/// <summary>
/// A park or enterprise association (园区科协 / 企业科协, 园企科协): who it is, how it was founded (R19), its members and
/// staff, and the party working committee that consented. Its officers and terms are kept per term.
/// </summary>
public sealed class ParkAssociation
{
    public Guid Id { get; set; }

    /// <summary>The host organisation; the association's cases and records belong to it.</summary>
    public string OrganisationId { get; set; } = "";

    public string Name { get; set; } = "";
    public AssociationKind Kind { get; set; }
    public AssociationStatus Status { get; set; }
    public Ownership Ownership { get; set; }

    /// <summary>How the local association let it be founded; set when it was.</summary>
    public FoundingMode? FoundedBy { get; set; }

    public string? ApprovalNumber { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public DateOnly? FoundedOn { get; set; }

    public int UnitMembers { get; set; }
    public int IndividualMembers { get; set; }
    public int Employees { get; set; }
    public int ScienceStaff { get; set; }

    /// <summary>The party working committee (or the operator's party organisation) that consented (R19).</summary>
    public string PartyCommittee { get; set; } = "";
    public DateOnly? PartyConsentOn { get; set; }

    /// <summary>The home it grew from, when it came by the cultivation path.</summary>
    public Guid? HomeId { get; set; }

    public Guid FoundingCaseId { get; set; }
    public DateTime CreatedAt { get; set; }
}
