using System.Text.Json.Nodes;

namespace Linkage.Application.Common.Resources;

/// <summary>
/// What a patch of a resource means (API.md 4, 6): the document it applies to (what a GET shows this caller), what it
/// may not do there, and how the patched document becomes a change of the aggregate, which records nothing and moves
/// no version when nothing changed. A resource's description names its implementation (<see cref="ResourceDescription{TAggregate,TView}.PatchedBy"/>).
/// </summary>
public interface IPatchable<TAggregate, TView>
    where TAggregate : AggregateRoot
{
    Task<JsonObject> DocumentAsync(TAggregate target, CancellationToken cancellationToken);

    /// <summary>Refuses, before anything applies, what this resource forbids a patch (a typed link's masked fields); nothing for most.</summary>
    Task CheckAsync(TAggregate target, Patching.ResolvedPatch patch, CancellationToken cancellationToken);

    /// <param name="target">The aggregate the precondition check loaded.</param>
    /// <param name="writable">The patched document's writable properties, named as the shape names them.</param>
    /// <param name="stamp">Who changes it, when and from where.</param>
    /// <param name="cancellationToken">Ends the work when the request ends.</param>
    Task ApplyAsync(TAggregate target, JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken);

    /// <summary>The answer: the resource as it now is.</summary>
    Task<TView> ViewAsync(TAggregate target, CancellationToken cancellationToken);
}

/// <summary>The patch of a resource shown as a <see cref="ResourceView"/>: its document and its answer are its projected view.</summary>
public abstract class ViewPatchable<TAggregate, TView>(ResourceDescription<TAggregate, TView> resource) : IPatchable<TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    public Task<JsonObject> DocumentAsync(TAggregate target, CancellationToken cancellationToken) =>
        Task.FromResult(Patching.ResourcePatch.DocumentOf(resource.ViewOf(target)));

    /// <summary>A view shows nothing a patch may not read: nothing is refused before the patch applies.</summary>
    public Task CheckAsync(TAggregate target, Patching.ResolvedPatch patch, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract Task ApplyAsync(TAggregate target, JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken);

    public Task<TView> ViewAsync(TAggregate target, CancellationToken cancellationToken) => Task.FromResult(resource.ViewOf(target));
}

/// <summary>What else goes when an aggregate is deleted (a contact's or company's links, ADR 0010).</summary>
public interface IDeleteCascade<in TAggregate>
    where TAggregate : AggregateRoot
{
    Task DeleteDependentsAsync(TAggregate deleted, ChangeStamp stamp, CancellationToken cancellationToken);
}
