namespace Linkage.Application.Common.Security;

/// <summary>
/// What a request needs of its caller (API.md 1.2), said explicitly by every request: one of some permissions, any caller,
/// or rights that only its target can tell once it is read (a typed link's: on its parent's domain). There is no empty
/// list that would mean "nothing needed": a request that any caller may send says <see cref="AnyCaller"/>.
/// </summary>
public sealed class RequiredRights
{
    private RequiredRights(IReadOnlyList<Permission> anyOf, bool anyCaller, bool onTarget)
    {
        AnyOf = anyOf;
        IsAnyCaller = anyCaller;
        IsCheckedOnTarget = onTarget;
    }

    /// <summary>Any authenticated caller of the tenant (reading definitions: front-ends render records with them).</summary>
    public static RequiredRights AnyCaller { get; } = new([], anyCaller: true, onTarget: false);

    /// <summary>Decided once the target is read, by what it needs (<see cref="Concurrency.ConditionalWrite{TCommand,TAggregate,TResponse}"/>, or the query itself).</summary>
    public static RequiredRights OnTarget { get; } = new([], anyCaller: false, onTarget: true);

    /// <summary>The permissions of which the caller needs one; at least one.</summary>
    public IReadOnlyList<Permission> AnyOf { get; }

    public bool IsAnyCaller { get; }

    public bool IsCheckedOnTarget { get; }

    public static RequiredRights OneOf(params IReadOnlyList<Permission> permissions) =>
        permissions.Count > 0
            ? new RequiredRights(permissions, anyCaller: false, onTarget: false)
            : throw new ArgumentException("Rights name at least one permission; say AnyCaller when any caller may.", nameof(permissions));

    /// <summary>Whether <paramref name="user"/> has what is required; rights checked on the target cannot be decided here.</summary>
    public bool AllowFor(ICurrentUser user) =>
        IsCheckedOnTarget
            ? throw new InvalidOperationException("These rights are decided on the target, once it is read.")
            : IsAnyCaller || AnyOf.Any(user.Has);

    /// <summary>403 naming the permissions unless <paramref name="user"/> has one of them.</summary>
    public void Demand(ICurrentUser user)
    {
        if (!AllowFor(user))
        {
            throw new Exceptions.ForbiddenException(AnyOf);
        }
    }

    public override string ToString() =>
        IsAnyCaller ? "any caller" : IsCheckedOnTarget ? "decided on the target" : string.Join(" or ", AnyOf);
}
