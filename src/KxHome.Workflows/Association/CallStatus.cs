namespace KxHome.Workflows.Association;

/// <summary>A call is Open (filing, then review) until it is Decided: ranked, designated and published (R36).</summary>
public enum CallStatus
{
    Open,
    Decided,
}
