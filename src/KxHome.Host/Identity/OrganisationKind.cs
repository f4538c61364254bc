namespace KxHome.Host.Identity;

/// <summary>The levels of the 科协 hierarchy: enterprise / park / street → district → city → province.</summary>
public enum OrganisationKind
{
    Enterprise,
    Park,
    Street,
    District,
    City,
    Province,
}
