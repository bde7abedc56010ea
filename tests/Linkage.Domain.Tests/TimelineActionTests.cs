using Linkage.Domain.Common;
using Linkage.Domain.Timeline;

namespace Linkage.Domain.Tests;

public sealed class TimelineActionTests
{
    private static readonly ChangeStamp Stamp = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero), "ada", "api");

    [Test]
    public void An_action_of_a_kind_the_timeline_does_not_list_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TimelineAction.For("t1", "contact.renamed", SubjectType.Contact, Guid.CreateVersion7(), Stamp));
    }

    [Test]
    public void Every_listed_kind_is_subject_dot_event_once()
    {
        Assert.That(ActionKinds.All, Is.Unique);
        Assert.That(ActionKinds.All, Has.All.Matches(@"^[a-z_]+\.[a-z]+\z"));
    }
}
