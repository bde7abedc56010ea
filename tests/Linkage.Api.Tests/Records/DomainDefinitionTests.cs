using System.Net;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Records;

/// <summary>Custom domains (API.md 5.1): defined by an admin, unique per tenant in any case, fields added by PATCH.</summary>
public sealed class DomainDefinitionTests : RecordTestBase
{
    [Test]
    public async Task Define_answers_201_with_location_etag_and_the_definition()
    {
        var claim = Unique("Claim");
        var response = await Client().PostAsync(Domains, Json(new JsonObject
        {
            ["name"] = claim, ["label"] = "Claims", ["fields"] = ClaimFields.DeepClone(),
        }.ToJsonString()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"{Domains}/{claim}"));
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
            Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo(claim));
            Assert.That(body["label"]!.GetValue<string>(), Is.EqualTo("Claims"));
            Assert.That(body["fields"]!.AsArray().Select(f => f!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "text", "number", "date", "boolean" }));
            Assert.That(body["fields"]![0]!["required"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task Defining_needs_admin_and_reading_needs_no_right()
    {
        var forbidden = await Client(permissions: "Claim:Edit").PostAsync(Domains, Json(new JsonObject { ["name"] = "Claim", ["label"] = "C" }.ToJsonString()));
        var problem = await AssertProblemAsync(forbidden, 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("*:Admin"));

        var claim = Unique("Claim");
        await DefineDomainAsync(claim, client: Client(permissions: "*:Admin"));
        var read = await Client(permissions: "Contact:Read").GetAsync($"{Domains}/{claim.ToLowerInvariant()}");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await BodyAsync(read))["name"]!.GetValue<string>(), Is.EqualTo(claim));
    }

    [TestCase("claim", TestName = "A name starting with a lower-case letter is refused")]
    [TestCase("Contact", TestName = "A built-in domain's name is refused")]
    [TestCase("FILE", TestName = "A built-in domain's name is refused in any case")]
    [TestCase("Claim_Two", TestName = "A name with an underscore is refused")]
    public async Task Name_rules(string name)
    {
        var response = await Client().PostAsync(Domains, Json(new JsonObject { ["name"] = name, ["label"] = "X" }.ToJsonString()));
        var problem = await AssertProblemAsync(response, 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().ContainsKey("name"), Is.True);
    }

    [Test]
    public async Task A_name_taken_in_any_case_answers_409_naming_the_domain_in_the_way()
    {
        var policy = Unique("Policy");
        var first = await DefineDomainAsync(policy);
        var again = await Client().PostAsync(Domains, Json(new JsonObject { ["name"] = policy.ToUpperInvariant(), ["label"] = "X" }.ToJsonString()));
        var problem = await AssertProblemAsync(again, 409, "Conflict");
        Assert.That(problem["existingId"]!.GetValue<string>(), Is.EqualTo(Id(first)));
    }

    [Test]
    public async Task Field_definitions_are_checked()
    {
        var cases = new (JsonArray Fields, string Why)[]
        {
            ([new JsonObject { ["name"] = "1st", ["type"] = "text" }], "a field name starts with a letter"),
            ([new JsonObject { ["name"] = "x", ["type"] = "money" }], "an unknown type"),
            ([new JsonObject { ["name"] = "x", ["type"] = "association" }], "an association without a target"),
            ([new JsonObject { ["name"] = "x", ["type"] = "association", ["targetDomain"] = "Nope" }], "an association to no domain"),
            ([new JsonObject { ["name"] = "x", ["type"] = "text" }, new JsonObject { ["name"] = "X", ["type"] = "number" }], "a name twice in any case"),
        };
        foreach (var (fields, why) in cases)
        {
            var response = await Client().PostAsync(Domains, Json(new JsonObject { ["name"] = "Broken", ["label"] = "B", ["fields"] = fields }.ToJsonString()));
            Assert.That((int)response.StatusCode, Is.EqualTo(400), why);
        }

        Assert.That((await Client().GetAsync($"{Domains}/Broken")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Patch_adds_a_field_with_if_match_and_moves_the_version()
    {
        var claim = Unique("Claim");
        await DefineDomainAsync(claim);
        var patch = """[{"op":"add","path":"/fields/-","value":{"name":"adjusterNote","type":"text"}}]""";

        await AssertProblemAsync(await PatchAsync($"{Domains}/{claim}", patch, ifMatch: null), 428, "PreconditionRequired");
        await AssertProblemAsync(await PatchAsync($"{Domains}/{claim}", patch, ifMatch: "\"7\""), 412, "PreconditionFailed");
        var response = await PatchAsync($"{Domains}/{claim.ToLowerInvariant()}", patch, ifMatch: "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        Assert.That(body["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()), Does.Contain("adjusterNote"));
        var actions = await ActionsAsync($"{Domains}/{claim}");
        Assert.That(actions.Select(a => a["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "domain.created", "domain.updated" }));
    }

    [Test]
    public async Task Removing_or_retyping_a_field_that_has_values_answers_409_and_changes_nothing()
    {
        var claim = Unique("Claim");
        await DefineDomainAsync(claim);
        await CreateRecordAsync(claim, new JsonObject { ["claimNumber"] = "C-1", ["amount"] = 10 });

        var remove = await PatchAsync($"{Domains}/{claim}", """[{"op":"remove","path":"/fields/1"}]""", "\"1\"");
        var problem = await AssertProblemAsync(remove, 409, "Conflict");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("amount"));
        var retype = await PatchAsync($"{Domains}/{claim}", """[{"op":"replace","path":"/fields/1/type","value":"text"}]""", "\"1\"");
        await AssertProblemAsync(retype, 409, "Conflict");
        var unused = await PatchAsync($"{Domains}/{claim}", """[{"op":"remove","path":"/fields/3"}]""", "\"1\"");
        Assert.That(unused.StatusCode, Is.EqualTo(HttpStatusCode.OK), "urgent has no values: it can go. " + await unused.Content.ReadAsStringAsync());

        var definition = await BodyAsync(await Client().GetAsync($"{Domains}/{claim}"));
        Assert.That(definition["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "claimNumber", "amount", "openedOn" }));
        Assert.That(definition["version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task List_pages_the_tenants_domains_only()
    {
        const string Lister = "tenant-lister";
        await DefineDomainAsync("Claim", client: Client(Lister));
        await DefineDomainAsync("Policy", client: Client(Lister));
        await DefineDomainAsync("Report", client: Client("tenant-other"));

        var first = await BodyAsync(await Client(Lister).GetAsync($"{Domains}?limit=1"));
        Assert.That(first["items"]!.AsArray().Single()!["name"]!.GetValue<string>(), Is.EqualTo("Claim"));
        var second = await BodyAsync(await Client(Lister).GetAsync($"{Domains}?limit=1&cursor={first["nextCursor"]!.GetValue<string>()}"));
        Assert.That(second["items"]!.AsArray().Single()!["name"]!.GetValue<string>(), Is.EqualTo("Policy"));
        Assert.That(second["nextCursor"], Is.Null);
        Assert.That((await Client(Lister).GetAsync($"{Domains}/Report")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
