using System.Text.Json.Nodes;
using Linkage.Application.Resources.CreateResource;

namespace Linkage.Application.Patching;

/// <summary>
/// How a resource whose writable state is its create input (a contact, a company) takes a patch: the patched document is
/// read and validated as that create's input, then applied to the aggregate.
/// </summary>
public sealed class PatchAsCreate<TAggregate, TView, TInput>(IValidator<TInput> rules, ResourceDescription<TAggregate, TView> resource)
    : ViewPatchable<TAggregate, TView>(resource)
    where TAggregate : AggregateRoot
    where TView : ResourceView
    where TInput : class, ICreateInput<TAggregate>
{
    public override async Task ApplyAsync(TAggregate target, JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var input = await PatchedInput.ReadAsync(writable, rules, cancellationToken);
        input.ApplyTo(target, stamp);
    }
}
