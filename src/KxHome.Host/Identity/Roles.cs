namespace KxHome.Host.Identity;

/// <summary>The roles of KxHome; approver roles double as the flows' candidate groups.</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string Street = "street";
    public const string District = "district";
    public const string City = "city";
    public const string Province = "province";
    public const string PartyCommittee = "party";

    /// <summary>An association's committee (委员会), which reviews its 换届 drafts (R22).</summary>
    public const string Committee = "committee";
    public const string Expert = "expert";
    public const string Administrator = "admin";

    public static IReadOnlyList<string> All { get; } = [Applicant, Street, District, City, Province, PartyCommittee, Committee, Expert, Administrator];

    /// <summary>
    /// The roles of an organisation's own bodies (its applicant side, its party committee, its association committee):
    /// they act on their own organisation's tasks only, never on those of the organisations below it.
    /// </summary>
    public static IReadOnlyList<string> OwnOrganisationOnly { get; } = [Applicant, PartyCommittee, Committee];
}
