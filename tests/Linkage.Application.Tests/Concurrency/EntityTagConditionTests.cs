using Linkage.Application.Common.Concurrency;

namespace Linkage.Application.Tests.Concurrency;

public sealed class EntityTagConditionTests
{
    [TestCase("\"3\"", 3, true)]
    [TestCase("\"3\"", 4, false)]
    [TestCase("W/\"3\"", 3, true)]
    [TestCase("w/\"3\"", 3, true)]
    [TestCase("3", 3, true)]
    [TestCase(" 3 ", 3, true)]
    [TestCase("\"1\", \"2\", W/\"3\"", 3, true)]
    [TestCase("\"1\",\"2\"", 3, false)]
    [TestCase("*", 42, true)]
    [TestCase("\"abc\"", 1, false)]
    [TestCase("\"-1\"", 1, false)]
    [TestCase("\"03\"", 3, false)]
    [TestCase("\"a,b\", \"3\"", 3, true)]
    [TestCase("\"99999999999999\"", 1, false)]
    public void If_Match_matches_as_the_contract_says(string header, int version, bool matches)
    {
        Assert.That(EntityTagCondition.Parse(header)!.Matches(version), Is.EqualTo(matches));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void An_absent_header_is_no_condition(string? header) => Assert.That(EntityTagCondition.Parse(header), Is.Null);

    [Test]
    public void Format_quotes_the_version() => Assert.That(EntityTagCondition.Format(7), Is.EqualTo("\"7\""));

    [Test]
    public void If_Match_wins_over_If_Unmodified_Since()
    {
        var updated = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var precondition = new Precondition(EntityTagCondition.Parse("\"2\""), updated.AddDays(1));
        Assert.That(precondition.IsSatisfiedBy(3, updated), Is.False);
    }

    [Test]
    public void If_Unmodified_Since_compares_at_whole_seconds()
    {
        var updated = new DateTime(2026, 1, 1, 12, 0, 0, 500, DateTimeKind.Utc);
        var since = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.That(new Precondition(null, since).IsSatisfiedBy(1, updated), Is.True);
        Assert.That(new Precondition(null, since.AddSeconds(-1)).IsSatisfiedBy(1, updated), Is.False);
        Assert.That(new Precondition(null, since).IsPresent(acceptsIfUnmodifiedSince: false), Is.False);
    }
}
