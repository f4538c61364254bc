namespace KxHome.Workflows.Persistence;

/// <summary>The statements of deploying: a flow's versions are written once and never changed.</summary>
internal static class DefinitionStore
{
    /// <summary>The latest version of <paramref name="key"/>, without its XML; null for a new flow.</summary>
    public static Task<DefinitionRow?> LatestAsync(StepSession session, string key, CancellationToken ct) =>
        session.SingleOrDefaultAsync(
            "SELECT Id, Key, Version, Name, XmlHash, DeployedAt, DeployedBy, Note FROM Definitions WHERE Key = @p0 ORDER BY Version DESC LIMIT 1",
            r => new DefinitionRow
            {
                Id = r.GetString(0), Key = r.GetString(1), Version = r.GetInt32(2), Name = Column.Text(r, 3),
                XmlHash = r.GetString(4), DeployedAt = Column.Instant(r, 5), DeployedBy = Column.Text(r, 6), Note = Column.Text(r, 7),
            }, ct, key);

    /// <summary>Whether some version of <paramref name="key"/> has exactly this content (by its hash).</summary>
    public static Task<bool> HasVersionWithAsync(StepSession session, string key, string xmlHash, CancellationToken ct) =>
        session.ExistsAsync("SELECT 1 FROM Definitions WHERE Key = @p0 AND XmlHash = @p1", ct, key, xmlHash);

    public static Task<int> InsertAsync(StepSession session, DefinitionRow row, CancellationToken ct) =>
        session.ExecuteAsync(
            "INSERT INTO Definitions (Id, Key, Version, Name, Xml, XmlHash, DeployedAt, DeployedBy, Note) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
            ct, row.Id, row.Key, row.Version, row.Name, row.Xml, row.XmlHash, row.DeployedAt, row.DeployedBy, row.Note);
}
