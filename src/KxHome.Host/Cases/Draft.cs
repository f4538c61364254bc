namespace KxHome.Host.Cases;

/// <summary>Form data saved without submitting: the task stays open and the form shows it again.</summary>
public sealed class Draft
{
    public Guid TaskId { get; set; }

    /// <summary>The form data as JSON, already checked against the form's fields (unknown keys dropped).</summary>
    public string Data { get; set; } = "{}";
    public string SavedBy { get; set; } = "";
    public DateTime SavedAt { get; set; }
}
