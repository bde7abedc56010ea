using Linkage.Domain.Common;

namespace Linkage.Domain.Tests;

public sealed class ValueEqualityTests
{
    [Test]
    public void Numbers_compare_by_value_across_types() => Assert.That(ValueEquality.AreEqual(1, 1.0m), Is.True);

    [Test]
    public void Lists_compare_in_order()
    {
        var a = new List<ContactPoint> { new("x"), new("y") };
        Assert.That(ValueEquality.AreEqual(a, new[] { new ContactPoint("x"), new ContactPoint("y") }), Is.True);
        Assert.That(ValueEquality.AreEqual(a, new[] { new ContactPoint("y"), new ContactPoint("x") }), Is.False);
    }

    [Test]
    public void Dictionaries_compare_by_key_not_order()
    {
        var a = new Dictionary<string, object?> { ["a"] = 1m, ["b"] = "x" };
        var b = new Dictionary<string, object?> { ["b"] = "x", ["a"] = 1 };
        Assert.That(ValueEquality.AreEqual(a, b), Is.True);
        b["a"] = null;
        Assert.That(ValueEquality.AreEqual(a, b), Is.False);
    }

    [Test]
    public void Strings_are_not_sequences() => Assert.That(ValueEquality.AreEqual("ab", new[] { 'a', 'b' }), Is.False);
}
