using System.Text.Json.Nodes;

namespace Linkage.Application.Patching.ApplyPatch;

/// <summary>
/// Applies a JSON Patch or a Merge Patch to a resource (API.md 4, 6; <c>PatchContact</c>, <c>PatchTypedLink</c>): to the
/// document its GET shows, with the resource's rules for paths and members. The whole patch applies or nothing does; the
/// patched document means what the resource's <see cref="IPatchable{TAggregate,TView}"/> says; a patch that changes nothing
/// moves no version. The answer is the resource as it now is. The named command says which resource and which aggregate;
/// <see cref="Domain"/> is the domain the route names (<c>/records/{domain}</c>), else null.
/// </summary>
public abstract record PatchResource<TAggregate, TView>(PatchFormat Format, JsonNode? Patch, Precondition Precondition, FieldSelection Select, string? Domain)
    : ResourceWrite<TAggregate, TView, TView>(Precondition, Domain)
    where TAggregate : AggregateRoot
{
    /// <summary>As the resource's description says (contacts and companies, seed 003).</summary>
    public override bool AcceptsIfUnmodifiedSince => Resource.AcceptsIfUnmodifiedSince;
}

public sealed class ApplyPatchHandler<TCommand, TAggregate, TView>(IPatchable<TAggregate, TView> patching, ChangeContext changes)
    : IConditionalCommandHandler<TCommand, TAggregate, TView>
    where TCommand : PatchResource<TAggregate, TView>
    where TAggregate : AggregateRoot
{
    public async Task<TView> Handle(TCommand command, TAggregate target, CancellationToken cancellationToken)
    {
        var shape = command.Resource.Shape;
        command.Select.EnsureKnownIn(shape);
        var patch = ResourcePatch.Resolve(command.Format, command.Patch, shape);
        await patching.CheckAsync(target, patch, cancellationToken);
        var patched = patch.Apply(await patching.DocumentAsync(target, cancellationToken));
        await patching.ApplyAsync(target, ResourcePatch.WritablePart(patched, shape), changes.Stamp(), cancellationToken);
        return await patching.ViewAsync(target, cancellationToken);
    }
}
