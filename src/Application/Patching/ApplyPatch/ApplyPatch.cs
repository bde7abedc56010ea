using System.Text.Json.Nodes;

namespace Linkage.Application.Patching.ApplyPatch;

/// <summary>
/// Applies a JSON Patch or a Merge Patch to a resource (API.md 4): to the document its GET shows, with the
/// resource's rules for paths and members. The whole patch applies or nothing does; the patched document is
/// validated as the resource says (<see cref="IPatchable{TAggregate,TView}"/>); a patch that changes nothing moves
/// no version. The answer is the resource as it now is.
/// </summary>
public sealed record ApplyPatch<TAggregate, TView>(
    Guid Id, PatchFormat Format, JsonNode? Patch, Precondition Precondition, FieldSelection Select, string? Domain = null)
    : IConditionalCommand<TAggregate, TView>, IAuthorizedRequest
    where TAggregate : AggregateRoot
    where TView : IDocument<TAggregate, TView>
{
    Guid IConditionalCommand.TargetId => Id;

    bool IConditionalCommand.AcceptsIfUnmodifiedSince => TView.AcceptsIfUnmodifiedSince;

    bool IConditionalCommand<TAggregate, TView>.Covers(TAggregate target) => TView.Holds(target, Domain);

    IReadOnlyList<Permission> IConditionalCommand<TAggregate, TView>.RightsOver(TAggregate target) => TView.EditRightsOver(target);

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => TView.EditRights(Domain);
}

public sealed class ApplyPatchHandler<TAggregate, TView>(IPatchable<TAggregate, TView> resource, ChangeContext changes)
    : IConditionalCommandHandler<ApplyPatch<TAggregate, TView>, TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : IDocument<TAggregate, TView>
{
    public async Task<TView> Handle(ApplyPatch<TAggregate, TView> command, TAggregate target, CancellationToken cancellationToken)
    {
        command.Select.EnsureKnownIn(TView.Shape);
        var patch = ResourcePatch.Resolve(command.Format, command.Patch, TView.Shape);
        await resource.CheckAsync(target, patch, cancellationToken);
        var patched = patch.Apply(await resource.DocumentAsync(target, cancellationToken));
        await resource.ApplyAsync(target, ResourcePatch.WritablePart(patched, TView.Shape), changes.Stamp(), cancellationToken);
        return await resource.ViewAsync(target, cancellationToken);
    }
}
