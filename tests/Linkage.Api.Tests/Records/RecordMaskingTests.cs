using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Records;

/// <summary>
/// Restricted fields of records (API.md 5.1), masked as a typed link's are (section 6): left out of <c>fields</c> and listed
/// in <c>restrictedFields</c> unless a caller with Reveal asks with <c>?reveal=true</c> (recorded as record.revealed);
/// writing, filtering, testing, copying or moving one needs Reveal; timelines show its changes as <c>{"changed": true}</c>.
/// </summary>
public sealed class RecordMaskingTests : RecordTestBase
{
    private const string Secret = "078-05-1120";

    private string _domain = string.Empty;

    /// <summary>Debug: the leak test searches everything the API logged.</summary>
    protected override string LogLevel => "Debug";

    private string Records => $"/api/v1/records/{_domain}";

    /// <summary>An Employee domain whose first text field is restricted: ssn (text, restricted), name (text), salary (number, restricted).</summary>
    [OneTimeSetUp]
    public async Task DefineEmployeeAsync() => _domain = (await DefineDomainAsync(Unique("Employee"), [
        new JsonObject { ["name"] = "ssn", ["type"] = "text", ["restricted"] = true },
        new JsonObject { ["name"] = "name", ["type"] = "text" },
        new JsonObject { ["name"] = "salary", ["type"] = "number", ["restricted"] = true },
    ]))["name"]!.GetValue<string>();

    [Test]
    public async Task Without_reveal_a_restricted_field_is_masked_even_when_asked_for()
    {
        var id = await EmployeeAsync();

        var asked = await GetAsync($"{Records}/{id}?reveal=true", Caller("Read"));

        Assert.That(asked["fields"]!.ToJsonString(), Is.EqualTo("""{"name":"Grace"}"""));
        Assert.That(asked["restrictedFields"]!.ToJsonString(),
            Is.EqualTo("""{"salary":{"masked":{"currentUserIsAuthorizedToReveal":false}},"ssn":{"masked":{"currentUserIsAuthorizedToReveal":false}}}"""));
        Assert.That(await RevealsOfAsync(id), Is.Zero);
    }

    [Test]
    public async Task With_reveal_the_values_show_only_on_request_and_each_reveal_is_recorded()
    {
        var id = await EmployeeAsync();

        var notAsked = await GetAsync($"{Records}/{id}", Caller("Read", "Reveal"));
        var revealed = await GetAsync($"{Records}/{id}?reveal=true", Caller("Read", "Reveal"));
        var selected = await GetAsync($"{Records}/{id}?reveal=true&$select=fields", Caller("Read", "Reveal"));

        Assert.That(notAsked["fields"]!.AsObject().ContainsKey("ssn"), Is.False);
        Assert.That(notAsked["restrictedFields"]!["ssn"]!["masked"]!["currentUserIsAuthorizedToReveal"]!.GetValue<bool>(), Is.True);
        Assert.That(revealed["fields"]!["ssn"]!.GetValue<string>(), Is.EqualTo(Secret));
        Assert.That(revealed["fields"]!["salary"]!.GetValue<decimal>(), Is.EqualTo(100_000m));
        Assert.That(revealed["restrictedFields"]!.AsObject(), Is.Empty);
        Assert.That(selected["fields"]!["ssn"]!.GetValue<string>(), Is.EqualTo(Secret));
        Assert.That(revealed["version"]!.GetValue<int>(), Is.EqualTo(1), "a reveal changes nothing");
        Assert.That(await RevealsOfAsync(id), Is.EqualTo(2));
        Assert.That((await ActionsAsync($"{Records}/{id}", "record.revealed")).Select(a => a["actorId"]!.GetValue<string>()), Is.All.EqualTo("tester"));
    }

    [Test]
    public async Task Lists_and_creates_mask_for_every_caller()
    {
        var created = await Client().PostAsync(Records, Json(new JsonObject { ["fields"] = new JsonObject { ["ssn"] = Secret, ["name"] = "Ada", ["salary"] = 1 } }.ToJsonString()));
        var listed = await GetAsync($"{Records}?name=Ada");

        Assert.That((int)created.StatusCode, Is.EqualTo(201));
        var body = await BodyAsync(created);
        Assert.That(body["fields"]!.ToJsonString(), Is.EqualTo("""{"name":"Ada"}"""));
        Assert.That(body["restrictedFields"]!.AsObject().Select(f => f.Key), Is.EqualTo(new[] { "salary", "ssn" }));
        var item = listed["items"]!.AsArray().Single()!;
        Assert.That(item["fields"]!.ToJsonString(), Is.EqualTo("""{"name":"Ada"}"""));
        Assert.That(item["restrictedFields"]!["ssn"]!["masked"]!["currentUserIsAuthorizedToReveal"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Filtering_by_a_restricted_field_needs_reveal()
    {
        await EmployeeAsync(ssn: "111-11-1111");

        var refused = await Caller("Read").GetAsync($"{Records}?ssn=111-11-1111");
        var found = await GetAsync($"{Records}?ssn=111-11-1111", Caller("Read", "Reveal"));

        var problem = await AssertProblemAsync(refused, 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"{_domain}:Reveal"));
        Assert.That(found["items"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(found["items"]![0]!["fields"]!.AsObject().ContainsKey("ssn"), Is.False, "a list shows masked values");
    }

    [Test]
    public async Task Creating_with_a_restricted_value_needs_reveal_and_stores_nothing()
    {
        var response = await Caller("Edit").PostAsync(Records, Json("""{"fields":{"name":"Eve","ssn":"999-99-9999"}}"""));

        var problem = await AssertProblemAsync(response, 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"{_domain}:Reveal"));
        Assert.That((await GetAsync($"{Records}?name=Eve"))["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_test_of_a_masked_value_answers_the_same_for_a_right_and_a_wrong_guess()
    {
        var id = await EmployeeAsync();

        var right = await PatchAsync(id, $$"""[{"op":"test","path":"/fields/ssn","value":"{{Secret}}"}]""", Caller("Edit"));
        var wrong = await PatchAsync(id, """[{"op":"test","path":"/fields/ssn","value":"000-00-0000"}]""", Caller("Edit"));

        var a = await AssertProblemAsync(right, 400, "MaskedField");
        var b = await AssertProblemAsync(wrong, 400, "MaskedField");
        a.Remove("traceId");
        b.Remove("traceId");
        Assert.That(JsonNode.DeepEquals(a, b), Is.True, $"{a.ToJsonString()}\n{b.ToJsonString()}");
    }

    [TestCase("""[{"op":"copy","from":"/fields/ssn","path":"/fields/name"}]""", 400, "MaskedField", TestName = "Copying from a masked record field is 400 MaskedField")]
    [TestCase("""[{"op":"move","from":"/fields/salary","path":"/fields/name"}]""", 400, "MaskedField", TestName = "Moving from a masked record field is 400 MaskedField")]
    [TestCase("""[{"op":"replace","path":"/fields/ssn","value":"x"}]""", 403, "Forbidden", TestName = "Writing a restricted record field needs Reveal")]
    [TestCase("""[{"op":"remove","path":"/fields/ssn"}]""", 403, "Forbidden", TestName = "Removing a restricted record field needs Reveal")]
    [TestCase("""[{"op":"replace","path":"/fields","value":{"ssn":"x","name":"Grace"}}]""", 403, "Forbidden", TestName = "Writing a restricted record field through its object needs Reveal")]
    [TestCase("""{"fields":{"salary":1}}""", 403, "Forbidden", TestName = "Writing a restricted record field by Merge Patch needs Reveal")]
    public async Task Masked_record_fields_refuse_a_patch_without_reveal(string patch, int status, string code)
    {
        var id = await EmployeeAsync();

        await AssertProblemAsync(await PatchAsync(id, patch, Caller("Edit")), status, code);

        var revealed = await GetAsync($"{Records}/{id}?reveal=true");
        Assert.That((revealed["fields"]!["ssn"]!.GetValue<string>(), revealed["version"]!.GetValue<int>()), Is.EqualTo((Secret, 1)));
    }

    [TestCase("""[{"op":"replace","path":"/fields","value":{"name":"Hopper"}}]""", TestName = "A JSON Patch without reveal keeps the restricted values it cannot see")]
    [TestCase("""{"fields":{"name":"Hopper"}}""", TestName = "A Merge Patch without reveal keeps the restricted values it cannot see")]
    public async Task A_patch_without_reveal_keeps_the_restricted_values_it_cannot_see(string patch)
    {
        var id = await EmployeeAsync();

        var response = await PatchAsync(id, patch, Caller("Edit"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await BodyAsync(response))["fields"]!.ToJsonString(), Is.EqualTo("""{"name":"Hopper"}"""), "a PATCH answers masked");
        var revealed = await GetAsync($"{Records}/{id}?reveal=true");
        Assert.That(JsonNode.DeepEquals(revealed["fields"], JsonNode.Parse($$"""{"ssn":"{{Secret}}","name":"Hopper","salary":100000}""")), Is.True, revealed.ToJsonString());
    }

    [Test]
    public async Task A_change_of_only_a_restricted_value_with_reveal_is_saved_and_recorded_by_name()
    {
        var id = await EmployeeAsync();

        var response = await PatchAsync(id, """[{"op":"test","path":"/fields/name","value":"Grace"},{"op":"replace","path":"/fields/ssn","value":"219-09-9999"}]""",
            Caller("Edit", "Reveal"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
        Assert.That((await BodyAsync(response))["fields"]!.AsObject().ContainsKey("ssn"), Is.False, "a PATCH answers masked");
        Assert.That((await GetAsync($"{Records}/{id}?reveal=true"))["fields"]!["ssn"]!.GetValue<string>(), Is.EqualTo("219-09-9999"));
        var updated = (await ActionsAsync($"{Records}/{id}", "record.updated")).Single();
        Assert.That(updated["changes"]!.ToJsonString(), Is.EqualTo("""{"fields":{"from":{"ssn":{"changed":true}},"to":{"ssn":{"changed":true}}}}"""));
    }

    [Test]
    public async Task A_restricted_value_is_in_no_action_no_log_line_no_problem_and_no_label()
    {
        var id = await EmployeeAsync();
        var bodies = new List<string>
        {
            await (await PatchAsync(id, $$"""[{"op":"replace","path":"/fields/ssn","value":"{{Secret}}-2"},{"op":"replace","path":"/fields/salary","value":"x"}]""")).Content.ReadAsStringAsync(),
            await (await PatchAsync(id, $$"""[{"op":"test","path":"/fields/ssn","value":"{{Secret}}"}]""", Caller("Edit"))).Content.ReadAsStringAsync(),
            await (await PatchAsync(id, $$"""[{"op":"test","path":"/fields/ssn","value":"wrong {{Secret}}"}]""")).Content.ReadAsStringAsync(),
        };
        Assert.That((await PatchAsync(id, """[{"op":"replace","path":"/fields/ssn","value":"999-99-9999"}]""")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        bodies.Add((await GetAsync($"{Records}/{id}")).ToJsonString());
        bodies.Add(await LinkedLabelAsync(id));

        Assert.That(bodies, Has.None.Contain(Secret).And.None.Contain("999-99-9999"));
        Assert.That(Factory.Logs.Lines, Has.None.Contain(Secret).And.None.Contain("999-99-9999"));
        await using var db = Factory.OpenDb(TenantA);
        var changes = await db.TimelineActions.Where(a => a.SubjectId == Guid.Parse(id)).Select(a => a.Changes).ToListAsync();
        var written = string.Join("\n", changes.Select(c => System.Text.Json.JsonSerializer.Serialize(c)));
        Assert.That(written, Does.Not.Contain(Secret).And.Not.Contain("999-99-9999"));
        Assert.That(written, Does.Contain("\"ssn\":{\"changed\":true}"));
    }

    [Test]
    public async Task An_upsert_matching_on_a_restricted_field_needs_reveal()
    {
        await EmployeeAsync(ssn: "222-22-2222");
        var contact = Id(await CreateContactAsync(Client()));
        var upsert = new JsonObject
        {
            ["parentDomain"] = _domain, ["parentRecordKey"] = "222-22-2222", ["parentRecordMatchField"] = "ssn",
            ["childDomain"] = "Contact", ["childRecordId"] = contact,
        };

        var refused = await UpsertAsync(upsert, Client(permissions: [$"{_domain}:AttachContacts", $"{_domain}:Read", "Contact:Read"]));
        var matched = await UpsertAsync(upsert, Client(permissions: [$"{_domain}:AttachContacts", $"{_domain}:Read", $"{_domain}:Reveal", "Contact:Read"]));

        await AssertProblemAsync(refused, 403, "Forbidden");
        Assert.That((int)matched.StatusCode, Is.EqualTo(201), await matched.Content.ReadAsStringAsync());
    }

    /// <summary>An employee of the domain: ssn <see cref="Secret"/> (or the given one), name Grace, salary 100000; its id.</summary>
    private async Task<string> EmployeeAsync(string ssn = Secret) =>
        Id(await CreateRecordAsync(_domain, new JsonObject { ["ssn"] = ssn, ["name"] = "Grace", ["salary"] = 100_000 }));

    /// <summary>The label of the record as the parent of a link read with includeEntityLabels: its first text field that is not restricted.</summary>
    private async Task<string> LinkedLabelAsync(string id)
    {
        var contact = Id(await CreateContactAsync(Client()));
        var link = await UpsertAsync(new JsonObject
        {
            ["parentDomain"] = _domain, ["parentRecordId"] = id, ["childDomain"] = "Contact", ["childRecordId"] = contact,
        });
        var linkId = (await BodyAsync(link))["linkId"]!.GetValue<string>();
        var shown = await GetAsync($"/api/v1/links/{linkId}?includeEntityLabels=true");
        Assert.That(shown["fromObjectDisplayLabel"]!.GetValue<string>(), Is.EqualTo("Grace"));
        return shown.ToJsonString();
    }

    private Task<HttpResponseMessage> PatchAsync(string id, string patch, HttpClient? client = null) =>
        (client ?? Client()).SendAsync(Request(HttpMethod.Patch, $"{Records}/{id}",
            Json(patch, patch.StartsWith('[') ? "application/json-patch+json" : "application/merge-patch+json"), ("If-Match", "*")));

    private async Task<JsonObject> GetAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? Client()).GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    /// <summary>A caller of tenant A with the given rights on the domain.</summary>
    private HttpClient Caller(params string[] rights) => Client(permissions: [.. rights.Select(r => $"{_domain}:{r}")]);

    private async Task<int> RevealsOfAsync(string id)
    {
        await using var db = Factory.OpenDb(TenantA);
        return await db.TimelineActions.CountAsync(a => a.SubjectId == Guid.Parse(id) && a.Kind == "record.revealed");
    }
}
