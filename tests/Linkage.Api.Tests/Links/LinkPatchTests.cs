using System.Net;

namespace Linkage.Api.Tests.Links;

public sealed class LinkPatchTests : LinkTestBase
{
    private async Task<string> NewLinkAsync(string? jobTitle = "CTO", bool isPrimary = false)
    {
        var (contactId, companyId) = await PairAsync();
        return Id(await CreateLinkAsync(contactId, companyId, jobTitle, isPrimary));
    }

    [Test]
    public async Task A_patch_reads_its_link_once_and_writes_it_with_one_version_checked_update()
    {
        // The precondition check loads the link inside the unit of work and the handler changes that same
        // instance (ADR 0001): a second read of the row would be a round trip on the hottest path.
        var id = await NewLinkAsync();
        HttpResponseMessage response;
        using (Factory.Sql.Record())
        {
            response = await PatchAsync(id, """{"jobTitle":"CEO"}""", "\"1\"");
        }

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var commands = Factory.Sql.Recorded;
        Assert.That(commands.Count(c => c.Contains("FROM links", StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n---\n", commands));
        Assert.That(commands.Count(c => c.Contains("UPDATE links", StringComparison.Ordinal) && c.Contains("version = @", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_without_If_Match_answers_428_and_changes_nothing()
    {
        var id = await NewLinkAsync();
        await AssertProblemAsync(await PatchAsync(id, """{"jobTitle":"CEO"}""", ifMatch: null), 428, "PreconditionRequired");
        var stored = await StoredLinkAsync(id);
        Assert.That((stored.JobTitle, stored.Version), Is.EqualTo(("CTO", 1)));
    }

    [TestCase("\"2\"")]
    [TestCase("W/\"7\"")]
    [TestCase("3")]
    [TestCase("\"abc\"")]
    public async Task Patch_with_stale_etag_answers_412_with_current_etag(string ifMatch)
    {
        var id = await NewLinkAsync();
        var response = await PatchAsync(id, """{"jobTitle":"CEO"}""", ifMatch);
        await AssertProblemAsync(response, 412, "PreconditionFailed");
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        var stored = await StoredLinkAsync(id);
        Assert.That((stored.JobTitle, stored.Version), Is.EqualTo(("CTO", 1)));
        Assert.That(await CountActionsAsync(id), Is.EqualTo(2));
    }

    [TestCase("\"1\"")]
    [TestCase("W/\"1\"")]
    [TestCase("1")]
    [TestCase("*")]
    public async Task Patch_with_a_matching_If_Match_answers_200_with_the_new_version_and_etag(string ifMatch)
    {
        var id = await NewLinkAsync();
        var response = await PatchAsync(id, """{"JobTitle":"Chief Financial Officer"}""", ifMatch, Client(actor: "editor"), ("X-Change-Origin", "ui"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
            Assert.That(body["etag"]!.GetValue<string>(), Is.EqualTo("\"2\""));
            Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["jobTitle"]!.GetValue<string>(), Is.EqualTo("Chief Financial Officer"));
            Assert.That(body["isPrimary"]!.GetValue<bool>(), Is.False);
            Assert.That(body["changeType"]!.GetValue<string>(), Is.EqualTo("Updated"));
            Assert.That(body["changeOrigin"]!.GetValue<string>(), Is.EqualTo("ui"));
        });

        var stored = await StoredLinkAsync(id);
        Assert.That((stored.JobTitle, stored.Version, stored.ChangeOrigin), Is.EqualTo(("Chief Financial Officer", 2, "ui")));
        foreach (var (subject, subjectId) in new[] { ("contacts", stored.ChildId), ("companies", stored.ParentId) })
        {
            var action = (await LinkActionsAsync(subject, subjectId.ToString())).Last();
            Assert.That(action["kind"]!.GetValue<string>(), Is.EqualTo("link.updated"));
            Assert.That(action["linkId"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(action["actorId"]!.GetValue<string>(), Is.EqualTo("editor"));
            Assert.That(action["changeOrigin"]!.GetValue<string>(), Is.EqualTo("ui"));
            Assert.That(action["changes"]!.AsObject().Select(c => c.Key), Is.EqualTo(new[] { "jobTitle" }));
            Assert.That(Change(action, "jobTitle", "from")!.GetValue<string>(), Is.EqualTo("CTO"));
            Assert.That(Change(action, "jobTitle", "to")!.GetValue<string>(), Is.EqualTo("Chief Financial Officer"));
        }
    }

    [TestCase("{}")]
    [TestCase("""{"jobTitle":"CTO"}""")]
    [TestCase("""{"isPrimary":false}""")]
    [TestCase("""{"isPrimary":null}""")]
    [TestCase("""{"jobTitle":"CTO","isPrimary":false}""")]
    public async Task A_patch_that_changes_nothing_answers_200_with_the_unchanged_link_moving_no_version(string json)
    {
        var id = await NewLinkAsync();
        var before = await GetLinkAsync(id);
        var response = await PatchAsync(id, json, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(body, before), Is.True, body.ToJsonString());
        Assert.That((await StoredLinkAsync(id)).Version, Is.EqualTo(1));
        Assert.That(await CountActionsAsync(id), Is.EqualTo(2), "only link.created on both timelines");
    }

    [Test]
    public async Task Null_clears_the_job_title_and_omitted_leaves_it_alone()
    {
        var id = await NewLinkAsync();
        var promoted = await BodyAsync(await PatchAsync(id, """{"isPrimary":true}""", "\"1\""));
        Assert.That(promoted["jobTitle"]!.GetValue<string>(), Is.EqualTo("CTO"), "omitted jobTitle kept");

        var cleared = await PatchAsync(id, """{"jobTitle":null}""", "\"2\"");
        Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await BodyAsync(cleared);
        Assert.That(body["jobTitle"], Is.Null);
        Assert.That(body.ContainsKey("jobTitle"), Is.True);
        Assert.That(body["isPrimary"]!.GetValue<bool>(), Is.True, "omitted isPrimary kept");
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(3));

        var stored = await StoredLinkAsync(id);
        Assert.That((stored.JobTitle, stored.IsPrimary), Is.EqualTo(((string?)null, true)));
        var action = (await LinkActionsAsync("contacts", stored.ChildId.ToString())).Last();
        Assert.That(Change(action, "jobTitle", "from")!.GetValue<string>(), Is.EqualTo("CTO"));
        Assert.That(Change(action, "jobTitle", "to"), Is.Null);
    }

    [TestCase("""{"isPrimary":null}""")]
    [TestCase("""{"isPrimary":false}""")]
    public async Task Null_or_false_clears_primary_on_the_primary_link(string json)
    {
        var id = await NewLinkAsync(isPrimary: true);
        var response = await PatchAsync(id, json, "\"1\"");
        var body = await BodyAsync(response);
        Assert.That(body["isPrimary"]!.GetValue<bool>(), Is.False);
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(2));
        var stored = await StoredLinkAsync(id);
        Assert.That(stored.IsPrimary, Is.False);
        var action = (await LinkActionsAsync("companies", stored.ParentId.ToString())).Last();
        Assert.That(action["changes"]!.AsObject().Select(c => c.Key), Is.EqualTo(new[] { "isPrimary" }));
    }

    [TestCase("""{"jobTitle":"{long}"}""", "jobTitle")]
    [TestCase("""{"jobTitle":""}""", "jobTitle")]
    [TestCase("""{"jobTitle":"  "}""", "jobTitle")]
    [TestCase("""{"jobTitle":5}""", "jobTitle")]
    [TestCase("""{"jobTitle":["CFO"]}""", "jobTitle")]
    [TestCase("""{"isPrimary":"yes"}""", "isPrimary")]
    [TestCase("""{"isPrimary":1}""", "isPrimary")]
    [TestCase("""{"title":"CFO"}""", "title")]
    [TestCase("""{"jobTitle":"CFO","version":9}""", "version")]
    [TestCase("""{"id":"00000000-0000-0000-0000-000000000001"}""", "id")]
    [TestCase("""{"jobTitle":"CFO",""", "body")]
    [TestCase("""["jobTitle"]""", "body")]
    [TestCase("null", "body")]
    public async Task Invalid_patch_answers_400_ValidationFailed_naming_the_field_and_changes_nothing(string template, string field)
    {
        var id = await NewLinkAsync();
        var response = await PatchAsync(id, template.Replace("{long}", new string('x', 201)), "\"1\"");
        var problem = await AssertProblemAsync(response, 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        var stored = await StoredLinkAsync(id);
        Assert.That((stored.JobTitle, stored.IsPrimary, stored.Version), Is.EqualTo(("CTO", false, 1)));
    }

    [Test]
    public async Task Wrong_json_types_are_explained_in_the_apis_words()
    {
        var id = await NewLinkAsync();
        var problem = await AssertProblemAsync(await PatchAsync(id, """{"isPrimary":"yes"}""", "\"1\""), 400, "ValidationFailed");
        Assert.That(problem["errors"]!["isPrimary"]![0]!.GetValue<string>(), Is.EqualTo("The value has the wrong JSON type."));
        problem = await AssertProblemAsync(await PatchAsync(id, """{"jobTitle":5}""", "\"1\""), 400, "ValidationFailed");
        Assert.That(problem["errors"]!["jobTitle"]![0]!.GetValue<string>(), Is.EqualTo("The value has the wrong JSON type."));
    }

    [Test]
    public async Task Patch_with_a_non_json_content_type_answers_415()
    {
        var id = await NewLinkAsync();
        var request = Request(HttpMethod.Patch, $"{Links}/{id}", Json("""{"jobTitle":"CFO"}""", "text/plain"), ("If-Match", "*"));
        await AssertProblemAsync(await Client().SendAsync(request), 415, "UnsupportedMediaType");
    }

    [Test]
    public async Task Patch_without_Company_AttachContacts_answers_403_naming_it()
    {
        var id = await NewLinkAsync();
        var client = Client(permissions: ["Company:Edit", "Contact:Edit", "Company:Read"]);
        var problem = await AssertProblemAsync(await PatchAsync(id, """{"jobTitle":"CEO"}""", "\"1\"", client), 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Company:AttachContacts"));
        Assert.That((await StoredLinkAsync(id)).Version, Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_with_only_Company_AttachContacts_is_allowed()
    {
        var id = await NewLinkAsync();
        var response = await PatchAsync(id, """{"jobTitle":"CEO"}""", "\"1\"", Client(permissions: AttachContacts));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await StoredLinkAsync(id)).JobTitle, Is.EqualTo("CEO"));
    }

    [Test]
    public async Task Patch_of_another_tenants_link_or_an_unknown_id_answers_404()
    {
        var id = await NewLinkAsync();
        await AssertProblemAsync(await PatchAsync(id, """{"jobTitle":"CEO"}""", "*", Client(TenantB)), 404, "NotFound");
        await AssertProblemAsync(await PatchAsync(Guid.CreateVersion7().ToString(), """{"jobTitle":"CEO"}""", "*"), 404, "NotFound");
        Assert.That((await StoredLinkAsync(id)).JobTitle, Is.EqualTo("CTO"));
    }
}
