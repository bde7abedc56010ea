namespace Linkage.Application.Common.Resources;

/// <summary>
/// A document the API shows for an aggregate and changes conditionally (ADR 11): its shape (what a patch may write),
/// the rights reading and changing it need, and which aggregates it covers. The type describes its document in static
/// members, so the generic use cases (<c>ApplyPatch</c>, <c>DeleteResource</c>) serve every kind.
/// </summary>
public interface IDocument<TAggregate, TSelf>
    where TAggregate : AggregateRoot
    where TSelf : IDocument<TAggregate, TSelf>
{
    int Version { get; }

    /// <summary>The document's properties: which a patch may write, what <c>$select</c> may name.</summary>
    static abstract ResourceShape Shape { get; }

    /// <summary>
    /// The permission domain whose rights the resource needs (API.md 1.2): <c>Contact</c>, <c>Company</c>, <c>File</c>;
    /// null when the request names it (<c>/records/{domain}/...</c>) or the aggregate does (a typed link's parent).
    /// </summary>
    static abstract string? PermissionDomain { get; }

    /// <summary>Reading needs one of these: <c>Read</c> on the domain, unless the resource says otherwise.</summary>
    static virtual IReadOnlyList<Permission> ReadRights(string? domain) => [Permission.Read(domain ?? TSelf.PermissionDomain!)];

    /// <summary>Creating, patching and deleting need one of these: <c>Edit</c> on the domain, unless the resource says otherwise.</summary>
    static virtual IReadOnlyList<Permission> EditRights(string? domain) => [Permission.Edit(domain ?? TSelf.PermissionDomain!)];

    /// <summary>Rights over a loaded aggregate that only it can tell (a typed link: its parent's domain); checked once it is loaded.</summary>
    static virtual IReadOnlyList<Permission> EditRightsOver(TAggregate aggregate) => [];

    /// <summary>Whether a loaded aggregate is this resource when the request names <paramref name="domain"/>.</summary>
    static virtual bool Holds(TAggregate aggregate, string? domain) => true;

    /// <summary>Whether a patch may carry If-Unmodified-Since instead of If-Match (contacts and companies, seed 003).</summary>
    static virtual bool AcceptsIfUnmodifiedSince => false;
}

/// <summary>
/// A resource as the API shows it in a <see cref="ResourceView"/>: a document with an id and a version (its ETag), read
/// by id, deleted softly and, where an <see cref="IPatchable{TAggregate,TView}"/> says how, patched. Contacts,
/// companies, links, records of custom domains and files are such resources.
/// </summary>
public interface IResourceView<TAggregate, TSelf> : IDocument<TAggregate, TSelf>
    where TAggregate : AggregateRoot
    where TSelf : ResourceView, IResourceView<TAggregate, TSelf>
{
    Guid Id { get; }

    /// <summary>By default read off the view, writable where the aggregate's details (<see cref="VersionedRecord{TDetails}"/>) have the property.</summary>
    static ResourceShape IDocument<TAggregate, TSelf>.Shape => ResourceShape.Of<TAggregate, TSelf>();

    /// <summary>The projection queries read with, so SQL selects only the view's columns; by default <see cref="ViewProjection{TAggregate,TView}.ByName"/>.</summary>
    static virtual Expression<Func<TAggregate, TSelf>> Projection => ViewProjection<TAggregate, TSelf>.ByName;

    /// <summary>The view of an aggregate a command just changed.</summary>
    static virtual TSelf From(TAggregate aggregate) => CompiledProjection<TAggregate, TSelf>.Of(aggregate);

    /// <summary>Which aggregates are this resource when the request names <paramref name="domain"/> (null: all of the type).</summary>
    static virtual Expression<Func<TAggregate, bool>>? Filter(string? domain) => null;
}

/// <summary>
/// What a patch of a resource means (API.md 4, 6): the document it applies to (what a GET shows this caller), what it
/// may not do there, and how the patched document becomes a change of the aggregate, which records nothing and moves
/// no version when nothing changed.
/// </summary>
public interface IPatchable<TAggregate, TView>
    where TAggregate : AggregateRoot
{
    Task<System.Text.Json.Nodes.JsonObject> DocumentAsync(TAggregate target, CancellationToken cancellationToken);

    /// <summary>Refuses, before anything applies, what this resource forbids a patch (a typed link's masked fields).</summary>
    Task CheckAsync(TAggregate target, Patching.ResolvedPatch patch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <param name="target">The aggregate the precondition check loaded.</param>
    /// <param name="writable">The patched document's writable properties, named as the shape names them.</param>
    /// <param name="stamp">Who changes it, when and from where.</param>
    /// <param name="cancellationToken">Ends the work when the request ends.</param>
    Task ApplyAsync(TAggregate target, System.Text.Json.Nodes.JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken);

    /// <summary>The answer: the resource as it now is.</summary>
    Task<TView> ViewAsync(TAggregate target, CancellationToken cancellationToken);
}

/// <summary>The patch of a resource shown as a <see cref="ResourceView"/>: its document and answer are its view.</summary>
public abstract class ViewPatchable<TAggregate, TView> : IPatchable<TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    public Task<System.Text.Json.Nodes.JsonObject> DocumentAsync(TAggregate target, CancellationToken cancellationToken) =>
        Task.FromResult(Patching.ResourcePatch.DocumentOf(TView.From(target)));

    public abstract Task ApplyAsync(TAggregate target, System.Text.Json.Nodes.JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken);

    public Task<TView> ViewAsync(TAggregate target, CancellationToken cancellationToken) => Task.FromResult(TView.From(target));
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
    static string? IDocument<TAggregate, TSelf>.PermissionDomain => typeof(TAggregate).Name;

    static bool IDocument<TAggregate, TSelf>.AcceptsIfUnmodifiedSince => true;
}

/// <summary>A resource whose list takes <c>?q=</c> (API.md 2.1).</summary>
public interface ISearchableView<TAggregate>
    where TAggregate : AggregateRoot
{
    /// <summary>The filter for <paramref name="query"/>, already trimmed and lower-cased.</summary>
    static abstract System.Linq.Expressions.Expression<Func<TAggregate, bool>> Matching(string query);
}
