using System.Text.Json;
using System.Text.Json.Serialization;
using Linkage.Application.Common.Input;

namespace Linkage.Application.Tests.Patching;

public sealed class OptionalJsonTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private sealed record Body(Optional<string?> Title, Optional<bool?> Flag, Optional<int> Count);

    private static Body Read(string json) => JsonSerializer.Deserialize<Body>(json, Options)!;

    [Test]
    public void An_omitted_member_is_not_set()
    {
        var body = Read("{}");
        Assert.That((body.Title.IsSet, body.Flag.IsSet, body.Count.IsSet), Is.EqualTo((false, false, false)));
        Assert.That(body.Title.Or("kept"), Is.EqualTo("kept"));
        Assert.Throws<InvalidOperationException>(() => _ = body.Title.Value);
    }

    [Test]
    public void An_explicit_null_is_set_to_null()
    {
        var body = Read("""{"title":null,"flag":null}""");
        Assert.That((body.Title.IsSet, body.Title.Value), Is.EqualTo((true, (string?)null)));
        Assert.That((body.Flag.IsSet, body.Flag.Value), Is.EqualTo((true, (bool?)null)));
        Assert.That(body.Title.Or("kept"), Is.Null);
    }

    [Test]
    public void A_value_is_set_to_that_value()
    {
        var body = Read("""{"title":"CFO","flag":true,"count":3}""");
        Assert.That((body.Title.Value, body.Flag.Value, body.Count.Value), Is.EqualTo(("CFO", (bool?)true, 3)));
    }

    [TestCase("""{"title":5}""", "$.title")]
    [TestCase("""{"title":{}}""", "$.title")]
    [TestCase("""{"flag":"yes"}""", "$.flag")]
    [TestCase("""{"flag":1}""", "$.flag")]
    [TestCase("""{"count":null}""", "$.count")]
    [TestCase("""{"count":"3"}""", "$.count")]
    public void A_wrong_json_type_fails_naming_the_member(string json, string path)
    {
        var ex = Assert.Throws<JsonException>(() => Read(json));
        Assert.That(ex!.Path, Is.EqualTo(path));
    }

    [Test]
    public void Writing_shows_the_value_or_null()
    {
        var json = JsonSerializer.Serialize(new Body("CFO", Optional<bool?>.Omitted, 2), Options);
        Assert.That(json, Is.EqualTo("""{"title":"CFO","flag":null,"count":2}"""));
    }
}
