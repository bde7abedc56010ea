using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Records;

/// <summary>Records of custom domains (API.md 5.1): checked against their definition, rights on their domain, a timeline.</summary>
public sealed class DomainRecordTests : RecordTestBase
{
    private string _claim = string.Empty;

    [OneTimeSetUp]
    public async Task DefineClaimAsync() => _claim = (await DefineDomainAsync(Unique("Claim")))["name"]!.GetValue<string>();

    private string Records => $"/api/v1/records/{_claim}";

    [Test]
    public async Task Create_answers_201_with_location_etag_and_the_record_and_records_record_created()
    {
        var response = await Client().PostAsync(Records, Json("""{"Fields":{"claimNumber":"C-100","amount":1250.5,"openedOn":"2026-11-30","urgent":true}}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"{Records}/{Id(body)}"));
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
            Assert.That(body["domain"]!.GetValue<string>(), Is.EqualTo(_claim));
            Assert.That(body["fields"]!["claimNumber"]!.GetValue<string>(), Is.EqualTo("C-100"));
            Assert.That(body["fields"]!["amount"]!.GetValue<decimal>(), Is.EqualTo(1250.5m));
            Assert.That(body["fields"]!["openedOn"]!.GetValue<string>(), Is.EqualTo("2026-11-30"));
            Assert.That(body["fields"]!["urgent"]!.GetValue<bool>(), Is.True);
        });
        var read = await BodyAsync(await Client().GetAsync($"{Records}/{Id(body)}"));
        Assert.That(JsonNode.DeepEquals(read, body), Is.True, read.ToJsonString());
        Assert.That((await ActionsAsync($"{Records}/{Id(body)}")).Single()["kind"]!.GetValue<string>(), Is.EqualTo("record.created"));
    }

    [TestCase("""{"fields":{"amount":3}}""", "fields.claimNumber", TestName = "A required field must be given")]
    [TestCase("""{"fields":{"claimNumber":7}}""", "fields.claimNumber", TestName = "A text field takes text")]
    [TestCase("""{"fields":{"claimNumber":"C","amount":"3"}}""", "fields.amount", TestName = "A number field takes a number")]
    [TestCase("""{"fields":{"claimNumber":"C","openedOn":"30.11.2026"}}""", "fields.openedOn", TestName = "A date field takes yyyy-MM-dd")]
    [TestCase("""{"fields":{"claimNumber":"C","urgent":"yes"}}""", "fields.urgent", TestName = "A boolean field takes true or false")]
    [TestCase("""{"fields":{"claimNumber":"C","colour":"red"}}""", "fields.colour", TestName = "An unknown field is refused")]
    [TestCase("""{"fields":{"claimNumber":{"nested":1}}}""", "fields.claimNumber", TestName = "A value is never an object")]
    [TestCase("""{"fields":{"claimNumber":"C","ClaimNumber":"D"}}""", "fields.claimNumber", TestName = "A field given twice in two cases is refused")]
    [TestCase("""{"fields":{"claimNumber":"C","AMOUNT":1,"amount":null}}""", "fields.amount", TestName = "A field given twice is refused even as null")]
    public async Task Field_values_are_checked_against_the_definition_and_nothing_is_created(string body, string field)
    {
        await using var db = Factory.OpenDb(TenantA);
        var before = await db.Records.IgnoreQueryFilters().CountAsync();

        var problem = await AssertProblemAsync(await Client().PostAsync(Records, Json(body)), 400, "ValidationFailed");

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        Assert.That(await db.Records.IgnoreQueryFilters().CountAsync(), Is.EqualTo(before));
    }

    [TestCase("""[{"op":"add","path":"/fields/ClaimNumber","value":"D"}]""", "application/json-patch+json", TestName = "A JSON Patch adding a case twin of a field is refused")]
    [TestCase("""{"fields":{"ClaimNumber":"D"}}""", "application/merge-patch+json", TestName = "A Merge Patch adding a case twin of a field is refused")]
    public async Task A_patch_that_leaves_a_field_named_twice_changes_nothing(string patch, string contentType)
    {
        var record = await BodyAsync(await Client().PostAsync(Records, Json("""{"fields":{"claimNumber":"C"}}""")));

        var response = await Client().SendAsync(Request(HttpMethod.Patch, $"{Records}/{Id(record)}", Json(patch, contentType), ("If-Match", "1")));

        var problem = await AssertProblemAsync(response, 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "fields.claimNumber" }), problem.ToJsonString());
        var read = await BodyAsync(await Client().GetAsync($"{Records}/{Id(record)}"));
        Assert.That((read["fields"]!["claimNumber"]!.GetValue<string>(), read["version"]!.GetValue<int>()), Is.EqualTo(("C", 1)));
    }

    [Test]
    public async Task Rights_are_on_the_records_domain()
    {
        await AssertProblemAsync(await Client(permissions: "Contact:Edit").PostAsync(Records, Json("""{"fields":{"claimNumber":"C"}}""")), 403, "Forbidden");
        var created = await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = "C-R" }, Client(permissions: $"{_claim.ToLowerInvariant()}:Edit"));
        await AssertProblemAsync(await Client(permissions: $"{_claim}:Edit").GetAsync($"{Records}/{Id(created)}"), 403, "Forbidden");
        Assert.That((await Client(permissions: $"{_claim}:Read").GetAsync($"{Records}/{Id(created)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_record_is_not_found_under_another_domain_another_tenant_or_an_unknown_domain()
    {
        var other = (await DefineDomainAsync(Unique("Policy")))["name"]!.GetValue<string>();
        var record = await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = "C-X" });

        await AssertProblemAsync(await Client().GetAsync($"/api/v1/records/{other}/{Id(record)}"), 404, "NotFound");
        await AssertProblemAsync(await Client(TenantB).GetAsync($"{Records}/{Id(record)}"), 404, "NotFound");
        await AssertProblemAsync(await Client().PostAsync("/api/v1/records/Nowhere", Json("""{"fields":{}}""")), 404, "NotFound");
        Assert.That((await Client().GetAsync($"/api/v1/records/{_claim.ToUpperInvariant()}/{Id(record)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Equality_on_a_text_or_number_field_pages_by_keyset()
    {
        var number = Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Id(await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = $"EQ-{number}", ["amount"] = 77 })));
        }

        await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = $"EQ-{number}", ["amount"] = 78 });
        var first = await BodyAsync(await Client().GetAsync($"{Records}?claimNumber=EQ-{number}&amount=77.0&limit=2"));
        var second = await BodyAsync(await Client().GetAsync($"{Records}?claimNumber=EQ-{number}&amount=77&limit=2&cursor={first["nextCursor"]!.GetValue<string>()}"));

        var found = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(r => Id(r!.AsObject())).ToList();
        Assert.That(found, Is.EqualTo(ids));
        Assert.That(second["nextCursor"], Is.Null);
    }

    [TestCase("$where=claimNumber=EQ-{0}&$where=amount=77", TestName = "The same filter in $where form, which every generated client can send")]
    [TestCase("$where=claimNumber=EQ-{0}&amount=77", TestName = "The two forms together")]
    [TestCase("%24where=claimNumber%3DEQ-{0}&%24WHERE=amount%3D77.00", TestName = "$where percent-encoded, in any case")]
    public async Task Equality_in_where_form_finds_what_the_field_form_finds(string query)
    {
        var number = Guid.NewGuid().ToString("N")[..6];
        var match = await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = $"EQ-{number}", ["amount"] = 77 });
        await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = $"EQ-{number}", ["amount"] = 78 });
        await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = "EQ-other", ["amount"] = 77 });

        var byFields = await BodyAsync(await Client().GetAsync($"{Records}?claimNumber=EQ-{number}&amount=77"));
        var byWhere = await BodyAsync(await Client().GetAsync($"{Records}?{string.Format(System.Globalization.CultureInfo.InvariantCulture, query, number)}"));

        Assert.That(byWhere["items"]!.AsArray().Select(r => Id(r!.AsObject())), Is.EqualTo(new[] { Id(match) }));
        Assert.That(byWhere.ToJsonString(), Is.EqualTo(byFields.ToJsonString()));
    }

    [TestCase("$where=claimNumber=a=b=c", TestName = "A $where value may hold = (split at the first)")]
    [TestCase("$where=claimNumber=", TestName = "A $where may match the empty text")]
    public async Task Where_values_split_at_the_first_equals_sign(string query)
    {
        using var response = await Client().GetAsync($"{Records}?{query}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    [TestCase("colour=red", 400, "UnknownField", TestName = "Matching on an unknown field is 400 UnknownField")]
    [TestCase("$where=colour=red", 400, "UnknownField", TestName = "Matching on an unknown field in $where is 400 UnknownField")]
    [TestCase("$where=claimNumber", 400, "ValidationFailed", TestName = "A $where without = is 400")]
    [TestCase("$where==C", 400, "ValidationFailed", TestName = "A $where without a field name is 400")]
    [TestCase("$where=amount=1&amount=1", 400, "ValidationFailed", TestName = "A field matches one value across both forms")]
    [TestCase("$where=amount=1&$where=amount=2", 400, "ValidationFailed", TestName = "A field matches one value in $where")]
    [TestCase("urgent=true", 400, "ValidationFailed", TestName = "Matching on a boolean field is 400")]
    [TestCase("amount=lots", 400, "ValidationFailed", TestName = "A number field matches a number only")]
    [TestCase("amount=1&amount=2", 400, "ValidationFailed", TestName = "A field matches one value")]
    public async Task Refused_queries(string query, int status, string code) =>
        await AssertProblemAsync(await Client().GetAsync($"{Records}?{query}"), status, code);

    [Test]
    public async Task Json_patch_and_merge_patch_over_fields_change_the_record_with_if_match()
    {
        var record = await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = "C-P", ["amount"] = 1 });
        var url = $"{Records}/{Id(record)}";

        await AssertProblemAsync(await PatchAsync(url, """[{"op":"replace","path":"/fields/amount","value":2}]""", null), 428, "PreconditionRequired");
        await AssertProblemAsync(await PatchAsync(url, """[{"op":"replace","path":"/domain","value":"X"}]""", "\"1\""), 400, "ReadOnlyField");
        await AssertProblemAsync(await PatchAsync(url, """[{"op":"replace","path":"/fields/amount","value":"two"}]""", "\"1\""), 400, "ValidationFailed");
        var patched = await PatchAsync(url, """[{"op":"replace","path":"/fields/amount","value":2},{"op":"add","path":"/fields/urgent","value":false}]""", "\"1\"");
        Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patched.Content.ReadAsStringAsync());
        var merged = await PatchAsync(url, """{"fields":{"amount":null}}""", "\"2\"", "application/merge-patch+json");
        Assert.That(merged.StatusCode, Is.EqualTo(HttpStatusCode.OK), await merged.Content.ReadAsStringAsync());

        var body = await BodyAsync(merged);
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(body["fields"]!.AsObject().Select(f => f.Key), Is.EquivalentTo(new[] { "claimNumber", "urgent" }));
        var updates = (await ActionsAsync(url)).Where(a => a["kind"]!.GetValue<string>() == "record.updated").ToList();
        Assert.That(updates, Has.Count.EqualTo(2));
        Assert.That(updates[0]["changes"]!["fields"]!["to"]!.ToJsonString(), Is.EqualTo("""{"amount":2,"urgent":false}"""));
        Assert.That(updates[1]["changes"]!["fields"]!["from"]!.ToJsonString(), Is.EqualTo("""{"amount":2}"""));
    }

    [Test]
    public async Task Delete_needs_if_match_then_the_record_answers_404_and_its_timeline_says_record_deleted()
    {
        var record = await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = "C-D" });
        var url = $"{Records}/{Id(record)}";

        await AssertProblemAsync(await Client().DeleteAsync(url), 428, "PreconditionRequired");
        var deleted = await Client().SendAsync(Request(HttpMethod.Delete, url, null, ("If-Match", "\"1\"")));

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertProblemAsync(await Client().GetAsync(url), 404, "NotFound");
        await using var db = Factory.OpenDb(TenantA);
        var stored = await db.Records.IgnoreQueryFilters().SingleAsync(r => r.Id == Guid.Parse(Id(record)));
        Assert.That(stored.DeletedUtc, Is.Not.Null);
        Assert.That(stored.Version, Is.EqualTo(2));
        var kinds = await db.TimelineActions.Where(a => a.SubjectId == stored.Id).OrderBy(a => a.Position).Select(a => a.Kind).ToListAsync();
        Assert.That(kinds, Is.EqualTo(new[] { "record.created", "record.deleted" }));
    }

    [Test]
    public async Task An_association_names_a_live_record_of_its_target_domain()
    {
        var policy = (await DefineDomainAsync(Unique("Policy"), [new JsonObject { ["name"] = "number", ["type"] = "text" }]))["name"]!.GetValue<string>();
        var report = await DefineDomainAsync(Unique("Report"), [new JsonObject { ["name"] = "policy", ["type"] = "association", ["targetDomain"] = policy.ToLowerInvariant() }]);
        Assert.That(report["fields"]![0]!["targetDomain"]!.GetValue<string>(), Is.EqualTo(policy), "the target is spelled as defined");
        var reports = $"/api/v1/records/{report["name"]!.GetValue<string>()}";
        var aPolicy = await CreateRecordAsync(policy, new JsonObject { ["number"] = "P-1" });
        var aClaim = await CreateRecordAsync(_claim, new JsonObject { ["claimNumber"] = "C-A" });

        Assert.That((await Client().PostAsync(reports, Json($$$"""{"fields":{"policy":"{{{Id(aPolicy)}}}"}}"""))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await AssertProblemAsync(await Client().PostAsync(reports, Json($$$"""{"fields":{"policy":"{{{Id(aClaim)}}}"}}""")), 400, "ValidationFailed");
        await AssertProblemAsync(await Client().PostAsync(reports, Json("""{"fields":{"policy":"not-an-id"}}""")), 400, "ValidationFailed");
    }
}
