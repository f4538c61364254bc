namespace KxHome.Workflows.Association;

/// <summary>A street home paired with an enterprise or park home, for joint activities (R7).</summary>
public sealed class HomePairing
{
    public Guid StreetHomeId { get; set; }
    public Guid PairedHomeId { get; set; }
}
