namespace KxHome.Host.Cases;

/// <summary>An uploaded file of a case (evidence), stored outside the web root under a generated name.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>The name the uploader's file had; shown, never used as a path.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }

    /// <summary>The file's name in the attachment folder.</summary>
    public string StoredName { get; set; } = "";
    /// <summary>The required document this file is (a key of its form's <c>documents</c>, e.g. <c>workReport</c>), or null for other evidence.</summary>
    public string? Slot { get; set; }

    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}
