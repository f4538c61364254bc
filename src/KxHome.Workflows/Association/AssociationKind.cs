namespace KxHome.Workflows.Association;

/// <summary>The associations a home can grow into (园企科协): a park's or an enterprise's.</summary>
public enum AssociationKind
{
    Park,
    Enterprise,
}
