using KxHome.Workflows.Execution;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Tests.Persistence;

public class InstanceStateCacheTests
{
    private static InstanceState State() => new() { Id = Guid.NewGuid() };

    [Fact]
    public void A_state_is_handed_out_once_and_only_for_its_revision()
    {
        var cache = new InstanceStateCache();
        var (id, revision, state) = (Guid.NewGuid(), Guid.NewGuid(), State());
        cache.Put(id, revision, state);

        cache.TryTake(id, Guid.NewGuid(), out _).Should().BeFalse("another process changed the instance");
        cache.TryTake(id, revision, out _).Should().BeFalse("a mismatch drops the entry");
        cache.Put(id, revision, state);
        cache.TryTake(id, revision, out var taken).Should().BeTrue();
        taken.Should().BeSameAs(state);
        cache.TryTake(id, revision, out _).Should().BeFalse("a step took it out");
    }

    [Fact]
    public void When_full_the_least_recently_committed_goes_first()
    {
        var cache = new InstanceStateCache(capacity: 2);
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var revision = Guid.NewGuid();
        cache.Put(a, revision, State());
        cache.Put(b, revision, State());
        cache.Put(a, revision, State()); // a is committed again: b is now the oldest

        cache.Put(c, revision, State());

        cache.Count.Should().Be(2);
        cache.TryTake(b, revision, out _).Should().BeFalse();
        cache.TryTake(a, revision, out _).Should().BeTrue();
        cache.TryTake(c, revision, out _).Should().BeTrue();
    }
}
