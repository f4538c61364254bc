namespace KxHome.Workflows.Association;

/// <summary>The moves a home's status may make.</summary>
public static class HomeLifecycle
{
    private static readonly Dictionary<HomeStatus, HomeStatus[]> Moves = new()
    {
        [HomeStatus.Applying] = [HomeStatus.Active, HomeStatus.Refused, HomeStatus.Withdrawn],
        [HomeStatus.Active] = [HomeStatus.Rectifying, HomeStatus.Revoked],
        [HomeStatus.Rectifying] = [HomeStatus.Active, HomeStatus.Revoked],
        [HomeStatus.Refused] = [], // a new application makes a new home
        [HomeStatus.Withdrawn] = [],
        [HomeStatus.Revoked] = [],
    };

    public static bool Allows(HomeStatus from, HomeStatus to) => Moves[from].Contains(to);

    /// <summary>Statuses whose homes are assessed each year: a home still rectifying is assessed too.</summary>
    public static readonly IReadOnlyList<HomeStatus> Assessed = [HomeStatus.Active, HomeStatus.Rectifying];
}
