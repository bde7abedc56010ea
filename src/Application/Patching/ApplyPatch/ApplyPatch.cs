using System.Text.Json.Nodes;

namespace Linkage.Application.Patching.ApplyPatch;

/// <summary>
/// Applies a JSON Patch or a Merge Patch to a resource (API.md 4): to the document its GET shows, with the
/// resource's rules for paths and members. The whole patch applies or nothing does; the patched document is
/// validated as the resource says (<see cref="IPatchable{TAggregate}"/>); a patch that changes nothing moves
/// no version. The answer is the resource as it now is.
/// </summary>
public sealed record ApplyPatch<TAggregate, TView>(
    Guid Id, PatchFormat Format, JsonNode? Patch, Precondition Precondition, FieldSelection Select, string? Domain = null)
    : IConditionalCommand<TAggregate, TView>, IAuthorizedRequest
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    Guid IConditionalCommand.TargetId => Id;

    bool IConditionalCommand.AcceptsIfUnmodifiedSince => TView.AcceptsIfUnmodifiedSince;

    bool IConditionalCommand<TAggregate, TView>.Covers(TAggregate target) => TView.Holds(target, Domain);

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => TView.EditRights(Domain);
}

public sealed class ApplyPatchHandler<TAggregate, TView>(IPatchable<TAggregate> resource, ChangeContext changes)
    : IConditionalCommandHandler<ApplyPatch<TAggregate, TView>, TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    public async Task<TView> Handle(ApplyPatch<TAggregate, TView> command, TAggregate target, CancellationToken cancellationToken)
    {
        command.Select.EnsureKnownIn(TView.Shape);
        var document = ResourcePatch.DocumentOf(TView.From(target));
        var patched = ResourcePatch.Apply(document, command.Format, command.Patch, TView.Shape);
        await resource.ApplyAsync(target, ResourcePatch.WritablePart(patched, TView.Shape), changes.Stamp(), cancellationToken);
        return TView.From(target);
    }
}
