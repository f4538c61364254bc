namespace KxHome.Workflows.Association;

/// <summary>
/// A row of a home's funding ledger: the district's one-time construction grant (R16), an excellence award (R17), or
/// the builder's matching funds reported for a year (R18).
/// </summary>
public enum FundingKind
{
    ConstructionGrant,
    ExcellenceAward,
    MatchingFunds,
}
