using System.Data.Common;
using System.Text;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// The inbox (待办) in plain SQL. It is the read people make most, and EF Core's work per query (translating it,
/// shaping the included candidates) cost more than SQLite's own. The tasks a person holds and the tasks offered to
/// them are two indexed reads in one statement (an OR of the two makes SQLite scan every open task); their
/// candidates are a second statement.
/// </summary>
internal static class InboxReader
{
    private const string Columns =
        "Id, InstanceId, TokenId, ElementId, Name, DefinitionKey, BusinessKey, Owner, Assignee, FormKey, DueAt, Priority, " +
        "State, CreatedAt, EndedAt, CompletedBy, Revision, DelegatedBy, PendingSigners, CaseNumber";

    private const string Order = "Priority DESC, EndedAt DESC, CreatedAt";

    /// <summary>
    /// Up to <paramref name="take"/> open tasks held by <paramref name="me"/> and as many offered to them or one of
    /// <paramref name="groups"/> on cases of <paramref name="owners"/> (any case when null), with their candidates.
    /// </summary>
    public static async Task<List<UserTaskRow>> ReadAsync(DbConnection connection, string me, IReadOnlyList<string> groups,
        IReadOnlyList<string>? owners, int take, CancellationToken ct)
    {
        var tasks = new List<UserTaskRow>();
        await using (var command = connection.CreateCommand())
        {
            var sql = new StringBuilder()
                .Append($"SELECT * FROM (SELECT {Columns} FROM UserTasks WHERE State = 'Open' AND Assignee = @me ORDER BY {Order} LIMIT @take) AS held ")
                .Append($"UNION ALL SELECT * FROM (SELECT {Columns} FROM UserTasks AS u WHERE State = 'Open' AND Assignee IS NULL");
            if (owners is not null) sql.Append($" AND Owner IN ({Parameters(command, "o", owners)})");
            sql.Append(" AND EXISTS (SELECT 1 FROM TaskCandidates AS c WHERE c.TaskId = u.Id AND ((c.Kind = 'User' AND c.Value = @me)")
                .Append($" OR (c.Kind = 'Group' AND c.Value IN ({Parameters(command, "g", groups)}))))")
                .Append($" ORDER BY {Order} LIMIT @take) AS offered");
            command.CommandText = sql.ToString();
            Add(command, "@me", me);
            Add(command, "@take", take);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tasks.Add(Task(reader));
        }
        if (tasks.Count == 0) return tasks;
        var byId = tasks.ToDictionary(t => t.Id);
        await using (var command = connection.CreateCommand())
        {
            var provider = Databases.Of(connection);
            var ids = tasks.Select(t => Databases.Parameter(t.Id, provider)).ToList();
            command.CommandText = $"SELECT TaskId, Kind, Value FROM TaskCandidates WHERE TaskId IN ({Parameters(command, "t", ids)})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var candidate = new TaskCandidateRow { TaskId = Column.Guid(reader, 0), Kind = Column.Enum<CandidateKind>(reader, 1), Value = reader.GetString(2) };
                byId[candidate.TaskId].Candidates.Add(candidate);
            }
        }
        return tasks;
    }

    private static UserTaskRow Task(DbDataReader r) => new()
    {
        Id = Column.Guid(r, 0), InstanceId = Column.Guid(r, 1), TokenId = Column.Guid(r, 2), ElementId = r.GetString(3),
        Name = Column.Text(r, 4), DefinitionKey = r.GetString(5), BusinessKey = Column.Text(r, 6), Owner = Column.Text(r, 7),
        Assignee = Column.Text(r, 8), FormKey = Column.Text(r, 9), DueAt = Column.OptionalInstant(r, 10), Priority = r.GetInt32(11),
        State = Column.Enum<Model.UserTaskState>(r, 12), CreatedAt = Column.Instant(r, 13), EndedAt = Column.OptionalInstant(r, 14),
        CompletedBy = Column.Text(r, 15), Revision = Column.Guid(r, 16), DelegatedBy = Column.Text(r, 17), PendingSigners = Column.Text(r, 18),
        CaseNumber = Column.Text(r, 19),
    };

    /// <summary>One parameter per value (<c>@g0, @g1…</c>); none is <c>NULL</c>, which matches nothing.</summary>
    private static string Parameters<T>(DbCommand command, string prefix, IReadOnlyList<T> values) where T : notnull
    {
        for (var i = 0; i < values.Count; i++) Add(command, $"@{prefix}{i}", values[i]);
        return values.Count == 0 ? "NULL" : string.Join(", ", values.Select((_, i) => $"@{prefix}{i}"));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
