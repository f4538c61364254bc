namespace KxHome.Workflows.Association;

/// <summary>
/// How a case names the association or path it is about in its business key: <c>association:{id}</c> for a founding
/// started on its own, <c>association:{id}:term:{n}</c> for the 换届 that ends term n, and <c>home:{id}:cultivation</c>
/// for a home's cultivation path (whose founding it calls carries the same key).
/// </summary>
public static class AssociationKeys
{
    private const string Prefix = "association:";

    public static string Founding(Guid associationId) => $"{Prefix}{associationId}";

    public static string Renewal(Guid associationId, int termNumber) => $"{Prefix}{associationId}:term:{termNumber}";

    public static string Cultivation(Guid homeId) => $"{HomeKeys.Certification(homeId)}:cultivation";

    /// <summary>The association a business key names, or null.</summary>
    public static Guid? AssociationOf(string? businessKey) =>
        businessKey is not null && businessKey.StartsWith(Prefix, StringComparison.Ordinal) && businessKey.Length >= Prefix.Length + 36
        && Guid.TryParse(businessKey.AsSpan(Prefix.Length, 36), out var id) ? id : null;
}
