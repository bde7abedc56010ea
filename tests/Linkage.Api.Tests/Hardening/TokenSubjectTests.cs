using System.Net.Http.Headers;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Hardening;

/// <summary>
/// <c>sub</c> and <c>tid</c> are each one string of 1..128 printable ASCII characters without spaces (API.md 1.2): any
/// other shape is 401, and no token, header or path can forge a line of the log (issue 23: an array's first value became
/// the tenant, a number the tenant <c>123</c>, and a line feed in <c>tid</c> a forged log line).
/// </summary>
public sealed class TokenSubjectTests : ApiTestBase
{
    private const string Forged = "[12:00:00 ERR] forged entry";

    /// <summary>Debug: the forged-line test searches everything the API logged.</summary>
    protected override string LogLevel => "Debug";

    private static IEnumerable<TestCaseData> BadSubjects()
    {
        foreach (var (claim, other) in new[] { ("tid", "sub"), ("sub", "tid") })
        {
            yield return Case(claim, other, new[] { TenantA, TenantB }, "an array");
            yield return Case(claim, other, new[] { TenantA }, "an array of one");
            yield return Case(claim, other, 123, "a number");
            yield return Case(claim, other, new Dictionary<string, object> { ["id"] = TenantA }, "an object");
            yield return Case(claim, other, true, "a boolean");
            yield return Case(claim, other, "", "empty");
            yield return Case(claim, other, TenantA + "\n" + Forged, "a line feed");
            yield return Case(claim, other, "tenant\u0001a", "a control character");
            yield return Case(claim, other, "tenant a", "a space");
            yield return Case(claim, other, "tenant-é", "a character past ASCII");
            yield return Case(claim, other, new string('t', 129), "129 characters");
        }

        static TestCaseData Case(string claim, string other, object value, string what) =>
            new TestCaseData(new Dictionary<string, object> { [claim] = value, [other] = "fine", ["perm"] = new[] { "*:*" } })
                .SetName($"A token whose {claim} is {what} answers 401");
    }

    [TestCaseSource(nameof(BadSubjects))]
    public async Task A_token_whose_sub_or_tid_is_not_one_printable_string_answers_401(Dictionary<string, object> claims)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.WithClaims(claims));

        var response = await client.GetAsync("/api/v1/network/contacts");

        await AssertProblemAsync(response, 401, "Unauthenticated");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [TestCase("""{"sub":"x","tid":"tenant-a","tid":"tenant-b","perm":["*:*"]}""", TestName = "A token naming tid twice answers 401")]
    [TestCase("""{"sub":"x","sub":["y"],"tid":"tenant-a","perm":["*:*"]}""", TestName = "A token naming sub twice answers 401")]
    public async Task A_token_whose_payload_names_a_claim_twice_answers_401(string payload)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.SignedPayload(payload));

        await AssertProblemAsync(await client.GetAsync("/api/v1/network/contacts"), 401, "Unauthenticated");
    }

    [Test]
    public async Task A_hand_signed_token_of_the_same_shape_is_accepted()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.SignedPayload("""{"sub":"x","tid":"tenant-a","perm":["*:*"]}"""));

        Assert.That((int)(await client.GetAsync("/api/v1/network/contacts")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_token_whose_sub_and_tid_are_128_printable_characters_is_accepted()
    {
        var client = Anonymous();
        var tenant = new string('t', 127) + "~";
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.WithClaims(
            new Dictionary<string, object> { ["sub"] = "!" + new string('s', 127), ["tid"] = tenant, ["perm"] = new[] { "*:*" } }));

        var response = await client.PostAsync("/api/v1/network/contacts", Json("""{"firstName":"Ada"}"""));

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task No_log_line_can_be_forged_by_a_path_a_header_or_a_claim()
    {
        var client = Client();
        await client.GetAsync("/api/v1/nowhere%0A" + Uri.EscapeDataString(Forged));
        await client.SendAsync(Request(HttpMethod.Post, "/api/v1/network/contacts", Json("""{"firstName":"Ada"}"""), ("X-Change-Origin", "web\n" + Forged)));
        var forgedTenant = Anonymous();
        forgedTenant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.WithClaims(
            new Dictionary<string, object> { ["sub"] = "x", ["tid"] = "t\n" + Forged, ["perm"] = new[] { "*:*" } }));
        await forgedTenant.GetAsync("/api/v1/network/contacts");

        var lines = Factory.Logs.Lines;
        Assert.That(lines, Has.None.Contain("\n" + Forged), string.Join("\n---\n", lines.Where(l => l.Contains(Forged, StringComparison.Ordinal))));
        Assert.That(lines, Has.Some.Contain("nowhere\\u000a" + Forged), "the path is logged, escaped");
    }
}
