using System.Net;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Records;

/// <summary>
/// An upsert's key matches only the caller's tenant's records (API.md 1.2, 5.4): when two tenants hold records with the same
/// match values, each links its own, and no answer names the other tenant's ids. A lookup that left the tenant out would
/// answer 409 AmbiguousMatch listing the other tenant's record.
/// </summary>
public sealed class UpsertLinkTenantTests : UpsertTestBase
{
    [Test]
    public async Task Tenants_with_the_same_match_values_each_link_their_own_records_and_no_answer_names_the_others_ids()
    {
        var number = $"C-SAME-{Guid.NewGuid():N}"[..20];
        var email = $"same-{Guid.NewGuid():N}@example.com";
        await DefineDomainAsync(Claim, client: Client(TenantB));
        var claimOfA = await NewClaimAsync(number);
        var contactOfA = await NewContactAsync(email);
        var claimOfB = Id(await CreateRecordAsync(Claim, new JsonObject { ["claimNumber"] = number }, Client(TenantB)));
        var contactOfB = Id(await CreateContactAsync(Client(TenantB), email: email));
        var byKeys = new JsonObject
        {
            ["parentDomain"] = Claim, ["parentRecordKey"] = number, ["parentRecordMatchField"] = "claimNumber",
            ["childDomain"] = "Contact", ["childRecordKey"] = email, ["childRecordMatchField"] = "email",
        };

        var madeByB = await UpsertAsync(byKeys, Client(TenantB));
        var foundByB = await UpsertAsync(byKeys, Client(TenantB));
        var madeByA = await UpsertAsync(byKeys);

        Assert.That((madeByB.StatusCode, foundByB.StatusCode, madeByA.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created)),
            await madeByB.Content.ReadAsStringAsync());
        foreach (var answer in new[] { madeByB, foundByB })
        {
            var text = await answer.Content.ReadAsStringAsync();
            Assert.That(text, Does.Not.Contain(claimOfA).And.Not.Contain(contactOfA), "an answer to tenant B named tenant A's records");
            var body = JsonNode.Parse(text)!;
            Assert.That((body["parentId"]!.GetValue<string>(), body["childId"]!.GetValue<string>()), Is.EqualTo((claimOfB, contactOfB)));
        }

        var bodyOfA = await BodyAsync(madeByA);
        Assert.That((bodyOfA["parentId"]!.GetValue<string>(), bodyOfA["childId"]!.GetValue<string>()), Is.EqualTo((claimOfA, contactOfA)));
        Assert.That(bodyOfA["linkId"]!.GetValue<string>(), Is.Not.EqualTo((await BodyAsync(madeByB))["linkId"]!.GetValue<string>()));
    }
}
