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

    /// <summary>The postal address (通信地址 of tables 1-1 and 1-2, R26).</summary>
    public string Address { get; set; } = "";

    /// <summary>The unit that runs the secretariat (秘书长执行单位 of table 1-2, R26).</summary>
    public string SecretariatUnit { get; set; } = "";

    /// <summary>The host unit's legal representative (法人代表 of table 1-2, R26): name, title and phone.</summary>
    public string LegalRepresentative { get; set; } = "";
    public string LegalRepresentativeTitle { get; set; } = "";
    public string LegalRepresentativePhone { get; set; } = "";

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
