using System.Net;
using System.Net.Http.Headers;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Foundation;

public sealed class AuthenticationTests : ApiTestBase
{
    private const string Contacts = "/api/v1/network/contacts";

    private static IEnumerable<TestCaseData> BadTokens()
    {
        yield return new TestCaseData(null).SetName("Missing_token_answers_401");
        yield return new TestCaseData(TestTokens.Create(TenantA, "x", ["*:*"], DateTime.UtcNow.AddMinutes(-5))).SetName("Expired_token_answers_401");
        yield return new TestCaseData(TestTokens.Tampered(TenantA, TenantB)).SetName("Tampered_token_answers_401");
        yield return new TestCaseData(TestTokens.Unsigned(TenantA)).SetName("Unsigned_alg_none_token_answers_401");
        yield return new TestCaseData(TestTokens.Create(TenantA, "x", ["*:*"], DateTime.UtcNow.AddHours(1), key: "another-key-that-is-long-enough-0123456789"))
            .SetName("Token_signed_with_another_key_answers_401");
        yield return new TestCaseData("not.a.jwt").SetName("Garbage_token_answers_401");
        yield return new TestCaseData(TestTokens.Create(string.Empty, "x", ["*:*"], DateTime.UtcNow.AddHours(1))).SetName("Token_without_tenant_answers_401");
    }

    [TestCaseSource(nameof(BadTokens))]
    public async Task Bad_or_missing_token_answers_401_problem_with_WWW_Authenticate(string? token)
    {
        var client = Anonymous();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.GetAsync(Contacts);
        await AssertProblemAsync(response, 401, "Unauthenticated");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [Test]
    public async Task Missing_permission_answers_403_naming_it_and_creates_nothing()
    {
        var reader = Client(TenantA, "reader", "Contact:Read");
        var problem = await AssertProblemAsync(await reader.PostAsync(Contacts, Json("""{"firstName":"Nope"}""")), 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Contact:Edit"));
        var list = await BodyAsync(await reader.GetAsync($"{Contacts}?q=nope"));
        Assert.That(list["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Wildcard_permissions_grant_what_they_cover_and_nothing_else()
    {
        var contactsOnly = Client(TenantA, "c", "Contact:*");
        Assert.That((await contactsOnly.PostAsync(Contacts, Json("""{"firstName":"Wild"}"""))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await AssertProblemAsync(await contactsOnly.GetAsync("/api/v1/network/companies"), 403, "Forbidden");

        var readAll = Client(TenantA, "r", "*:Read");
        Assert.That((await readAll.GetAsync("/api/v1/network/companies")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertProblemAsync(await readAll.PostAsync("/api/v1/network/companies", Json("""{"name":"X"}""")), 403, "Forbidden");
    }

    [Test]
    public async Task Health_and_openapi_need_no_token()
    {
        Assert.That((await Anonymous().GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Anonymous().GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var openApi = await Anonymous().GetAsync("/openapi/v1.json");
        Assert.That(openApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await openApi.Content.ReadAsStringAsync(), Does.Contain("/api/v1/network/contacts"));
        Assert.That((await Anonymous().GetAsync("/swagger/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
