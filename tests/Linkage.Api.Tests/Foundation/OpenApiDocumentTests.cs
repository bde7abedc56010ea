using System.Text.Json.Nodes;
using Linkage.Api.Problems;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Foundation;

/// <summary>The served OpenAPI document describes the contract's conventions on every operation (API.md 1.8).</summary>
public sealed class OpenApiDocumentTests : ApiTestBase
{
    private const string ProblemRef = "#/components/schemas/ProblemDetails";
    private static readonly string[] ProblemsEverywhere = ["400", "401", "403", "404", "500", "503"];

    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocumentAsync() => _document = await OpenApiDocuments.ReadAsync(Anonymous());

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() => OpenApiDocuments.Operations(_document);

    private JsonObject Operation(string path, string method) => _document["paths"]![path]![method]!.AsObject();

    [Test]
    public void Operation_ids_are_controller_underscore_action_and_unique()
    {
        var ids = Operations().Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();

        Assert.That(ids, Has.All.Match("^[A-Z][A-Za-z]+_[A-Z][A-Za-z]+$"));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.SupersetOf(new[]
        {
            "Contacts_CreateContact", "Contacts_GetContact", "Contacts_ListContacts", "Contacts_DeleteContact", "Contacts_ListContactActions",
            "Companies_CreateCompany", "Companies_GetCompany", "Companies_ListCompanies", "Companies_DeleteCompany", "Companies_ListCompanyActions",
        }));
    }

    [TestCase("/api/v1/network/contacts/{id}")]
    [TestCase("/api/v1/network/companies/{id}")]
    public void Delete_requires_If_Match_and_answers_204_412_and_428(string path)
    {
        var delete = Operation(path, "delete");

        Assert.That(OpenApiDocuments.Header(delete, "If-Match")?["required"]?.GetValue<bool>(), Is.True);
        Assert.That(OpenApiDocuments.Header(delete, "X-Change-Origin")?["required"]?.GetValue<bool>() ?? false, Is.False);
        Assert.That(OpenApiDocuments.Header(delete, "X-Change-Origin")!["schema"]!["pattern"]!.GetValue<string>(), Is.EqualTo("^[a-z0-9_-]{1,50}$"));
        Assert.That(delete["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "204", "412", "428" }));
        Assert.That(delete["responses"]!["412"]!["headers"]!["ETag"], Is.Not.Null);
    }

    [TestCase("/api/v1/network/contacts")]
    [TestCase("/api/v1/network/companies")]
    public void Create_accepts_Idempotency_Key_and_answers_201_with_Location_ETag_and_replay_header(string path)
    {
        var create = Operation(path, "post");

        var key = OpenApiDocuments.Header(create, "Idempotency-Key")!;
        Assert.That(key["required"]?.GetValue<bool>() ?? false, Is.False);
        Assert.That(key["schema"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(255));
        Assert.That(OpenApiDocuments.Header(create, "X-Change-Origin"), Is.Not.Null);
        var created = create["responses"]!["201"]!;
        Assert.That(created["headers"]!.AsObject().Select(h => h.Key), Is.EquivalentTo(new[]
        {
            "Location", "ETag", "Idempotent-Replayed", "X-Content-Type-Options", "Cache-Control", "RateLimit-Policy", "RateLimit",
        }));
        Assert.That(create["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "409", "413", "415", "422" }));
    }

    [Test]
    public void Every_api_operation_declares_429_RateLimited_and_the_rate_limit_headers_of_every_answer()
    {
        var apiOperations = Operations().Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.That(apiOperations, Is.Not.Empty);
        foreach (var (path, method, operation) in apiOperations)
        {
            var responses = operation["responses"]!.AsObject();
            Assert.That(responses["429"]?["headers"]?.AsObject().Select(h => h.Key),
                Is.SupersetOf(new[] { "Retry-After", "RateLimit-Policy", "RateLimit" }), $"{method} {path}");
            Assert.That(responses["429"]!["description"]!.GetValue<string>(), Does.Contain("RateLimited"), $"{method} {path}");
            foreach (var answer in responses)
            {
                Assert.That(answer.Value!["headers"]?.AsObject().Select(h => h.Key), Is.SupersetOf(new[] { "RateLimit-Policy", "RateLimit" }),
                    $"{method} {path} {answer.Key}");
            }
        }
    }

    [Test]
    public void Single_reads_take_If_None_Match_and_answer_304_while_lists_do_not()
    {
        // The event stream (API.md 7.2) answers text/event-stream, not a resource or a page.
        foreach (var (path, method, operation) in Operations().Where(o => o.Method == "get" && o.Operation["responses"]!["200"]!["content"]!["application/json"] is not null))
        {
            var body = operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
            var answersPage = body.Contains("/PageOf", StringComparison.Ordinal);
            var single = path.EndsWith('}') && !answersPage;
            Assert.That(OpenApiDocuments.Header(operation, "If-None-Match") is not null, Is.EqualTo(single), path);
            Assert.That(operation["responses"]!["304"] is not null, Is.EqualTo(single), path);
            Assert.That(OpenApiDocuments.Header(operation, "X-Change-Origin"), Is.Null, $"a read records no change: {path}");
        }
    }

    [Test]
    public void Every_operation_declares_its_problem_responses_with_the_ProblemDetails_schema()
    {
        foreach (var (path, method, operation) in Operations())
        {
            var responses = operation["responses"]!.AsObject();
            Assert.That(responses.Select(r => r.Key), Is.SupersetOf(ProblemsEverywhere), $"{method} {path}");
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var schema = response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
                Assert.That(schema, Is.EqualTo(ProblemRef), $"{method} {path} {status}");
            }
        }
    }

    [Test]
    public void ProblemDetails_has_the_contract_fields_and_every_catalog_code()
    {
        var schemas = _document["components"]!["schemas"]!;
        var problem = schemas["ProblemDetails"]!;

        Assert.That(problem["properties"]!.AsObject().Select(p => p.Key),
            Is.EquivalentTo(new[] { "type", "title", "status", "detail", "instance", "traceId", "code", "errors", "existingId", "candidates" }));
        Assert.That(problem["additionalProperties"]?.GetValue<bool>(), Is.False, "every extension member a problem carries is described");
        Assert.That(problem["required"]!.AsArray().Select(r => r!.GetValue<string>()), Does.Contain("code").And.Contain("traceId"));
        Assert.That(problem["properties"]!["code"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/ProblemCode"));
        var codes = schemas["ProblemCode"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>());
        Assert.That(codes, Is.EquivalentTo(ProblemCatalog.All.Select(k => k.Code)));
    }

    [Test]
    public void Every_operation_requires_the_bearer_scheme()
    {
        var scheme = _document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.That(scheme["type"]!.GetValue<string>(), Is.EqualTo("http"));
        Assert.That(scheme["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
        Assert.That(scheme["bearerFormat"]!.GetValue<string>(), Is.EqualTo("JWT"));
        foreach (var (path, method, operation) in Operations())
        {
            var requirements = operation["security"]?.AsArray().Select(s => s!.AsObject().Select(p => p.Key).Single());
            Assert.That(requirements, Is.EqualTo(new[] { "Bearer" }), $"{method} {path}");
        }
    }

    [Test]
    public void Enums_are_described_as_the_strings_the_API_writes()
    {
        var changeType = _document["components"]!["schemas"]!["ChangeType"]!;

        Assert.That(changeType["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(changeType["enum"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "Created", "Updated", "Deleted" }));
    }

    [Test]
    public void Resource_properties_that_are_always_present_are_required()
    {
        var contact = _document["components"]!["schemas"]!["ContactView"]!;
        var required = contact["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

        Assert.That(required, Is.SupersetOf(new[] { "id", "fullName", "version", "etag", "changeType", "changeOrigin", "createdUtc" }));
        Assert.That(required, Has.None.EqualTo("firstName").And.None.EqualTo("deletedUtc"));
    }
}
