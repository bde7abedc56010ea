using System.Net;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.TypedLinks;

/// <summary>A link as a document (API.md 6): its shape, its composite key, its ends' labels, its lists.</summary>
public sealed class TypedLinkDocumentTests : TypedLinkTestBase
{
    [Test]
    public async Task The_document_has_the_seeds_shape_and_masks_restricted_fields()
    {
        var (linkId, claim, contact) = await TypedLinkAsync();

        var response = await Client().GetAsync($"/api/v1/links/{linkId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var link = await BodyAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
            Assert.That(link["id"]!.GetValue<string>(), Is.EqualTo(linkId));
            Assert.That(link["compositeId"]!.GetValue<string>(), Is.EqualTo($"{Relationship}|_|{Claim}|_|Contact|_|{claim}|_|{contact}"));
            Assert.That(link["relationshipTypeName"]!.GetValue<string>(), Is.EqualTo(Relationship));
            Assert.That(link["relationshipTypeVersion"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(link["relationshipTypeLabel"]!.GetValue<string>(), Is.EqualTo("Witnessed by"));
            Assert.That(link["displayLabel"], Is.Null);
            Assert.That((link["fromObjectTypeName"]!.GetValue<string>(), link["fromObjectId"]!.GetValue<string>()), Is.EqualTo((Claim, claim)));
            Assert.That((link["toObjectTypeName"]!.GetValue<string>(), link["toObjectId"]!.GetValue<string>()), Is.EqualTo(("Contact", contact)));
            Assert.That(link.ContainsKey("fromObjectDisplayLabel"), Is.False, "labels only on request");
            Assert.That(link["fieldValues"]!.ToJsonString(), Is.EqualTo("""{"note":"seen"}"""));
            Assert.That(link["restrictedFields"]!.ToJsonString(), Is.EqualTo("""{"ssn":{"masked":{"currentUserIsAuthorizedToReveal":true}}}"""));
            Assert.That(link["createdAt"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(link["lastUpdatedAt"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That((link["version"]!.GetValue<int>(), link["etag"]!.GetValue<string>()), Is.EqualTo((2, "\"2\"")));
        });
    }

    [Test]
    public async Task A_composite_key_names_the_same_link_as_its_id_and_a_bad_one_is_400_or_404()
    {
        var (linkId, claim, contact) = await TypedLinkAsync(withSecret: false);
        var composite = $"{Relationship}|_|{Claim}|_|Contact|_|{claim}|_|{contact}";

        var byKey = await GetLinkAsync(Uri.EscapeDataString(composite));

        Assert.That(JsonNode.DeepEquals(byKey, await GetLinkAsync(linkId)), Is.True);
        Assert.That(byKey["compositeId"]!.GetValue<string>(), Is.EqualTo(composite), "the key round-trips, underscores and all");
        var patched = await PatchLinkAsync(composite.Replace("|", "%7C"), """[{"op":"replace","path":"/displayLabel","value":"By key"}]""", "1");
        Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patched.Content.ReadAsStringAsync());

        await AssertProblemAsync(await Client().GetAsync($"/api/v1/links/{Uri.EscapeDataString($"{Relationship}|_|{Claim}|_|{claim}")}"), 400, "ValidationFailed");
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/links/{Uri.EscapeDataString($"{Relationship}|_|{Claim}|_|Contact|_|{claim}|_|not-a-guid")}"), 400, "ValidationFailed");
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/links/{Uri.EscapeDataString($"{Relationship}|_|{Claim}|_|Contact|_|{contact}|_|{claim}")}"), 404, "NotFound");
        await AssertProblemAsync(await Client(TenantB).GetAsync($"/api/v1/links/{linkId}"), 404, "NotFound");
    }

    [Test]
    public async Task Entity_labels_are_computed_in_the_same_statement()
    {
        var (linkId, claim, _) = await TypedLinkAsync(withSecret: false);
        var number = (await BodyAsync(await Client().GetAsync($"/api/v1/records/{Claim}/{claim}")))["fields"]!["claimNumber"]!.GetValue<string>();

        JsonObject link;
        using (Factory.Sql.Record())
        {
            link = await GetLinkAsync(linkId, "?includeEntityLabels=true");
        }

        Assert.That(link["fromObjectDisplayLabel"]!.GetValue<string>(), Is.EqualTo(number), "a record's first text field");
        Assert.That(link["toObjectDisplayLabel"]!.GetValue<string>(), Is.EqualTo("Grace Hopper"), "a contact's full name");
        Assert.That(Factory.Sql.Recorded, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.Sql.Recorded));
    }

    [Test]
    public async Task A_records_links_and_a_contacts_record_links_are_keyset_paged_with_labels_in_one_statement()
    {
        var (first, claim, contact) = await TypedLinkAsync(withSecret: false);
        var second = await UpsertAsync(new JsonObject
        {
            ["parentDomain"] = Claim, ["parentRecordId"] = claim, ["childDomain"] = "Contact", ["childRecordId"] = Id(await CreateContactAsync(Client())),
        });
        var company = Id(await CreateCompanyAsync(Client()));
        await Client().PostAsync("/api/v1/network/links", Json(new JsonObject { ["contactId"] = contact, ["companyId"] = company }.ToJsonString()));

        var page1 = await BodyAsync(await Client().GetAsync($"/api/v1/records/{Claim}/{claim}/links?limit=1"));
        JsonObject page2;
        using (Factory.Sql.Record())
        {
            page2 = await BodyAsync(await Client().GetAsync($"/api/v1/records/{Claim}/{claim}/links?limit=1&includeEntityLabels=true&cursor={page1["nextCursor"]!.GetValue<string>()}"));
        }

        Assert.That(page1["items"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(first));
        Assert.That(page2["items"]![0]!["id"]!.GetValue<string>(), Is.EqualTo((await BodyAsync(second))["linkId"]!.GetValue<string>()));
        Assert.That(page2["nextCursor"], Is.Null);
        Assert.That(Factory.Sql.Recorded, Has.Count.EqualTo(2), "the record's existence, then the page with its labels");
        var recordLinks = await BodyAsync(await Client().GetAsync($"/api/v1/network/contacts/{contact}/record-links"));
        Assert.That(recordLinks["items"]!.AsArray().Select(l => l!["id"]!.GetValue<string>()), Is.EqualTo(new[] { first }), "not the company's link");
        var withoutClaimRights = await BodyAsync(await Client(permissions: "Contact:Read").GetAsync($"/api/v1/network/contacts/{contact}/record-links"));
        Assert.That(withoutClaimRights["items"]!.AsArray(), Is.Empty, "a link whose parent the caller may not read is not listed");
    }

    [Test]
    public async Task Reading_needs_read_on_the_parents_domain_and_delete_needs_if_match_and_the_attach_right()
    {
        var (linkId, _, _) = await TypedLinkAsync(withSecret: false);
        await AssertProblemAsync(await Client(permissions: "Contact:Read").GetAsync($"/api/v1/links/{linkId}"), 403, "Forbidden");
        Assert.That((await Caller("Read").GetAsync($"/api/v1/links/{linkId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/network/links/{linkId}"), 404, "NotFound");

        await AssertProblemAsync(await Client().DeleteAsync($"/api/v1/links/{linkId}"), 428, "PreconditionRequired");
        await AssertProblemAsync(await Caller("Edit").SendAsync(Request(HttpMethod.Delete, $"/api/v1/links/{linkId}", null, ("If-Match", "1"))), 403, "Forbidden");
        var deleted = await Caller("AttachContacts").SendAsync(Request(HttpMethod.Delete, $"/api/v1/links/{linkId}", null, ("If-Match", "1")));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/links/{linkId}"), 404, "NotFound");
    }
}
