using System.Data.Common;

namespace KxHome.Workflows.Persistence;

/// <summary>Reads columns written by <see cref="StepSession"/> or EF Core back into .NET values.</summary>
internal static class Column
{
    public static Guid Guid(DbDataReader reader, int i) => reader.GetGuid(i);

    public static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public static DateTime Instant(DbDataReader reader, int i) => DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc);

    public static DateTime? OptionalInstant(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Instant(reader, i);

    public static T Enum<T>(DbDataReader reader, int i) where T : struct, System.Enum => System.Enum.Parse<T>(reader.GetString(i));
}
