using System.Net.Http.Headers;
using Linkage.Api.Http;
using Linkage.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// Error results MVC makes itself (<c>NotFound()</c>, <c>Conflict()</c>, a 415) are problems with a code and the
/// problem media type (API.md 1.3), also on controllers declaring <c>[Produces("application/json")]</c>, as every
/// Linkage controller does. Probed with a test-only controller: no endpoint of the API answers one today.
/// </summary>
public sealed class FrameworkProblemTests : ApiTestBase
{
    private WebApplicationFactory<Program> _withProbe = null!;

    [OneTimeSetUp]
    public void AddProbeController() => _withProbe = Factory.WithTestControllers();

    [OneTimeTearDown]
    public async Task DisposeProbeAsync() => await _withProbe.DisposeAsync();

    [TestCase("not-found", 404, "NotFound")]
    [TestCase("conflict", 409, "Conflict")]
    [TestCase("unsupported-media-type", 415, "UnsupportedMediaType")]
    public async Task A_framework_error_result_is_a_problem_with_its_code(string action, int status, string code)
    {
        var client = _withProbe.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(TenantA, "tester", "*:*"));

        await AssertProblemAsync(await client.GetAsync($"/api/v1/framework-error-probe/{action}"), status, code);
    }
}

/// <summary>Answers with MVC's own error results.</summary>
[Route("api/v1/framework-error-probe")]
public sealed class FrameworkErrorProbeController : LinkageControllerBase
{
    [HttpGet("not-found")]
    public IActionResult Missing() => NotFound();

    [HttpGet("conflict")]
    public IActionResult Conflicting() => Conflict();

    [HttpGet("unsupported-media-type")]
    public IActionResult Unsupported() => new UnsupportedMediaTypeResult();
}
