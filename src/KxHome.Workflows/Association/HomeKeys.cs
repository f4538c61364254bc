namespace KxHome.Workflows.Association;

/// <summary>
/// How a case names the home it is about in its business key, set when the case starts and never changed by a step:
/// <c>home:{id}</c> for its certification, <c>home:{id}:assessment:{year}</c> for a year's assessment (and the
/// rectification it calls).
/// </summary>
public static class HomeKeys
{
    private const string Prefix = "home:";

    public static string Certification(Guid homeId) => $"{Prefix}{homeId}";

    public static string Assessment(Guid homeId, int year) => $"{Prefix}{homeId}:assessment:{year}";

    /// <summary>The home a business key names, or null.</summary>
    public static Guid? HomeOf(string? businessKey) =>
        businessKey is not null && businessKey.StartsWith(Prefix, StringComparison.Ordinal) && businessKey.Length >= Prefix.Length + 36
        && Guid.TryParse(businessKey.AsSpan(Prefix.Length, 36), out var id) ? id : null;
}
