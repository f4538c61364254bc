namespace KxHome.Host.Cases;

/// <summary>A case copied to someone for information (抄送): they may read it from then on.</summary>
public sealed class CarbonCopy
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TaskId { get; set; }
    public string UserId { get; set; } = "";
    public string ByUserId { get; set; } = "";
    public DateTime At { get; set; }
}
