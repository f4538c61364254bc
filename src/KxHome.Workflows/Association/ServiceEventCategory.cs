namespace KxHome.Workflows.Association;

/// <summary>
/// What a service event was. The first five are innovation activities for R3 (a cross-enterprise technical exchange,
/// R5, counts as one); party building and science popularisation are R3's second group; a joint activity with a paired
/// home (R7) counts only toward the total.
/// </summary>
public enum ServiceEventCategory
{
    TechSalon,
    SupplyChainMatching,
    PatentTraining,
    OtherInnovation,
    CrossEnterpriseExchange,
    PartyBuilding,
    SciencePopularisation,
    JointActivity,
}
