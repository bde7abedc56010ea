using System.Net;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Contacts;

public sealed class ContactCreateTests : ApiTestBase
{
    private const string Contacts = "/api/v1/network/contacts";

    [Test]
    public async Task Create_answers_201_with_location_etag_and_the_contact()
    {
        var response = await Client().PostAsync(Contacts, Json("""
            {"FirstName":"Ada","lastName":"Lovelace","emails":[{"value":"ada@example.com","description":"work"}],
             "phones":[{"value":"+44 20 7946 0000"}],"customFields":{"tier":"gold","score":3.5,"vip":true,"note":null}}
            """));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await BodyAsync(response);
        var id = body["id"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"{Contacts}/{id}"));
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
            Assert.That(body["etag"]!.GetValue<string>(), Is.EqualTo("\"1\""));
            Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["fullName"]!.GetValue<string>(), Is.EqualTo("Ada Lovelace"));
            Assert.That(body["emails"]![0]!["description"]!.GetValue<string>(), Is.EqualTo("work"));
            Assert.That(body["customFields"]!["score"]!.GetValue<decimal>(), Is.EqualTo(3.5m));
            Assert.That(body["customFields"]!["vip"]!.GetValue<bool>(), Is.True);
            Assert.That(body["changeType"]!.GetValue<string>(), Is.EqualTo("Created"));
            Assert.That(body["changeOrigin"]!.GetValue<string>(), Is.EqualTo("api"));
            Assert.That(body["createdUtc"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(Guid.Parse(id).Version, Is.EqualTo(7));
        });

        var stored = await Client().GetAsync($"{Contacts}/{id}");
        var storedBody = await BodyAsync(stored);
        Assert.That(JsonNode.DeepEquals(storedBody, body), Is.True, $"{storedBody.ToJsonString()}\n{body.ToJsonString()}");
    }

    [Test]
    public async Task Create_uses_the_clock_and_records_actor_and_origin_on_the_timeline()
    {
        var at = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Factory.Clock.Freeze(at);
        try
        {
            var request = Request(HttpMethod.Post, Contacts, Json("""{"lastName":"Hopper"}"""), ("X-Change-Origin", "import-job_2"));
            var response = await Client(actor: "grace").SendAsync(request);
            var body = await BodyAsync(response);
            Assert.That(body["createdUtc"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(at.UtcDateTime));
            Assert.That(body["changeOrigin"]!.GetValue<string>(), Is.EqualTo("import-job_2"));

            var actions = await BodyAsync(await Client().GetAsync($"{Contacts}/{body["id"]}/actions"));
            var action = actions["items"]![0]!;
            Assert.Multiple(() =>
            {
                Assert.That(action["kind"]!.GetValue<string>(), Is.EqualTo("contact.created"));
                Assert.That(action["actorId"]!.GetValue<string>(), Is.EqualTo("grace"));
                Assert.That(action["changeOrigin"]!.GetValue<string>(), Is.EqualTo("import-job_2"));
                Assert.That(action["occurredUtc"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(at.UtcDateTime));
                Assert.That(action["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("contact"));
                Assert.That(action["subject"]!["id"]!.GetValue<string>(), Is.EqualTo(body["id"]!.GetValue<string>()));
            });
        }
        finally
        {
            Factory.Clock.Unfreeze();
        }
    }

    [TestCase("""{"description":"no name"}""", "firstName")]
    [TestCase("""{"firstName":"   "}""", "firstName")]
    [TestCase("""{"firstName":"A","emails":[{"value":"not-an-email"}]}""", "emails[0].value")]
    [TestCase("""{"firstName":"A","emails":[{"description":"no value"}]}""", "emails[0].value")]
    [TestCase("""{"firstName":"A","customFields":{"1bad":"x"}}""", "customFields")]
    [TestCase("""{"firstName":"A","customFields":{"nested":{"a":1}}}""", "customFields")]
    [TestCase("""{"firstName":"A","customFields":{"list":[1]}}""", "customFields")]
    public async Task Create_with_invalid_fields_answers_400_ValidationFailed_naming_the_field(string json, string field)
    {
        var response = await Client().PostAsync(Contacts, Json(json));
        var problem = await AssertProblemAsync(response, 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
    }

    [Test]
    public async Task Create_with_a_name_over_200_characters_or_21_emails_answers_400()
    {
        var longName = new string('x', 201);
        await AssertProblemAsync(await Client().PostAsync(Contacts, Json($$"""{"firstName":"{{longName}}"}""")), 400, "ValidationFailed");
        var emails = string.Join(',', Enumerable.Range(0, 21).Select(i => $$"""{"value":"a{{i}}@example.com"}"""));
        await AssertProblemAsync(await Client().PostAsync(Contacts, Json($$"""{"firstName":"A","emails":[{{emails}}]}""")), 400, "ValidationFailed");
    }

    [TestCase("""{"firstName":"Ada","nickname":"x"}""", Description = "unknown property")]
    [TestCase("""{"firstName":"Ada","idempotencyKey":"k-1"}""", Description = "a member only a header sets")]
    [TestCase("""{"firstName":42}""", Description = "wrong type")]
    [TestCase("""{"firstName":"Ada",""", Description = "malformed")]
    [TestCase("""["firstName"]""", Description = "array body")]
    [TestCase("null", Description = "null body")]
    [TestCase("", Description = "empty body")]
    [TestCase("""{"firstName":"Ada","firstName":"Eve"}""", Description = "duplicate property")]
    [TestCase("""{"firstName":"Ada","emails":"ada@example.com"}""", Description = "string for a list")]
    public async Task Bad_json_answers_400_ValidationFailed_and_creates_nothing(string json)
    {
        var response = await Client(TenantB).PostAsync(Contacts, Json(json));
        await AssertProblemAsync(response, 400, "ValidationFailed");
        await using var db = Factory.OpenDb(TenantB);
        Assert.That(await db.Contacts.IgnoreQueryFilters().CountAsync(c => c.TenantId == TenantB), Is.Zero);
    }

    [Test]
    public async Task Create_with_text_plain_answers_415_UnsupportedMediaType()
    {
        var response = await Client().PostAsync(Contacts, Json("""{"firstName":"Ada"}""", "text/plain"));
        await AssertProblemAsync(response, 415, "UnsupportedMediaType");
    }

    [Test]
    public async Task Create_with_a_body_over_256_KiB_answers_413_PayloadTooLarge()
    {
        var huge = $$"""{"firstName":"Ada","description":"{{new string('x', 300 * 1024)}}"}""";
        var response = await Client().PostAsync(Contacts, Json(huge));
        await AssertProblemAsync(response, 413, "PayloadTooLarge");
    }

    [Test]
    public async Task Invalid_X_Change_Origin_answers_400_and_changes_nothing()
    {
        var request = Request(HttpMethod.Post, Contacts, Json("""{"firstName":"Origin"}"""), ("X-Change-Origin", "Not Valid!"));
        var problem = await AssertProblemAsync(await Client().SendAsync(request), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().ContainsKey("X-Change-Origin"), Is.True);
        var list = await BodyAsync(await Client().GetAsync($"{Contacts}?q=origin"));
        Assert.That(list["items"]!.AsArray(), Is.Empty);
    }

    [TestCase("""{"firstName":"Nul","description":"a\u0000b"}""")]
    [TestCase("""{"firstName":"Nul","customFields":{"k":"a\u0000b"}}""")]
    public async Task Text_with_a_NUL_character_answers_400_and_creates_nothing(string json)
    {
        var response = await Client("tenant-nul").PostAsync(Contacts, Json(json));
        await AssertProblemAsync(response, 400, "ValidationFailed");
        await using var db = Factory.OpenDb("tenant-nul");
        Assert.That(await db.Contacts.CountAsync(), Is.Zero);
        await AssertProblemAsync(await Client("tenant-nul").GetAsync($"{Contacts}?q=a%00b"), 400, "ValidationFailed");
    }
}
