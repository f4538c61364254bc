using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KxHome.Workflows.Persistence;

/// <summary>The databases the engine runs on.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// What differs between the databases, in one place. The engine's hand-written SQL is the same on both: identifiers
/// unquoted (PostgreSQL's tables and columns are named in lower case, which is what it folds unquoted names to),
/// <c>@p0</c> parameters, <c>ON CONFLICT</c>, <c>RETURNING</c>, <c>LIMIT</c> and <c>TRUE</c>/<c>FALSE</c>. Only the
/// stored form of a GUID differs: upper-case text on SQLite (as EF Core's SQLite provider writes it), uuid on PostgreSQL.
/// The host's own tables are set up with <see cref="Use"/> too.
/// </summary>
public static class Databases
{
    /// <summary>Sets EF Core up for the provider: on PostgreSQL, tables and columns named in lower case.</summary>
    /// A context whose migrations share the database with another's names its own <paramref name="historyTable"/>.
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString,
        string? historyTable = null) =>
        (provider == DatabaseProvider.Postgres
            ? db.UseNpgsql(connectionString, pg => { if (historyTable is not null) pg.MigrationsHistoryTable(historyTable); }).UseLowerCaseNamingConvention()
            : db.UseSqlite(connectionString, sqlite => { if (historyTable is not null) sqlite.MigrationsHistoryTable(historyTable); }))
            .ReplaceService<IModelCacheKeyFactory, ModelPerProvider>();

    /// <summary>A value as a parameter of a hand-written statement.</summary>
    internal static object Parameter(object? value, DatabaseProvider provider) => value switch
    {
        null => DBNull.Value,
        Guid guid => provider == DatabaseProvider.Postgres ? guid : UpperCaseText(guid),
        DateTime instant => instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        Enum name => name.ToString(),
        _ => value,
    };

    /// <summary>A GUID as EF Core stores it on SQLite, in upper case; made as one string (steps bind several each).</summary>
    private static string UpperCaseText(Guid guid) => string.Create(36, guid, static (chars, value) =>
    {
        value.TryFormat(chars, out _);
        for (var i = 0; i < chars.Length; i++) chars[i] = char.ToUpperInvariant(chars[i]);
    });

    /// <summary>The provider of an open connection.</summary>
    internal static DatabaseProvider Of(System.Data.Common.DbConnection connection) =>
        connection is Npgsql.NpgsqlConnection ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}

/// <summary>
/// The model differs by provider (table names, index filters), so EF Core keeps one per provider: its default keeps
/// one per context type, and a process with engines on both databases (the tests) would get the first one's.
/// </summary>
internal sealed class ModelPerProvider : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
}
