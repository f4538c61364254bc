namespace KxHome.Workflows.Association;

/// <summary>Where a home's cultivation path stands: years 1–3 (起步 / 提升 / 升级, R10–R12), then founded or ended.</summary>
public enum CultivationStage
{
    /// <summary>Year 1, 起步: stable operation, activities, the signed self-operation commitment, then the intent (R10).</summary>
    Launch,

    /// <summary>Year 2, 提升: the district's guidance and the basic verification at year end (R11).</summary>
    Improve,

    /// <summary>Year 3, 升级: passed year 2 and, meeting the conditions, guided to found the association (R12).</summary>
    Upgrade,

    Founded,
    Ended,
}
