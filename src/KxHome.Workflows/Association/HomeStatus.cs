namespace KxHome.Workflows.Association;

/// <summary>
/// Where a home stands: <see cref="Applying"/> while its certification case runs, then <see cref="Active"/>;
/// <see cref="Rectifying"/> after an Unqualified year; <see cref="Revoked"/> after two in a row (R15).
/// An application ends as <see cref="Refused"/> or, taken back, <see cref="Withdrawn"/>.
/// </summary>
public enum HomeStatus
{
    Applying,
    Active,
    Rectifying,
    Revoked,
    Withdrawn,
    Refused,
}
