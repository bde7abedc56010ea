using System.Security.Cryptography;
using System.Text;
using Linkage.Domain.Webhooks;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Linkage.Api.Tests.Webhooks;

/// <summary>Our Standard Webhooks signature, checked with the reference implementation (NuGet StandardWebhooks 1.1.2).</summary>
public sealed class WebhookSignatureTests
{
    [Test]
    public void A_signature_verifies_with_the_reference_library_and_a_changed_body_does_not()
    {
        var secret = WebhookSecret.New();
        var body = """{"type":"contact.updated","data":{"name":"Åsa"}}""";
        var headers = Headers([secret], "msg_1", body);

        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(body, headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(body.Replace("Åsa", "Asa"), headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSecret.New()).Verify(body, headers));
    }

    [Test]
    public void Our_signature_is_the_reference_librarys_for_the_same_id_time_and_body()
    {
        var secret = WebhookSecret.New();
        var at = DateTimeOffset.UtcNow;
        var body = """{"a":1}""";

        Assert.That(WebhookSignature.Sign([secret], "msg_2", at.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body)),
            Is.EqualTo(new StandardWebhook(secret).Sign("msg_2", at, body)));
    }

    [Test]
    public void During_a_rotation_the_header_carries_the_current_signature_first_and_each_verifies_with_its_secret()
    {
        var current = WebhookSecret.New();
        var previous = WebhookSecret.New();
        var body = """{"a":1}""";
        var headers = Headers([current, previous], "msg_3", body);
        var signatures = headers["webhook-signature"].ToString().Split(' ');

        Assert.That(signatures, Has.Length.EqualTo(2));
        Assert.DoesNotThrow(() => new StandardWebhook(current).Verify(body, headers));
        Assert.DoesNotThrow(() => new StandardWebhook(current).Verify(body, With(headers, signatures[0])));
        Assert.DoesNotThrow(() => new StandardWebhook(previous).Verify(body, With(headers, signatures[1])));
    }

    /// <summary>
    /// The NuGet package (1.1.2) compares only the first signature of a header, where the spec and the npm reference
    /// (<c>standardwebhooks</c>, the client's tests) accept any: a C# receiver still on the previous secret during a rotation
    /// verifies with the README's few lines instead. This test fails once the package accepts any signature, so the README
    /// can drop the note.
    /// </summary>
    [Test]
    public void The_nuget_reference_package_checks_only_the_first_signature_of_a_header()
    {
        var current = WebhookSecret.New();
        var previous = WebhookSecret.New();
        var body = """{"a":1}""";

        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(previous).Verify(body, Headers([current, previous], "msg_4", body)));
        Assert.DoesNotThrow(() => new StandardWebhook(previous).Verify(body, Headers([previous, current], "msg_4", body)));
    }

    [Test]
    public void The_readmes_few_lines_verify_either_signature_of_a_rotation_and_refuse_a_changed_body_or_an_old_timestamp()
    {
        var current = WebhookSecret.New();
        var previous = WebhookSecret.New();
        var body = Encoding.UTF8.GetBytes("""{"a":1}""");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signatures = WebhookSignature.Sign([current, previous], "msg_5", long.Parse(now), body);

        Assert.That(ReadmeVerify(current, "msg_5", now, signatures, body), Is.True);
        Assert.That(ReadmeVerify(previous, "msg_5", now, signatures, body), Is.True);
        Assert.That(ReadmeVerify(WebhookSecret.New(), "msg_5", now, signatures, body), Is.False);
        Assert.That(ReadmeVerify(current, "msg_5", now, signatures, Encoding.UTF8.GetBytes("""{"a": 1}""")), Is.False);
        var old = (long.Parse(now) - 600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(ReadmeVerify(current, "msg_5", old, WebhookSignature.Sign([current], "msg_5", long.Parse(old), body), body), Is.False);
    }

    // README.md, "Verifying a delivery", as written there.
    private static bool ReadmeVerify(string secret, string id, string timestamp, string signatures, byte[] body)
    {
        if (!long.TryParse(timestamp, out var at) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - at) > 300) return false;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray())));
        return signatures.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)));
    }

    private static HeaderDictionary With(HeaderDictionary headers, string signature) => new()
    {
        ["webhook-id"] = headers["webhook-id"],
        ["webhook-timestamp"] = headers["webhook-timestamp"],
        ["webhook-signature"] = signature,
    };

    private static HeaderDictionary Headers(IReadOnlyList<string> secrets, string id, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new HeaderDictionary
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSignature.Sign(secrets, id, timestamp, Encoding.UTF8.GetBytes(body)),
        };
    }
}
