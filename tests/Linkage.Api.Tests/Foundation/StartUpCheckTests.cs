using Linkage.Api.Tests.Support;
using Linkage.Application.Common.Fields;
using Linkage.Application.Common.Resources;
using Linkage.Application.Common.Security;
using Linkage.Domain.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Api.Tests.Foundation;

/// <summary>The API does not start with a resource description that disagrees with its view (ADR 25): the start names the problem.</summary>
public sealed class StartUpCheckTests : ApiTestBase
{
    [Test]
    public void An_api_with_a_misnamed_view_property_does_not_start()
    {
        var misnamed = new ResourceDescription<Unstartable, UnstartableView>
        {
            Name = "unstartable",
            Rights = new(RightsRule<Unstartable>.AnyCaller, RightsRule<Unstartable>.OneOf(Permission.Admin)),
            Shape = ResourceShape.Of<UnstartableView>("unstartable", typeof(UnstartableInput), "firstName"),
            Projection = null,
            PatchedBy = null,
            Timeline = new(["unstartable.created"], "its own"),
        };
        using var broken = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddDocumentResource(misnamed)));

        var start = Assert.Throws<InvalidOperationException>(() => broken.CreateClient());
        Assert.That(start!.Message, Does.Contain("'firstName' is writable, but UnstartableView shows no property 'firstName'."));
    }

    public sealed class Unstartable : AggregateRoot;

    public sealed record UnstartableInput(string? FirstName);

    public sealed record UnstartableView(string? GivenName);
}
