namespace KxHome.Workflows.Association;

/// <summary>How a local association lets a park association be founded (R19): by its approval (most), or by filing (some).</summary>
public enum FoundingMode
{
    Approval,
    Filing,
}
