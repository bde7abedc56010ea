namespace Linkage.Application.Common.Resources;

/// <summary>
/// Who may read, or who may change, a resource (API.md 1.2, 5.3): what a request needs before anything is read, and what one
/// aggregate needs (what a conditional write checks once it has loaded its target, and what the change feed will list an
/// event to). Made by one of the factories below, each saying what it means; nothing is granted by leaving a rule out.
/// </summary>
public sealed class RightsRule<TAggregate>
{
    private readonly Func<string?, RequiredRights> _forRequest;
    private readonly Func<TAggregate, RequiredRights> _of;

    private RightsRule(string says, Func<string?, RequiredRights> forRequest, Func<TAggregate, RequiredRights> of)
    {
        Says = says;
        _forRequest = forRequest;
        _of = of;
    }

    /// <summary>The rule in words (<c>Contact:Read</c>, <c>Read on the parent's domain</c>), for the catalog's readers and its problems.</summary>
    public string Says { get; }

    /// <summary>Any caller of the tenant (reading definitions: front-ends render records with them).</summary>
    public static RightsRule<TAggregate> AnyCaller { get; } = new("any caller", _ => RequiredRights.AnyCaller, _ => RequiredRights.AnyCaller);

    /// <summary>What a request needs before it reads anything; <paramref name="domain"/> is the domain its route names (<c>/records/{domain}</c>), else null.</summary>
    public RequiredRights ForRequest(string? domain) => _forRequest(domain);

    /// <summary>What reading or changing <paramref name="aggregate"/> needs.</summary>
    public RequiredRights Of(TAggregate aggregate) => _of(aggregate);

    /// <summary>One of <paramref name="permissions"/>, whatever the aggregate (<c>Contact:Read</c>; a network link: <c>Contact:Read</c> or <c>Company:Read</c>).</summary>
    public static RightsRule<TAggregate> OneOf(params Permission[] permissions)
    {
        var rights = RequiredRights.OneOf(permissions);
        return new RightsRule<TAggregate>(rights.ToString(), _ => rights, _ => rights);
    }

    /// <summary>
    /// <paramref name="right"/> on the domain of the aggregate (a record's: <c>Claim:Edit</c>), which a request names in its
    /// route before anything is read; a request that names none cannot be decided.
    /// </summary>
    public static RightsRule<TAggregate> OnDomainOf(Func<TAggregate, string> domainOf, string right, string domainIs) => new(
        $"{right} on {domainIs}",
        domain => RequiredRights.OneOf(new Permission(domain ?? throw new InvalidOperationException($"The route names {domainIs}."), right)),
        aggregate => RequiredRights.OneOf(new Permission(domainOf(aggregate), right)));

    /// <summary>
    /// What only the aggregate can tell (a typed link: a right on its parent's domain): a request needs nothing before, and its
    /// target is checked once it is read (404 before 403).
    /// </summary>
    public static RightsRule<TAggregate> OnTarget(Func<TAggregate, Permission> right, string says) => new(
        says, _ => RequiredRights.OnTarget, aggregate => RequiredRights.OneOf(right(aggregate)));
}

/// <summary>Who may read a resource and who may change it (create, patch, delete): both said, never left out.</summary>
public sealed record ResourceRights<TAggregate>(RightsRule<TAggregate> Read, RightsRule<TAggregate> Edit);
