using FluentAssertions;
using KxHome.Workflows.Core;

namespace KxHome.Workflows.Tests.Core;

public class IdsTests
{
    [Fact]
    public void Identifiers_carry_their_version_and_variant_and_never_repeat()
    {
        var random = Enumerable.Range(0, 2_000).Select(_ => Ids.Random()).ToList();
        var timed = Enumerable.Range(0, 2_000).Select(_ => Ids.TimeOrdered(DateTime.UtcNow)).ToList();

        random.Should().OnlyContain(id => id.Version == 4 && (id.Variant & 0b1100) == 0b1000);
        timed.Should().OnlyContain(id => id.Version == 7 && (id.Variant & 0b1100) == 0b1000);
        random.Concat(timed).Should().OnlyHaveUniqueItems("the pool is refilled, never reused, across 256 identifiers");
    }

    [Fact]
    public void Time_ordered_identifiers_start_with_the_engine_clocks_time()
    {
        var now = new DateTime(2027, 6, 15, 8, 30, 0, 123, DateTimeKind.Utc); // a virtual clock's moment, not the wall clock's
        var id = Ids.TimeOrdered(now);

        var milliseconds = Convert.ToInt64(id.ToString("N")[..12], 16);
        milliseconds.Should().Be(new DateTimeOffset(now).ToUnixTimeMilliseconds());
        // Stored as text, as EF Core stores GUIDs, later ones sort after earlier ones.
        string.CompareOrdinal(Ids.TimeOrdered(now.AddMilliseconds(1)).ToString().ToUpperInvariant(),
            id.ToString().ToUpperInvariant()).Should().BePositive();
    }
}
