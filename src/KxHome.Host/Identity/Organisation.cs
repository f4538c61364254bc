namespace KxHome.Host.Identity;

/// <summary>An organisation in the hierarchy; applicants act for one, approvers belong to one.</summary>
public sealed class Organisation
{
    /// <summary>A stable code, e.g. "jd-industrial-park".</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public OrganisationKind Kind { get; set; }

    /// <summary>The organisation above; null for a province.</summary>
    public string? ParentId { get; set; }

    /// <summary>The rules the homes of this region follow (set on a district or city; homes below take the nearest one, else Jiading's).</summary>
    public Workflows.Association.RuleSet? RuleSet { get; set; }
}
