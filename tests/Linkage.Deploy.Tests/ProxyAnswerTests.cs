using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Linkage.Deploy.Tests;

/// <summary>
/// The proxy's own 503 (deploy/haproxy.cfg: no replica ready, so the request reached none) keeps API.md 1.8 as the API's
/// 503 does: a problem with code Unavailable and a Retry-After in seconds, which a client retries with its Idempotency-Key.
/// The body is JSON escaped inside HAProxy's configuration, so it is parsed here: a stray quote would break it silently.
/// </summary>
public sealed class ProxyAnswerTests
{
    private static readonly Match Rule = Regex.Match(
        File.ReadAllText(DeployFiles.Path("haproxy.cfg")),
        @"^\s*http-error status 503 content-type ""application/problem\+json""(?<headers>( hdr [\w-]+ \S+)+) string ""(?<body>(\\.|[^""\\])*)""\s*$",
        RegexOptions.Multiline);

    [Test]
    public void The_proxys_503_is_a_problem_with_code_Unavailable()
    {
        Assert.That(Rule.Success, Is.True, "haproxy.cfg has an http-error rule for 503 with a problem+json string body");
        var body = JsonNode.Parse(Regex.Replace(Rule.Groups["body"].Value, @"\\(.)", "$1"))!.AsObject();

        Assert.That((string?)body["code"], Is.EqualTo("Unavailable"));
        Assert.That((int?)body["status"], Is.EqualTo(503));
        Assert.That((string?)body["type"], Is.EqualTo("urn:linkage:problem:Unavailable"), "the API's type for the code (ProblemCatalog)");
        Assert.That(body.ContainsKey("traceId"), Is.False, "no traceId: how the chaos checker tells the proxy's answer from a replica's");
    }

    [Test]
    public void The_proxys_503_says_when_to_retry()
    {
        var headers = Regex.Matches(Rule.Groups["headers"].Value, @"hdr ([\w-]+) (\S+)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.That(int.TryParse(headers.GetValueOrDefault("Retry-After"), out var seconds) && seconds > 0, Is.True, "Retry-After in seconds");
        Assert.That(headers.GetValueOrDefault("Cache-Control"), Is.EqualTo("no-store"));
    }
}
