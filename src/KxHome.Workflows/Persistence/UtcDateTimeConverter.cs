using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// Every stored instant is UTC; this marks values read back as UTC (PostgreSQL's <c>timestamptz</c> takes only UTC
/// values, and SQLite keeps no kind).
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
