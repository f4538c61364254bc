namespace KxHome.Workflows.Association;

/// <summary>A representative of a 科协代表之家 and the S&amp;T workers they keep in touch with (R33: at least 5 each).</summary>
public sealed class Representative
{
    public Guid Id { get; set; }
    public Guid HomeId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The S&amp;T workers, separated by 、.</summary>
    public string Contacts { get; set; } = "";

    public int ContactCount { get; set; }
}
