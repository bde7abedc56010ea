using System.Text.Json.Nodes;
using Linkage.Api.Tests.TypedLinks;

namespace Linkage.Api.Tests.Events;

/// <summary>
/// The events real writes make (API.md 7.1): every write path, through HTTP, writes one event per changed resource in the
/// transaction of its change, naming the subjects whose timelines show it, with the timeline's changes (a restricted value
/// only as <c>{"changed": true}</c>), in version order; a refused write, a write that changes nothing and a write whose
/// transaction rolls back write none.
/// </summary>
public sealed class WriteEventTests : TypedLinkTestBase
{
    private const string MergePatch = "application/merge-patch+json";

    [Test]
    public async Task A_contacts_create_patch_and_delete_are_three_events_in_version_order_and_a_patch_that_changes_nothing_is_none()
    {
        var client = Client();
        var from = await HeadAsync();

        var contact = await CreateContactAsync(client, "Ada", "Byron");
        await SendAsync(HttpMethod.Patch, $"/api/v1/network/contacts/{Id(contact)}", """{"lastName":"Lovelace"}""", MergePatch, "1");
        await SendAsync(HttpMethod.Patch, $"/api/v1/network/contacts/{Id(contact)}", """{"lastName":"Lovelace"}""", MergePatch, "2");
        await AssertSameAsTimelineAsync(await EventsAfterAsync(from), $"/api/v1/network/contacts/{Id(contact)}/actions");
        await SendAsync(HttpMethod.Delete, $"/api/v1/network/contacts/{Id(contact)}", null, ifMatch: "2");

        var events = await EventsAfterAsync(from);
        Assert.That(events.Select(Type), Is.EqualTo(new[] { "contact.created", "contact.updated", "contact.deleted" }));
        Assert.That(events.Select(Version), Is.EqualTo(new[] { 1, 2, 3 }), "the no-change PATCH moved no version and wrote no event");
        Assert.That(events.Select(Resource), Has.All.EqualTo(("contact", Id(contact))));
        Assert.That(events.Select(Subjects), Has.All.EqualTo(new[] { ("contact", Id(contact)) }));
        Assert.That(events[1]["changes"]!["lastName"]!.ToJsonString(), Is.EqualTo("""{"from":"Byron","to":"Lovelace"}"""));
        Assert.That(events[0]["changes"], Is.Null, "a creation lists no changes, as on the timeline");
        Assert.That(events.Select(e => e["actorId"]!.GetValue<string>()), Has.All.EqualTo("tester"));
        Assert.That(events.Select(e => e["changeOrigin"]!.GetValue<string>()), Has.All.Not.Empty);
    }

    [Test]
    public async Task A_network_link_change_is_one_event_naming_both_ends_and_a_primary_taken_from_another_link_is_a_second()
    {
        var client = Client();
        var contact = await CreateContactAsync(client, "Grace", "Hopper");
        var first = await CreateCompanyAsync(client, "Remington Rand");
        var second = await CreateCompanyAsync(client, "Eckert-Mauchly");
        var from = await HeadAsync();

        var one = await SendAsync(HttpMethod.Post, "/api/v1/network/links", $$"""{"contactId":"{{Id(contact)}}","companyId":"{{Id(first)}}","isPrimary":true}""");
        var two = await SendAsync(HttpMethod.Post, "/api/v1/network/links", $$"""{"contactId":"{{Id(contact)}}","companyId":"{{Id(second)}}","isPrimary":true}""");
        await SendAsync(HttpMethod.Patch, $"/api/v1/network/links/{Id(two)}", """{"jobTitle":"Admiral"}""", "application/json", "1");
        await SendAsync(HttpMethod.Delete, $"/api/v1/network/links/{Id(two)}", null, ifMatch: "2");

        var events = await EventsAfterAsync(from);
        Assert.That(events.Select(e => (Type(e), Resource(e).Id)), Is.EqualTo(new[]
        {
            ("link.created", Id(one)),
            ("link.updated", Id(one)), ("link.created", Id(two)),
            ("link.updated", Id(two)),
            ("link.deleted", Id(two)),
        }).Or.EqualTo(new[]
        {
            ("link.created", Id(one)),
            ("link.created", Id(two)), ("link.updated", Id(one)),
            ("link.updated", Id(two)),
            ("link.deleted", Id(two)),
        }), "one event per changed link, the demoted primary's in the same commit as the new link's");
        Assert.That(events.Select(e => Resource(e).Type), Has.All.EqualTo("link"));
        Assert.That(Subjects(events[0]), Is.EquivalentTo(new[] { ("contact", Id(contact)), ("company", Id(first)) }));
        var demoted = events.Single(e => Type(e) == "link.updated" && Resource(e).Id == Id(one));
        Assert.That(demoted["changes"]!["isPrimary"]!.ToJsonString(), Is.EqualTo("""{"from":true,"to":false}"""));
        Assert.That(Version(demoted), Is.EqualTo(2));
        Assert.That(events.Where(e => Resource(e).Id == Id(two)).Select(Version), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Deleting_a_company_deletes_its_links_in_the_same_commit_and_each_is_an_event()
    {
        var client = Client();
        var company = await CreateCompanyAsync(client, "Cascade Ltd");
        var first = await CreateContactAsync(client, "First", "Member");
        var second = await CreateContactAsync(client, "Second", "Member");
        var links = new List<string>();
        foreach (var contact in new[] { first, second })
        {
            links.Add(Id(await SendAsync(HttpMethod.Post, "/api/v1/network/links", $$"""{"contactId":"{{Id(contact)}}","companyId":"{{Id(company)}}"}""")));
        }

        var from = await HeadAsync();
        await SendAsync(HttpMethod.Delete, $"/api/v1/network/companies/{Id(company)}", null, ifMatch: "1");

        var events = await EventsAfterAsync(from);
        Assert.That(events.Select(e => (Type(e), Resource(e).Id)), Is.EquivalentTo(new[]
        {
            ("company.deleted", Id(company)), ("link.deleted", links[0]), ("link.deleted", links[1]),
        }));
        Assert.That(events.Select(e => e["occurredUtc"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(1), "one command, one stamp");
    }

    [Test]
    public async Task A_notes_creation_archive_unarchive_and_supersede_are_events_of_the_note_on_its_subjects_timeline()
    {
        var contact = await CreateContactAsync(Client(), "Alan", "Turing");
        var notes = $"/api/v1/network/contacts/{Id(contact)}/notes";
        var from = await HeadAsync();

        var note = await SendAsync(HttpMethod.Post, notes, """{"message":"Met at Bletchley"}""");
        await SendAsync(HttpMethod.Patch, $"{notes}/{Id(note)}", """{"action":"archive"}""", "application/json", "1");
        await SendAsync(HttpMethod.Patch, $"{notes}/{Id(note)}", """{"action":"archive"}""", "application/json", "2");
        await SendAsync(HttpMethod.Patch, $"{notes}/{Id(note)}", """{"action":"unarchive"}""", "application/json", "2");
        await SendAsync(HttpMethod.Patch, $"{notes}/{Id(note)}", """{"action":"supersede","supersede":{"message":"Met at Manchester"}}""", "application/json", "3");

        var events = await EventsAfterAsync(from);
        Assert.That(events.Select(Type), Is.EqualTo(new[] { "note.created", "note.archived", "note.unarchived", "note.superseded" }),
            "archiving an archived note is a no-op: no event");
        Assert.That(events.Select(Resource).Take(3), Has.All.EqualTo(("note", Id(note))));
        Assert.That(Resource(events[3]).Type, Is.EqualTo("note"));
        Assert.That(Resource(events[3]).Id, Is.Not.EqualTo(Id(note)), "the new revision is the superseding note");
        Assert.That(events.Select(Subjects), Has.All.EqualTo(new[] { ("contact", Id(contact)) }));
        Assert.That(events[3]["changes"]!["message"]!.ToJsonString(), Is.EqualTo("""{"from":"Met at Bletchley","to":"Met at Manchester"}"""));
        await AssertSameAsTimelineAsync(events, $"/api/v1/network/contacts/{Id(contact)}/actions");
    }

    [Test]
    public async Task Definitions_records_and_files_make_their_own_events()
    {
        var from = await HeadAsync();
        var domain = Unique("Policy");
        await DefineDomainAsync(domain);
        await SendAsync(HttpMethod.Patch, $"{Domains}/{domain}", """{"label":"Policies"}""", MergePatch, "1");
        var type = "insures_" + Guid.NewGuid().ToString("N")[..6];
        await DefineRelationshipTypeAsync(type, "Insures", domain);
        await SendAsync(HttpMethod.Patch, $"{RelationshipTypes}/{type}", """{"label":"Insured by"}""", MergePatch, "1");
        var record = await CreateRecordAsync(domain, new JsonObject { ["claimNumber"] = "P-1" });
        await SendAsync(HttpMethod.Patch, $"/api/v1/records/{domain}/{Id(record)}", """{"fields":{"amount":5}}""", MergePatch, "1");
        await SendAsync(HttpMethod.Delete, $"/api/v1/records/{domain}/{Id(record)}", null, ifMatch: "2");
        var file = await CreateFileAsync();
        await SendAsync(HttpMethod.Delete, $"/api/v1/files/{Id(file)}", null, ifMatch: "1");

        var events = await EventsAfterAsync(from);
        Assert.That(events.Select(e => (Type(e), Resource(e).Type, Version(e))), Is.EqualTo(new[]
        {
            ("domain.created", "domain", 1), ("domain.updated", "domain", 2),
            ("relationship_type.created", "relationship_type", 1), ("relationship_type.updated", "relationship_type", 2),
            ("record.created", "record", 1), ("record.updated", "record", 2), ("record.deleted", "record", 3),
            ("file.created", "file", 1), ("file.deleted", "file", 2),
        }));
        Assert.That(events[5]["changes"]!.ToJsonString(), Does.Contain("\"amount\""));
        Assert.That(events.Where(e => Resource(e).Type == "record").Select(Subjects), Has.All.EqualTo(new[] { ("record", Id(record)) }));
        Assert.That(events.Where(e => Resource(e).Type == "file").Select(Subjects), Has.All.EqualTo(new[] { ("file", Id(file)) }));
        await AssertSameAsTimelineAsync(events.Where(e => Resource(e).Type == "domain").ToList(), $"{Domains}/{domain}/actions");
    }

    [Test]
    public async Task Typed_links_by_upsert_and_patch_are_events_on_both_ends_with_restricted_values_only_as_changed_and_a_reveal_is_none()
    {
        var claim = Id(await CreateRecordAsync(Claim, new JsonObject { ["claimNumber"] = $"E-{Guid.NewGuid():N}"[..12] }));
        var contact = Id(await CreateContactAsync(Client(), "Katherine", "Johnson"));
        var upsert = new JsonObject
        {
            ["parentDomain"] = Claim, ["parentRecordId"] = claim, ["childDomain"] = "Contact", ["childRecordId"] = contact, ["relationship"] = Relationship,
        };
        var from = await HeadAsync();

        var created = await BodyAsync(await UpsertAsync(upsert));
        var link = created["linkId"]!.GetValue<string>();
        var same = await UpsertAsync((JsonObject)upsert.DeepClone());
        Assert.That((int)same.StatusCode, Is.EqualTo(200), "the same upsert again finds the link and changes nothing");
        var patched = await PatchLinkAsync(link, $$"""[{"op":"add","path":"/fieldValues/ssn","value":"{{Secret}}"},{"op":"add","path":"/fieldValues/note","value":"seen"}]""", "1");
        Assert.That((int)patched.StatusCode, Is.EqualTo(200), await patched.Content.ReadAsStringAsync());
        await GetLinkAsync(link, "?reveal=true");
        await SendAsync(HttpMethod.Delete, $"/api/v1/links/{link}", null, ifMatch: "2");

        var events = await EventsAfterAsync(from);
        Assert.That(events.Select(Type), Is.EqualTo(new[] { "link.created", "link.updated", "link.deleted" }), "no event for the no-change upsert nor the reveal");
        Assert.That(events.Select(Resource), Has.All.EqualTo(("link", link)));
        Assert.That(events.Select(Version), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(Subjects(events[1]), Is.EquivalentTo(new[] { ("contact", contact), ("record", claim) }));
        var changes = events[1]["changes"]!.ToJsonString();
        Assert.That(changes, Does.Contain("\"ssn\":{\"changed\":true}").And.Contains("\"note\":\"seen\""));
        Assert.That(string.Join("\n", events.Select(e => e.ToJsonString())), Does.Not.Contain(Secret), "a restricted value never appears in an event");
        await AssertSameAsTimelineAsync(events, $"/api/v1/records/{Claim}/{claim}/actions");
    }

    [Test]
    public async Task Refused_writes_write_no_event()
    {
        var client = Client();
        var contact = await CreateContactAsync(client, "Refused", "Writes");
        var company = await CreateCompanyAsync(client, "Refusals Inc");
        await SendAsync(HttpMethod.Post, "/api/v1/network/links", $$"""{"contactId":"{{Id(contact)}}","companyId":"{{Id(company)}}"}""");
        var url = $"/api/v1/network/contacts/{Id(contact)}";
        var from = await HeadAsync();

        var stale = await client.SendAsync(Request(HttpMethod.Patch, url, Json("""{"lastName":"Stale"}""", MergePatch), ("If-Match", "\"7\"")));
        var unconditional = await client.SendAsync(Request(HttpMethod.Patch, url, Json("""{"lastName":"Unconditional"}""", MergePatch)));
        var invalid = await client.SendAsync(Request(HttpMethod.Patch, url, Json("""{"customFields":{"1bad":"x"}}""", MergePatch), ("If-Match", "1")));
        var forbidden = await Client(permissions: "Contact:Read").SendAsync(Request(HttpMethod.Patch, url, Json("""{"lastName":"Forbidden"}""", MergePatch), ("If-Match", "1")));
        var missing = await client.SendAsync(Request(HttpMethod.Delete, $"/api/v1/network/contacts/{Guid.NewGuid()}", null, ("If-Match", "1")));

        Assert.That(new[] { stale, unconditional, invalid, forbidden, missing }.Select(r => (int)r.StatusCode), Is.EqualTo(new[] { 412, 428, 400, 403, 404 }));
        Assert.That(await EventsAfterAsync(from), Is.Empty);
    }

    [Test]
    public async Task A_write_whose_transaction_rolls_back_at_its_save_writes_no_event()
    {
        var client = Client();
        var contact = await CreateContactAsync(client, "Rolled", "Back");
        var company = await CreateCompanyAsync(client, "Rollbacks Ltd");
        var body = $$"""{"contactId":"{{Id(contact)}}","companyId":"{{Id(company)}}"}""";
        await SendAsync(HttpMethod.Post, "/api/v1/network/links", body);
        var from = await HeadAsync();

        // The second link of the pair passes every check the handler makes, records its link.created, and is refused by the
        // store's unique index at the save: the transaction rolls back, and its event with it.
        var duplicate = await client.PostAsync("/api/v1/network/links", Json(body));

        await AssertProblemAsync(duplicate, 409, "Conflict");
        Assert.That(await EventsAfterAsync(from), Is.Empty);
    }

    [Test]
    public async Task Of_two_patches_racing_with_one_ETag_only_the_one_that_committed_is_an_event()
    {
        var contact = await CreateContactAsync(Client(), "Racing", "Writers");
        var url = $"/api/v1/network/contacts/{Id(contact)}";
        var from = await HeadAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Client().SendAsync(Request(HttpMethod.Patch, url, Json($$"""{"lastName":"Writer {{i}}"}""", MergePatch), ("If-Match", "1")))));

        Assert.That(answers.Count(a => (int)a.StatusCode == 200), Is.EqualTo(1));
        Assert.That(answers.Count(a => (int)a.StatusCode == 412), Is.EqualTo(7));
        var events = await EventsAfterAsync(from);
        Assert.That(events.Select(e => (Type(e), Version(e))), Is.EqualTo(new[] { ("contact.updated", 2) }));
        var saved = await BodyAsync(await Client().GetAsync(url));
        Assert.That(events[0]["changes"]!["lastName"]!["to"]!.GetValue<string>(), Is.EqualTo(saved["lastName"]!.GetValue<string>()));
    }

    [Test]
    public async Task A_reader_sees_only_the_events_of_resources_it_may_read_as_their_descriptions_say()
    {
        var client = Client();
        var from = await HeadAsync();
        var contact = await CreateContactAsync(client, "Read", "Rights");
        var company = await CreateCompanyAsync(client, "Rights Ltd");
        await SendAsync(HttpMethod.Post, "/api/v1/network/links", $$"""{"contactId":"{{Id(contact)}}","companyId":"{{Id(company)}}"}""");
        await CreateRecordAsync(Claim, new JsonObject { ["claimNumber"] = "R-1" });
        await SendAsync(HttpMethod.Post, $"/api/v1/network/companies/{Id(company)}/notes", """{"message":"Company note"}""");
        await DefineDomainAsync(Unique("Visible"));

        var contactReader = await EventsAfterAsync(from, Client(permissions: "Contact:Read"));
        var companyReader = await EventsAfterAsync(from, Client(permissions: "Company:Read"));
        var claimReader = await EventsAfterAsync(from, Client(permissions: $"{Claim}:Read"));

        // A link's event is read with a right on its parent, the company (API.md 7.1), though GET /network/links takes either
        // end's; a note's with its subject's; a definition's by any caller.
        Assert.That(contactReader.Select(Type), Is.EqualTo(new[] { "contact.created", "domain.created" }));
        Assert.That(companyReader.Select(Type), Is.EqualTo(new[] { "company.created", "link.created", "note.created", "domain.created" }));
        Assert.That(claimReader.Select(Type), Is.EqualTo(new[] { "record.created", "domain.created" }));
    }

    private static string Type(JsonObject e) => e["type"]!.GetValue<string>();

    private static int Version(JsonObject e) => e["version"]!.GetValue<int>();

    private static (string Type, string Id) Resource(JsonObject e) => (e["resource"]!["type"]!.GetValue<string>(), e["resource"]!["id"]!.GetValue<string>());

    private static (string Type, string Id)[] Subjects(JsonObject e) =>
        e["subjects"]!.AsArray().Select(s => (s!["type"]!.GetValue<string>(), s["id"]!.GetValue<string>())).ToArray();

    private async Task<JsonObject> SendAsync(HttpMethod method, string url, string? json, string contentType = "application/json", string? ifMatch = null)
    {
        var headers = ifMatch is null ? Array.Empty<(string, string)>() : [("If-Match", ifMatch)];
        using var response = await Client().SendAsync(Request(method, url, json is null ? null : Json(json, contentType), headers));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"{method} {url}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    private async Task<string> HeadAsync()
    {
        var page = await BodyAsync(await Client().GetAsync("/api/v1/events?after=now"));
        return page["nextCursor"]!.GetValue<string>();
    }

    /// <summary>Every event after <paramref name="cursor"/> the reader may read, following nextCursor until a page is empty.</summary>
    private async Task<List<JsonObject>> EventsAfterAsync(string cursor, HttpClient? reader = null)
    {
        var events = new List<JsonObject>();
        while (true)
        {
            var response = await (reader ?? Client()).GetAsync("/api/v1/events?limit=50&after=" + cursor);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
            var page = JsonNode.Parse(text)!.AsObject();
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            var next = page["nextCursor"]!.GetValue<string>();
            events.AddRange(items);
            if (items.Count == 0 && next == cursor)
            {
                return events;
            }

            cursor = next;
        }
    }

    /// <summary>Each event's changes are those of the matching action on <paramref name="timeline"/> (same kind, same moment and actor).</summary>
    private async Task AssertSameAsTimelineAsync(List<JsonObject> events, string timeline)
    {
        var response = await Client().GetAsync(timeline + "?limit=100");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var actions = (await BodyAsync(response))["items"]!.AsArray().Select(a => a!.AsObject()).ToList();
        foreach (var e in events)
        {
            var action = actions.FirstOrDefault(a =>
                a["kind"]!.GetValue<string>() == Type(e) && a["occurredUtc"]!.GetValue<string>() == e["occurredUtc"]!.GetValue<string>());
            Assert.That(action, Is.Not.Null, $"{Type(e)} of {e["occurredUtc"]} is not on {timeline}");
            // The same JSON value, not the same text: the feed writes the changes as the unit of work serialized them (the
            // order the aggregate recorded its fields in), the timeline reads them back from jsonb (its own order of keys).
            Assert.That(JsonNode.DeepEquals(e["changes"], action!["changes"]), Is.True,
                $"{Type(e)}: the event's changes {e["changes"]?.ToJsonString()} are the timeline's {action["changes"]?.ToJsonString()}");
        }
    }
}
