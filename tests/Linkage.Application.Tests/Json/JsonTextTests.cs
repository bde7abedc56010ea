using System.Text.Json;
using System.Text.Json.Serialization;
using Linkage.Application.Common.Json;
using Linkage.Application.Events;
using Linkage.Domain.Common;

namespace Linkage.Application.Tests.Json;

/// <summary>
/// <see cref="JsonText{T}"/>: stored JSON written into a body as it was stored (the change feed's subjects and changes,
/// issue 30), in the member's place, whatever its spacing or order of members, and read back as the text it was sent as.
/// </summary>
public sealed class JsonTextTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Holder(
        string Name,
        JsonText<IReadOnlyList<EventResource>> Subjects,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonText<IReadOnlyDictionary<string, FieldChange>>? Changes,
        int After);

    [Test]
    public void The_stored_text_is_the_members_value_byte_for_byte()
    {
        var subjects = """[{"type":"contact","id":"0193a0e4-7a3c-7000-8000-000000000001"}]""";
        var changes = """{"lastName": {"from": "Byron", "to": "Lovelace"}, "emails": {"from": [], "to": ["a\u00e9@x.org"]}}""";

        var json = JsonSerializer.Serialize(new Holder("a", new(subjects), new(changes), 7), Web);

        Assert.That(json, Is.EqualTo($$"""{"name":"a","subjects":{{subjects}},"changes":{{changes}},"after":7}"""));
    }

    [Test]
    public void A_null_text_is_left_out_where_the_member_says_so()
    {
        var json = JsonSerializer.Serialize(new Holder("a", new("[]"), null, 7), Web);

        Assert.That(json, Is.EqualTo("""{"name":"a","subjects":[],"after":7}"""));
    }

    [Test]
    public void The_value_is_what_a_reader_of_the_body_parses()
    {
        var view = new Holder("a", new("""[ {"id": "0193a0e4-7a3c-7000-8000-000000000002", "type": "company"} ]"""), new("""{"isPrimary": {"to": false, "from": true}}"""), 1);

        using var body = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(view, Web));

        var subject = body.RootElement.GetProperty("subjects")[0];
        Assert.That((subject.GetProperty("type").GetString(), subject.GetProperty("id").GetGuid()),
            Is.EqualTo(("company", Guid.Parse("0193a0e4-7a3c-7000-8000-000000000002"))));
        Assert.That(body.RootElement.GetProperty("changes").GetProperty("isPrimary").GetProperty("from").GetBoolean(), Is.True);
    }

    [Test]
    public void An_indenting_writer_keeps_the_document_valid()
    {
        var indented = new JsonSerializerOptions(Web) { WriteIndented = true };

        var json = JsonSerializer.Serialize(new Holder("a", new("""[{"type":"note","id":"0193a0e4-7a3c-7000-8000-000000000003"}]"""), null, 2), indented);

        using var body = JsonDocument.Parse(json);
        Assert.That(body.RootElement.GetProperty("subjects").GetArrayLength(), Is.EqualTo(1));
        Assert.That(body.RootElement.GetProperty("after").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void Reading_a_member_keeps_its_text_as_sent()
    {
        var read = JsonSerializer.Deserialize<Holder>("""{"name":"a","subjects":[{"type":"contact","id":"x"}],"changes":{"b":{"from":1,"to":2}},"after":3}""", Web)!;

        Assert.That(read.Subjects, Is.EqualTo(new JsonText<IReadOnlyList<EventResource>>("""[{"type":"contact","id":"x"}]""")));
        Assert.That(read.Changes!.Json, Is.EqualTo("""{"b":{"from":1,"to":2}}"""));
    }

    [Test]
    public void A_round_trip_gives_the_same_bytes()
    {
        var original = """{"name":"a","subjects":[{"type":"contact","id":"y"}],"changes":{"c":{"from":null,"to":"d"}},"after":4}""";

        var again = JsonSerializer.Serialize(JsonSerializer.Deserialize<Holder>(original, Web), Web);

        Assert.That(again, Is.EqualTo(original));
    }
}
