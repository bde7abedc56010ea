using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Api.Http;
using Linkage.Api.Operations.OpenApi;
using Linkage.Api.Tests.Support;
using Linkage.Application.Contacts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// Endpoints other branches are adding (PATCH with JSON Patch / Merge Patch, nested resources) are
/// described by the conventions alone: probed with a test-only controller. Also the DB-free export.
/// </summary>
public sealed class OpenApiConventionTests : ApiTestBase
{
    private WebApplicationFactory<Program> _withProbe = null!;
    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocumentWithProbeAsync()
    {
        _withProbe = Factory.WithTestControllers();
        _document = await OpenApiDocuments.ReadAsync(_withProbe.CreateClient());
    }

    [OneTimeTearDown]
    public async Task DisposeProbeAsync() => await _withProbe.DisposeAsync();

    private JsonObject Operation(string path) => _document["paths"]![path]!["patch"]!.AsObject();

    [Test]
    public void Patch_consuming_three_content_types_documents_all_three_with_their_schemas()
    {
        var content = Operation("/api/v1/convention-probe/{id}")["requestBody"]!["content"]!.AsObject();

        Assert.That(content.Select(c => c.Key), Is.EqualTo(new[] { "application/json", "application/json-patch+json", "application/merge-patch+json" }));
        Assert.That(content["application/json-patch+json"]!["schema"]!["type"]!.GetValue<string>(), Is.EqualTo("array"));
        Assert.That(content["application/json-patch+json"]!["schema"]!["items"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/JsonPatchOperation"));
        Assert.That(content["application/merge-patch+json"]!["schema"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/ContactViewMergePatch"),
            "a Merge Patch is typed from the resource the PATCH answers with");
        var op = _document["components"]!["schemas"]!["JsonPatchOperation"]!["properties"]!["op"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.That(op, Is.EquivalentTo(new[] { "add", "remove", "replace", "move", "copy", "test" }));
    }

    [Test]
    public void Patch_requires_If_Match_and_declares_conflict_precondition_and_body_problems()
    {
        var patch = Operation("/api/v1/convention-probe/{conventionProbeId}/links/{linkId}");

        Assert.That(patch["operationId"]!.GetValue<string>(), Is.EqualTo("ConventionProbe_PatchProbeLink"));
        Assert.That(OpenApiDocuments.Header(patch, "If-Match")!["required"]!.GetValue<bool>(), Is.True);
        Assert.That(OpenApiDocuments.Header(patch, "X-Change-Origin"), Is.Not.Null);
        Assert.That(OpenApiDocuments.Header(patch, "Idempotency-Key"), Is.Null, "PATCH ignores Idempotency-Key (API.md 1.5)");
        Assert.That(patch["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "409", "412", "413", "415", "428" }));
        Assert.That(patch["responses"]!["200"]!["headers"]!["ETag"], Is.Not.Null);
    }

    [Test]
    public void Patch_that_accepts_If_Unmodified_Since_documents_it_and_makes_If_Match_optional()
    {
        var patch = Operation("/api/v1/convention-probe/{id}");

        Assert.That(OpenApiDocuments.Header(patch, "If-Unmodified-Since"), Is.Not.Null);
        Assert.That(OpenApiDocuments.Header(patch, "If-Match")!["required"]?.GetValue<bool>() ?? false, Is.False);
    }

    [Test]
    public async Task Export_writes_the_served_document_and_exits_0_without_a_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"linkage-openapi-{Guid.NewGuid():N}.json");
        var served = await OpenApiDocuments.ReadAsync(Anonymous());
        try
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { typeof(Program).Assembly.Location, "--export-openapi", path })
            {
                psi.ArgumentList.Add(arg);
            }

            // A database that cannot be reached: the export must not need one.
            psi.Environment["ConnectionStrings__Linkage"] = "Host=127.0.0.1;Port=1;Database=none;Timeout=1";
            psi.Environment["Database__MigrateOnStartup"] = "true";
            using var process = Process.Start(psi)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.That(process.ExitCode, Is.EqualTo(0), output);
            var exported = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
            served.Remove("servers");
            exported.Remove("servers");
            Assert.That(exported.ToJsonString(), Is.EqualTo(served.ToJsonString()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

// The probe's actions are never called: their parameters are the shape the document describes, not values they read.
#pragma warning disable IDE0060

/// <summary>A PATCH shaped like the ones other branches add; exists only in the probe's document.</summary>
[Route("api/v1/convention-probe")]
public sealed class ConventionProbeController : LinkageControllerBase
{
    [HttpPatch("{id:guid}")]
    [Consumes("application/json-patch+json", "application/merge-patch+json", "application/json")]
    [ProducesResponseType<ContactView>(StatusCodes.Status200OK)]
    [AcceptsIfUnmodifiedSince]
    public IActionResult PatchProbe(Guid id, [FromBody] JsonElement body) => NoContent();

    [HttpPatch("{id:guid}/links/{linkId:guid}")]
    [Consumes("application/json")]
    [ProducesResponseType<ContactView>(StatusCodes.Status200OK)]
    public IActionResult PatchProbeLink(Guid id, Guid linkId, [FromBody] ProbeLinkPatch body) => NoContent();
}

#pragma warning restore IDE0060

/// <summary>A link-like PATCH body.</summary>
public sealed record ProbeLinkPatch(string? JobTitle, bool? IsPrimary);
