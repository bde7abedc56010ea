using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.TypedLinks;

/// <summary>Restricted fields (API.md 6): masked by default, revealed and recorded on request with Reveal, never leaked.</summary>
public sealed class TypedLinkMaskingTests : TypedLinkTestBase
{
    /// <summary>Debug: the leak test searches everything the API logged.</summary>
    protected override string LogLevel => "Debug";

    [Test]
    public async Task Without_reveal_a_restricted_field_is_masked_even_when_asked_for()
    {
        var (linkId, _, contact) = await TypedLinkAsync();

        var asked = await GetLinkAsync(linkId, "?reveal=true", Caller("Read"));

        Assert.That(asked["fieldValues"]!.AsObject().ContainsKey("ssn"), Is.False);
        Assert.That(asked["restrictedFields"]!.ToJsonString(), Is.EqualTo("""{"ssn":{"masked":{"currentUserIsAuthorizedToReveal":false}}}"""));
        Assert.That(await RevealsOfAsync(contact), Is.Zero);
    }

    [Test]
    public async Task With_reveal_the_value_shows_only_on_request_and_each_reveal_is_recorded_on_both_timelines()
    {
        var (linkId, claim, contact) = await TypedLinkAsync();

        var notAsked = await GetLinkAsync(linkId, client: Caller("Read", "Reveal"));
        var revealed = await GetLinkAsync(linkId, "?reveal=true", Caller("Read", "Reveal"));

        Assert.That(notAsked["fieldValues"]!.AsObject().ContainsKey("ssn"), Is.False);
        Assert.That(notAsked["restrictedFields"]!["ssn"]!["masked"]!["currentUserIsAuthorizedToReveal"]!.GetValue<bool>(), Is.True);
        Assert.That(revealed["fieldValues"]!["ssn"]!.GetValue<string>(), Is.EqualTo(Secret));
        Assert.That(revealed["restrictedFields"]!.AsObject(), Is.Empty);
        Assert.That(revealed["version"]!.GetValue<int>(), Is.EqualTo(2), "a reveal changes nothing");
        Assert.That(await RevealsOfAsync(contact), Is.EqualTo(1));
        Assert.That(await RevealsOfAsync(claim), Is.EqualTo(1));
    }

    [Test]
    public async Task A_test_of_a_masked_value_answers_the_same_for_a_right_and_a_wrong_guess()
    {
        var (linkId, _, _) = await TypedLinkAsync();

        var right = await PatchLinkAsync(linkId, $$"""[{"op":"test","path":"/fieldValues/ssn","value":"{{Secret}}"}]""", "2", Caller("AttachContacts"));
        var wrong = await PatchLinkAsync(linkId, """[{"op":"test","path":"/fieldValues/ssn","value":"000-00-0000"}]""", "2", Caller("AttachContacts"));

        var a = await AssertProblemAsync(right, 400, "MaskedField");
        var b = await AssertProblemAsync(wrong, 400, "MaskedField");
        a.Remove("traceId");
        b.Remove("traceId");
        Assert.That(JsonNode.DeepEquals(a, b), Is.True, $"{a.ToJsonString()}\n{b.ToJsonString()}");
        Assert.That(right.Headers.Select(h => h.Key).Order(), Is.EqualTo(wrong.Headers.Select(h => h.Key).Order()));
    }

    [TestCase("""[{"op":"copy","from":"/fieldValues/ssn","path":"/fieldValues/note"}]""", 400, "MaskedField", TestName = "Copying from a masked field is 400 MaskedField")]
    [TestCase("""[{"op":"move","from":"/fieldValues/ssn","path":"/fieldValues/note"}]""", 400, "MaskedField", TestName = "Moving from a masked field is 400 MaskedField")]
    [TestCase("""[{"op":"replace","path":"/fieldValues/ssn","value":"x"}]""", 403, "Forbidden", TestName = "Writing a restricted field needs Reveal")]
    [TestCase("""[{"op":"replace","path":"/fieldValues","value":{"ssn":"x"}}]""", 403, "Forbidden", TestName = "Writing a restricted field through its object needs Reveal")]
    public async Task Masked_fields_refuse_a_patch_without_reveal(string patch, int status, string code)
    {
        var (linkId, _, _) = await TypedLinkAsync();
        await AssertProblemAsync(await PatchLinkAsync(linkId, patch, "2", Caller("AttachContacts")), status, code);
        Assert.That((await GetLinkAsync(linkId, "?reveal=true"))["fieldValues"]!["ssn"]!.GetValue<string>(), Is.EqualTo(Secret));
    }

    [Test]
    public async Task A_patch_without_reveal_keeps_the_restricted_values_it_cannot_see()
    {
        var (linkId, _, _) = await TypedLinkAsync();

        var response = await PatchLinkAsync(linkId, """[{"op":"replace","path":"/fieldValues","value":{"note":"rewritten"}}]""", "2", Caller("AttachContacts"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var revealed = await GetLinkAsync(linkId, "?reveal=true");
        Assert.That(JsonNode.DeepEquals(revealed["fieldValues"], JsonNode.Parse($$"""{"note":"rewritten","ssn":"{{Secret}}"}""")), Is.True, revealed.ToJsonString());
    }

    [TestCase("replace", TestName = "Replacing only a restricted value with Reveal saves it, moves the version and records link.updated")]
    [TestCase("add", TestName = "Adding over only a restricted value with Reveal saves it, moves the version and records link.updated")]
    public async Task A_change_of_only_a_restricted_value_is_saved(string op)
    {
        var (linkId, claim, contact) = await TypedLinkAsync();

        var response = await PatchLinkAsync(linkId, $$"""[{"op":"{{op}}","path":"/fieldValues/ssn","value":"219-09-9999"}]""", "2", Caller("AttachContacts", "Reveal", "Read"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"3\""), "the version moved");
        var revealed = await GetLinkAsync(linkId, "?reveal=true");
        Assert.That(revealed["fieldValues"]!["ssn"]!.GetValue<string>(), Is.EqualTo("219-09-9999"));
        Assert.That(revealed["version"]!.GetValue<int>(), Is.EqualTo(3));
        await using var db = Factory.OpenDb(TenantA);
        var updates = await db.TimelineActions
            .Where(a => a.Kind == "link.updated" && a.LinkId == Guid.Parse(linkId) && (a.SubjectId == Guid.Parse(contact) || a.SubjectId == Guid.Parse(claim)))
            .OrderBy(a => a.Position).Select(a => a.Changes).ToListAsync();
        Assert.That(updates, Has.Count.EqualTo(4), "the secret's write and this one, each on both ends' timelines");
        Assert.That(System.Text.Json.JsonSerializer.Serialize(updates[^1]), Is.EqualTo("""{"fieldValues":{"From":{"ssn":{"changed":true}},"To":{"ssn":{"changed":true}}}}"""));
    }

    [Test]
    public async Task Field_values_named_twice_in_two_cases_are_refused()
    {
        var (linkId, _, _) = await TypedLinkAsync();

        var response = await PatchLinkAsync(linkId, """[{"op":"add","path":"/fieldValues/Note","value":"other"}]""", "2");

        var problem = await AssertProblemAsync(response, 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "fieldValues.note" }), problem.ToJsonString());
    }

    [Test]
    public async Task A_restricted_value_is_in_no_action_no_log_line_and_no_problem()
    {
        var (linkId, claim, contact) = await TypedLinkAsync();
        var bodies = new List<string>();
        bodies.Add(await (await PatchLinkAsync(linkId, $$"""[{"op":"replace","path":"/fieldValues/ssn","value":"{{Secret}}-2"},{"op":"replace","path":"/fieldValues/score","value":"x"}]""", "2")).Content.ReadAsStringAsync());
        bodies.Add(await (await PatchLinkAsync(linkId, $$"""[{"op":"test","path":"/fieldValues/ssn","value":"{{Secret}}"}]""", "2", Caller("AttachContacts"))).Content.ReadAsStringAsync());
        bodies.Add(await (await PatchLinkAsync(linkId, $$"""[{"op":"test","path":"/fieldValues/ssn","value":"wrong {{Secret}}"}]""", "2")).Content.ReadAsStringAsync());
        Assert.That((await PatchLinkAsync(linkId, """[{"op":"replace","path":"/fieldValues/ssn","value":"999-99-9999"}]""", "2")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await GetLinkAsync(linkId, "?reveal=true&includeEntityLabels=true");

        Assert.That(bodies, Has.None.Contain(Secret));
        Assert.That(Factory.Logs.Lines, Has.None.Contain(Secret).And.None.Contain("999-99-9999"));
        await using var db = Factory.OpenDb(TenantA);
        var changes = await db.TimelineActions.Where(a => a.SubjectId == Guid.Parse(contact) || a.SubjectId == Guid.Parse(claim))
            .Select(a => a.Changes).ToListAsync();
        var written = string.Join("\n", changes.Select(c => System.Text.Json.JsonSerializer.Serialize(c)));
        Assert.That(written, Does.Not.Contain(Secret).And.Not.Contain("999-99-9999"));
        Assert.That(written, Does.Contain("\"ssn\":{\"changed\":true}"), "a restricted field shows as changed only");
    }

    private async Task<int> RevealsOfAsync(string subjectId)
    {
        await using var db = Factory.OpenDb(TenantA);
        return await db.TimelineActions.CountAsync(a => a.SubjectId == Guid.Parse(subjectId) && a.Kind == "link.revealed");
    }
}
