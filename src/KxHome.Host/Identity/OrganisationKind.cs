namespace KxHome.Host.Identity;

/// <summary>
/// The levels of the 科协 hierarchy: enterprise / park / street → district → city → province, and the provincial
/// societies (省级学会) directly under a province. Stored by name: the order here is the order of the levels.
/// </summary>
public enum OrganisationKind
{
    Enterprise,
    Park,
    Street,
    Society,
    District,
    City,
    Province,
}
