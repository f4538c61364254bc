namespace KxHome.Workflows.Association;

/// <summary>
/// Where a 科协代表之家 stands: Applying until its call is decided, then Designated (for two years, R36) or Declined; a
/// designation ends Expired, or Revoked when a yearly assessment finds it unqualified (动态管理, R36). An application whose
/// case was withdrawn or cancelled before the decision is Withdrawn.
/// </summary>
public enum RepresentativeHomeStatus
{
    Applying,
    Designated,
    Declined,
    Expired,
    Revoked,
    Withdrawn,
}
