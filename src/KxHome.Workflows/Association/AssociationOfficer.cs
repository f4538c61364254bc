namespace KxHome.Workflows.Association;

/// <summary>An officer of a term: role, name, title and phone (the fields of Chengdu's tables 1-1 and 1-2).</summary>
public sealed class AssociationOfficer
{
    public Guid Id { get; set; }
    public Guid TermId { get; set; }
    public OfficerRole Role { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";
}
