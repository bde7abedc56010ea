using System.Net;
using System.Text;
using Linkage.Chaos.Http;

namespace Linkage.Chaos.Tests;

/// <summary>
/// Who wrote a 5xx: a replica's problem carries a traceId; the proxy's own answers do not, its 503 Unavailable with
/// Retry-After (deploy/haproxy.cfg) included, so the server-errors invariant judges each by its own rule.
/// </summary>
public sealed class AnswerTests
{
    [Test]
    public void A_503_problem_with_a_traceId_is_the_APIs()
    {
        var op = Answer503("""{"status":503,"code":"Unavailable","traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}""");

        Assert.That((op.Source, op.Code, op.RetryAfter), Is.EqualTo(("api", "Unavailable", true)));
    }

    [Test]
    public void The_proxys_503_problem_without_a_traceId_is_the_proxys()
    {
        var op = Answer503("""{"status":503,"code":"Unavailable","detail":"No API replica is ready to take the request; try again shortly."}""");

        Assert.That((op.Source, op.Code, op.RetryAfter), Is.EqualTo(("proxy", "Unavailable", true)));
    }

    private static History.Op Answer503(string body)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/problem+json"),
        };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        return Answer.From(response, body, invoked: 1.0, completed: 1.2).ToOp("p1", "create-contact", target: null, key: null);
    }
}
