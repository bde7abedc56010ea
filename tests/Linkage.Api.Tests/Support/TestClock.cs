namespace Linkage.Api.Tests.Support;

/// <summary>A TimeProvider tests can freeze and move; it runs with the real clock until frozen.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _frozen;

    public override DateTimeOffset GetUtcNow() => _frozen ?? base.GetUtcNow();

    public void Freeze(DateTimeOffset at) => _frozen = at;

    public void Advance(TimeSpan by) => _frozen = (_frozen ?? base.GetUtcNow()) + by;

    public void Unfreeze() => _frozen = null;
}
