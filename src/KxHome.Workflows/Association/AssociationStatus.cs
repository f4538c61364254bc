namespace KxHome.Workflows.Association;

/// <summary>An association from its application to its founding, or its refusal.</summary>
public enum AssociationStatus
{
    Founding,
    Active,
    Refused,
}
