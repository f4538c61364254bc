namespace KxHome.Host.Studio;

/// <summary>An unpublished drawing of a flow, saved from the studio; publishing the flow removes it.</summary>
public sealed class FlowDraft
{
    /// <summary>The process id (the flow's key) the drawing is of.</summary>
    public string Key { get; set; } = "";
    public string Xml { get; set; } = "";
    public string SavedBy { get; set; } = "";
    public DateTime SavedAt { get; set; }
}
