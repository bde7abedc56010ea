using Linkage.Domain.Common;

namespace Linkage.Domain.Tests;

public sealed class SequentialGuidTests
{
    [Test]
    public void Ids_made_in_the_same_millisecond_still_increase_and_are_version_7()
    {
        var at = DateTimeOffset.UtcNow.AddYears(5);
        var ids = Enumerable.Range(0, 5000).Select(_ => SequentialGuid.NextVersion7(at)).ToList();

        Assert.That(ids, Is.Ordered.Ascending);
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
        Assert.That(ids.All(id => id.Version == 7 && (id.Variant & 0xC) == 0x8), Is.True);
    }

    [Test]
    public void The_id_carries_the_timestamp_like_Guid_CreateVersion7()
    {
        var at = DateTimeOffset.UtcNow.AddYears(100);
        var ours = SequentialGuid.NextVersion7(at).ToString()[..13];
        var framework = Guid.CreateVersion7(at).ToString()[..13];
        Assert.That(ours, Is.EqualTo(framework));
    }
}
