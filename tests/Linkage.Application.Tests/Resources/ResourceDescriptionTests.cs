using Linkage.Application.Common.Fields;
using Linkage.Application.Common.Resources;
using Linkage.Application.Common.Security;
using Linkage.Domain.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Application.Tests.Resources;

/// <summary>
/// The start-up check of the resource descriptions (ADR 25): every resource the app registers is described, each
/// description agrees with its view and its input, and one that does not (a misnamed view property, a right left out)
/// stops the catalog from being built, naming the problem, before any request is served.
/// </summary>
public sealed class ResourceDescriptionTests
{
    [Test]
    public void Every_registered_resource_builds_into_the_catalog_without_a_problem()
    {
        var catalog = Registered().GetRequiredService<ResourceCatalog>();

        Assert.That(catalog.All.SelectMany(d => d.Problems().Select(p => $"{d}: {p}")), Is.Empty);
        Assert.That(catalog.All.Select(d => d.Name).Distinct(), Is.EquivalentTo(new[]
        {
            "contact", "company", "file", "record", "domain", "relationship_type", "link", "note",
        }));
    }

    [Test]
    public void The_timelines_of_the_resources_record_every_kind_of_action_and_each_in_one_resource()
    {
        var kinds = Registered().GetRequiredService<ResourceCatalog>().All.SelectMany(d => d.Timeline.Kinds).ToList();

        Assert.That(kinds.Distinct(), Is.EquivalentTo(Domain.Timeline.ActionKinds.All), "every kind the API writes belongs to a resource");
        Assert.That(kinds.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key), Is.EquivalentTo(new[]
        {
            "link.created", "link.updated", "link.deleted",
        }), "only the two kinds of link share kinds: both are the resource 'link' (API.md 7.1)");
    }

    [Test]
    public void Every_aggregate_is_described_once()
    {
        var aggregates = typeof(AggregateRoot).Assembly.GetTypes()
            .Where(t => typeof(AggregateRoot).IsAssignableFrom(t) && t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .Where(t => !typeof(ITenantSetting).IsAssignableFrom(t));
        var catalog = Registered().GetRequiredService<ResourceCatalog>();

        Assert.That(catalog.All.Select(d => d.Aggregate), Is.EquivalentTo(aggregates));
    }

    [Test]
    public void Every_request_says_what_rights_it_needs()
    {
        var requests = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => typeof(IBaseRequest).IsAssignableFrom(t) && !t.IsInterface).ToList();

        Assert.That(requests.Select(t => t.Name), Does.Contain("PatchContact").And.Contain("GetTypedLink").And.Contain("UpsertLink"));
        Assert.That(requests.Where(t => !typeof(IAuthorizedRequest).IsAssignableFrom(t)).Select(t => t.Name), Is.Empty);
    }

    [Test]
    public void A_misnamed_view_property_fails_the_start_up_check_and_names_it()
    {
        var misnamed = Throwaway<MisnamedView>();

        Assert.That(misnamed.Problems(), Is.EqualTo(new[] { "'firstName' is writable, but MisnamedView shows no property 'firstName'." }));
        var start = Assert.Throws<InvalidOperationException>(() => Registered(misnamed).GetRequiredService<ResourceCatalog>());
        Assert.That(start!.Message, Does.Contain("throwaway (ThrowawayRecord as MisnamedView): 'firstName' is writable, but MisnamedView shows no property 'firstName'."));
    }

    [Test]
    public void The_same_resource_with_its_view_property_named_as_its_input_member_passes()
    {
        var named = Throwaway<NamedView>();

        Assert.That(named.Problems(), Is.Empty);
        Assert.That(Registered(named).GetRequiredService<ResourceCatalog>().All, Has.Member(named));
    }

    [Test]
    public void An_input_member_no_view_property_takes_is_a_problem_too()
    {
        var description = Throwaway<NamedView>(writable: []);

        Assert.That(description.Problems(), Is.EqualTo(new[] { "ThrowawayInput has a member 'firstName' that is no writable property of NamedView: no patch could set it." }));
    }

    [Test]
    public void A_right_left_out_fails_the_start_up_check()
    {
        var description = Throwaway<NamedView>(rights: new ResourceRights<ThrowawayRecord>(Read: null!, Edit: RightsRule<ThrowawayRecord>.OneOf(Permission.Admin)));

        Assert.That(description.Problems(), Is.EqualTo(new[] { "The rights of reading are not said." }));
        Assert.Throws<InvalidOperationException>(() => Registered(description).GetRequiredService<ResourceCatalog>());
    }

    [Test]
    public void No_rule_grants_a_right_by_naming_no_permission()
    {
        Assert.Throws<ArgumentException>(() => RightsRule<ThrowawayRecord>.OneOf());
        Assert.Throws<ArgumentException>(() => RequiredRights.OneOf([]));
    }

    [Test]
    public void A_kind_of_another_resource_on_its_timeline_is_a_problem()
    {
        var description = Throwaway<NamedView>(kinds: ["throwaway.created", "contact.updated"]);

        Assert.That(description.Problems(), Is.EqualTo(new[] { "The kind 'contact.updated' is not one of a throwaway (throwaway.*)." }));
    }

    private static IServiceProvider Registered(params IResourceDescription[] more)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLinkageApplication();
        foreach (var description in more)
        {
            services.AddSingleton<IResourceDescription>(description);
        }

        return services.BuildServiceProvider();
    }

    private static ResourceDescription<ThrowawayRecord, TView> Throwaway<TView>(
        ResourceRights<ThrowawayRecord>? rights = null, string[]? writable = null, string[]? kinds = null) => new()
    {
        Name = "throwaway",
        Rights = rights ?? new(RightsRule<ThrowawayRecord>.AnyCaller, RightsRule<ThrowawayRecord>.OneOf(Permission.Admin)),
        Shape = ResourceShape.Of<TView>("throwaway", typeof(ThrowawayInput), writable ?? ["firstName"]),
        Projection = null,
        PatchedBy = null,
        Timeline = new(kinds ?? ["throwaway.created"], "its own"),
    };

    /// <summary>A resource's aggregate that exists only in this test.</summary>
    public sealed class ThrowawayRecord : AggregateRoot;

    /// <summary>What a patched throwaway is read as: its writable state.</summary>
    public sealed record ThrowawayInput(string? FirstName);

    /// <summary>The view a rename went wrong in: <c>givenName</c> where the input says <c>firstName</c>.</summary>
    public sealed record MisnamedView(string? GivenName) : ResourceView;

    public sealed record NamedView(string? FirstName) : ResourceView;
}
