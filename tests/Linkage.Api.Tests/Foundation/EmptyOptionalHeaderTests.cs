using System.Net;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Foundation;

/// <summary>An optional header sent with an empty value counts as not sent (API.md 1.1), as generated clients send them.</summary>
public sealed class EmptyOptionalHeaderTests : ApiTestBase
{
    private const string Contacts = "/api/v1/network/contacts";

    [Test]
    public async Task Create_with_empty_X_Change_Origin_and_Idempotency_Key_is_an_ordinary_create()
    {
        var client = Client();

        async Task<HttpResponseMessage> CreateAsync() => await client.SendAsync(Request(HttpMethod.Post, Contacts,
            Json("""{"firstName":"Empty","lastName":"Headers"}"""), ("X-Change-Origin", ""), ("Idempotency-Key", "")));

        var first = await CreateAsync();
        var second = await CreateAsync();

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created), await second.Content.ReadAsStringAsync());
        var (one, two) = (await BodyAsync(first), await BodyAsync(second));
        Assert.That(one["changeOrigin"]!.GetValue<string>(), Is.EqualTo("api"), "the default origin");
        Assert.That(two["id"]!.GetValue<string>(), Is.Not.EqualTo(one["id"]!.GetValue<string>()), "no key, so no replay");
        Assert.That(second.Headers.Contains("Idempotent-Replayed"), Is.False);
    }
}
