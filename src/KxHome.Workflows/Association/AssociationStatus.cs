namespace KxHome.Workflows.Association;

/// <summary>An association from its application to its founding, or its refusal.</summary>
public enum AssociationStatus
{
    Founding,
    Active,
    Refused,

    /// <summary>Its founding case was withdrawn or cancelled before a decision.</summary>
    Withdrawn,
}
