using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// Swagger UI's "Try it out" sends a body's example: every request body has one, and the API accepts every one of them
/// (issue 15). Routes are filled with a real contact and company; other ids are unknown, so 404 is an accepted answer.
/// </summary>
public sealed class RequestExampleTests : ApiTestBase
{
    private static readonly int[] Accepted = [200, 201, 204, 404];

    /// <summary>A webhook example's host (hooks.example.com) resolves on the internet, not here: the SSRF guard's DNS check is off.</summary>
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Webhooks:AllowPrivateTargets"] = "true" };

    [Test]
    public async Task Every_request_body_has_an_example_the_API_accepts()
    {
        var client = Client();
        var document = await OpenApiDocuments.ReadAsync(Anonymous());
        var contact = (await CreateContactAsync(client))["id"]!.GetValue<string>();
        var company = (await CreateCompanyAsync(client))["id"]!.GetValue<string>();
        var sent = 0;

        foreach (var (path, method, operation) in OpenApiDocuments.Operations(document))
        {
            foreach (var (contentType, media) in operation["requestBody"]?["content"]?.AsObject() ?? [])
            {
                var example = media!["example"];
                Assert.That(example, Is.Not.Null, $"{method} {path} {contentType} has no example");
                var url = path.Replace("/contacts/{id}", $"/contacts/{contact}").Replace("/companies/{id}", $"/companies/{company}");
                url = System.Text.RegularExpressions.Regex.Replace(url, "{[^}]+}", Guid.NewGuid().ToString());
                var headers = method is "patch" or "put" or "delete" ? new[] { ("If-Match", "*") } : [];

                var response = await client.SendAsync(Request(new HttpMethod(method.ToUpperInvariant()), url, Json(example!.ToJsonString(), contentType), headers));

                Assert.That(Accepted, Does.Contain((int)response.StatusCode),
                    $"{method} {path} {contentType} {example.ToJsonString()}: {await response.Content.ReadAsStringAsync()}");
                sent++;
            }
        }

        Assert.That(sent, Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public async Task The_create_contact_example_creates_a_contact()
    {
        var document = await OpenApiDocuments.ReadAsync(Anonymous());
        var example = document["paths"]!["/api/v1/network/contacts"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;

        var response = await Client().PostAsync("/api/v1/network/contacts", Json(example.ToJsonString()));

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }
}
