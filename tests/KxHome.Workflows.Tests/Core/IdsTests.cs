using FluentAssertions;
using KxHome.Workflows.Core;

namespace KxHome.Workflows.Tests.Core;

public class IdsTests
{
    [Fact]
    public void Identifiers_carry_their_version_and_variant_and_never_repeat()
    {
        var random = Enumerable.Range(0, 2_000).Select(_ => Ids.Random()).ToList();
        var timed = Enumerable.Range(0, 2_000).Select(_ => Ids.TimeOrdered()).ToList();

        random.Should().OnlyContain(id => id.Version == 4 && (id.Variant & 0b1100) == 0b1000);
        timed.Should().OnlyContain(id => id.Version == 7 && (id.Variant & 0b1100) == 0b1000);
        random.Concat(timed).Should().OnlyHaveUniqueItems("the pool is refilled, never reused, across 256 identifiers");
    }

    [Fact]
    public void Time_ordered_identifiers_start_with_the_time_they_were_made()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = Ids.TimeOrdered();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var text = id.ToString("N");
        var milliseconds = Convert.ToInt64(text[..12], 16);
        milliseconds.Should().BeInRange(before, after);
        // Stored as text, as EF Core stores GUIDs, later ones sort after earlier ones.
        string.CompareOrdinal(Ids.TimeOrdered().ToString().ToUpperInvariant(),
            Guid.CreateVersion7(DateTimeOffset.UtcNow.AddMinutes(-1)).ToString().ToUpperInvariant()).Should().BePositive();
    }
}
