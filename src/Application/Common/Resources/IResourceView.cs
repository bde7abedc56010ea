namespace Linkage.Application.Common.Resources;

/// <summary>
/// A resource as the API shows it: a document with an id and a version (its ETag), read by id, deleted softly
/// and, where <see cref="IPatchable{TAggregate}"/> says how, patched. Contacts, companies and links are such
/// resources; records of custom domains and files are the next. The view type describes its resource in static
/// members, so one generic use case (<c>GetResource</c>, <c>DeleteResource</c>, <c>ApplyPatch</c>) serves them all.
/// </summary>
public interface IResourceView<TAggregate, TSelf>
    where TAggregate : AggregateRoot
    where TSelf : ResourceView, IResourceView<TAggregate, TSelf>
{
    Guid Id { get; }

    int Version { get; }

    /// <summary>
    /// The document's properties: which a patch may write, what <c>$select</c> may name. By default read off the
    /// view, writable where the aggregate's details (<see cref="VersionedRecord{TDetails}"/>) have the property.
    /// </summary>
    static virtual ResourceShape Shape => ResourceShape.Of<TAggregate, TSelf>();

    /// <summary>The projection queries read with, so SQL selects only the view's columns; by default <see cref="ViewProjection{TAggregate,TView}.ByName"/>.</summary>
    static virtual Expression<Func<TAggregate, TSelf>> Projection => ViewProjection<TAggregate, TSelf>.ByName;

    /// <summary>The view of an aggregate a command just changed.</summary>
    static virtual TSelf From(TAggregate aggregate) => CompiledProjection<TAggregate, TSelf>.Of(aggregate);

    /// <summary>
    /// The permission domain whose rights the resource needs (API.md 1.2): <c>Contact</c>, <c>Company</c>, <c>File</c>;
    /// null for records of custom domains, whose domain the request names (<c>/records/{domain}/...</c>).
    /// </summary>
    static abstract string? PermissionDomain { get; }

    /// <summary>Reading needs one of these: <c>Read</c> on the domain, unless the resource says otherwise.</summary>
    static virtual IReadOnlyList<Permission> ReadRights(string? domain) => [Permission.Read(domain ?? TSelf.PermissionDomain!)];

    /// <summary>Creating, patching and deleting need one of these: <c>Edit</c> on the domain, unless the resource says otherwise.</summary>
    static virtual IReadOnlyList<Permission> EditRights(string? domain) => [Permission.Edit(domain ?? TSelf.PermissionDomain!)];

    /// <summary>Which aggregates are this resource when the request names <paramref name="domain"/> (null: all of the type).</summary>
    static virtual Expression<Func<TAggregate, bool>>? Filter(string? domain) => null;

    /// <summary>Whether a loaded aggregate is this resource when the request names <paramref name="domain"/>; as <see cref="Filter"/>, in memory.</summary>
    static virtual bool Holds(TAggregate aggregate, string? domain) => true;

    /// <summary>Whether a patch may carry If-Unmodified-Since instead of If-Match (contacts and companies, seed 003).</summary>
    static virtual bool AcceptsIfUnmodifiedSince => false;
}

/// <summary>
/// How a patched document becomes a change of the aggregate (API.md 4): validated like a create, then applied
/// through the aggregate's own method, which records nothing and moves no version when nothing changed.
/// </summary>
public interface IPatchable<in TAggregate>
    where TAggregate : AggregateRoot
{
    /// <param name="target">The aggregate the precondition check loaded.</param>
    /// <param name="writable">The patched document's writable properties, named as the shape names them.</param>
    Task ApplyAsync(TAggregate target, System.Text.Json.Nodes.JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken);
}

/// <summary>What else goes when an aggregate is deleted (a contact's or company's links, ADR 0010).</summary>
public interface IDeleteCascade<in TAggregate>
    where TAggregate : AggregateRoot
{
    Task DeleteDependentsAsync(TAggregate deleted, ChangeStamp stamp, CancellationToken cancellationToken);
}

/// <summary>
/// A record of the network, a contact or a company (API.md 2.1): its list takes <c>?q=</c>, its PATCH also takes
/// If-Unmodified-Since (seed 003), and its permission domain is named after it (<c>Contact</c>, <c>Company</c>).
/// </summary>
public interface INetworkRecordView<TAggregate, TSelf> : IResourceView<TAggregate, TSelf>, ISearchableView<TAggregate>
    where TAggregate : AggregateRoot
    where TSelf : ResourceView, INetworkRecordView<TAggregate, TSelf>
{
    static string? IResourceView<TAggregate, TSelf>.PermissionDomain => typeof(TAggregate).Name;

    static bool IResourceView<TAggregate, TSelf>.AcceptsIfUnmodifiedSince => true;
}

/// <summary>A resource whose list takes <c>?q=</c> (API.md 2.1).</summary>
public interface ISearchableView<TAggregate>
    where TAggregate : AggregateRoot
{
    /// <summary>The filter for <paramref name="query"/>, already trimmed and lower-cased.</summary>
    static abstract System.Linq.Expressions.Expression<Func<TAggregate, bool>> Matching(string query);
}
