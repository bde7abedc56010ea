using Linkage.Application.PatchEngine;
using NUnit.Framework;

namespace Linkage.Application.Tests.Patching;

/// <summary>RFC 6901 pointer parsing, escaping and comparison.</summary>
[TestFixture]
public sealed class JsonPointerTests
{
    [Test]
    public void Empty_string_is_the_root_pointer()
    {
        var pointer = JsonPointer.Parse("");

        Assert.That(pointer.IsRoot, Is.True);
        Assert.That(pointer.Tokens, Is.Empty);
        Assert.That(pointer, Is.EqualTo(JsonPointer.Root));
    }

    [TestCase("/a/b", new[] { "a", "b" })]
    [TestCase("/", new[] { "" })]
    [TestCase("/foo/", new[] { "foo", "" })]
    [TestCase("//", new[] { "", "" })]
    [TestCase("/ ", new[] { " " })]
    [TestCase("/0/-", new[] { "0", "-" })]
    public void Tokens_are_the_segments_between_slashes(string text, string[] expected)
    {
        Assert.That(JsonPointer.Parse(text).Tokens, Is.EqualTo(expected));
    }

    [TestCase("/a~1b", "a/b")]
    [TestCase("/m~0n", "m~n")]
    [TestCase("/~01", "~1")]
    [TestCase("/~10", "/0")]
    [TestCase("/~0~1~0", "~/~")]
    public void Escapes_decode_tilde_one_to_slash_and_tilde_zero_to_tilde(string text, string token)
    {
        Assert.That(JsonPointer.Parse(text).Tokens, Is.EqualTo(new[] { token }));
    }

    [TestCase("/~2")]
    [TestCase("/a~")]
    [TestCase("/~a")]
    [TestCase("/a/~/b")]
    public void Invalid_escape_is_rejected(string text)
    {
        Assert.That(() => JsonPointer.Parse(text), Throws.InstanceOf<FormatException>());
        Assert.That(JsonPointer.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("escape"));
    }

    [TestCase("a/b")]
    [TestCase("#/a")]
    [TestCase(" /a")]
    public void Pointer_not_starting_with_a_slash_is_rejected(string text)
    {
        Assert.That(() => JsonPointer.Parse(text), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void Null_text_does_not_parse()
    {
        Assert.That(JsonPointer.TryParse(null, out _, out var error), Is.False);
        Assert.That(error, Is.Not.Null);
    }

    [Test]
    public void Pointer_built_from_tokens_escapes_them_in_ToString()
    {
        var pointer = new JsonPointer(["a/b", "m~n", "~1", ""]);

        Assert.That(pointer.ToString(), Is.EqualTo("/a~1b/m~0n/~01/"));
    }

    [TestCase("")]
    [TestCase("/")]
    [TestCase("/a~1b/m~0n")]
    [TestCase("/~01/~10")]
    [TestCase("/foo/0/-")]
    public void ToString_round_trips_the_parsed_text(string text)
    {
        var pointer = JsonPointer.Parse(text);

        Assert.That(pointer.ToString(), Is.EqualTo(text));
        Assert.That(JsonPointer.Parse(pointer.ToString()), Is.EqualTo(pointer));
    }

    [Test]
    public void Pointers_with_the_same_tokens_are_equal()
    {
        var parsed = JsonPointer.Parse("/a~1b/c");
        var built = new JsonPointer(["a/b", "c"]);

        Assert.That(parsed, Is.EqualTo(built));
        Assert.That(parsed.GetHashCode(), Is.EqualTo(built.GetHashCode()));
        Assert.That(parsed, Is.Not.EqualTo(JsonPointer.Parse("/a/b/c")));
    }

    [TestCase("", "/a", true)]
    [TestCase("/a", "/a/b", true)]
    [TestCase("/a", "/a", false)]
    [TestCase("/a", "/ab", false)]
    [TestCase("/a/b", "/a", false)]
    public void Proper_prefix_compares_whole_tokens(string ancestor, string descendant, bool expected)
    {
        Assert.That(JsonPointer.Parse(ancestor).IsProperPrefixOf(JsonPointer.Parse(descendant)), Is.EqualTo(expected));
    }
}
