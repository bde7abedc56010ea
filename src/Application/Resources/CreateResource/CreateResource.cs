namespace Linkage.Application.Resources.CreateResource;

/// <summary>
/// A create of a resource from its request body (<c>CreateContact</c>, <c>CreateCompany</c>): validated by its own
/// validator, idempotent with Idempotency-Key, and allowed with the resource's edit rights.
/// </summary>
public interface ICreateResource<TAggregate, TView> : IIdempotentCommand<TView>, IAuthorizedRequest
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    /// <summary>The resource the command creates.</summary>
    ResourceDescription<TAggregate, TView> Resource { get; }

    /// <summary>The new aggregate, which has recorded its own <c>*.created</c> action.</summary>
    TAggregate Create(string tenantId, ChangeStamp stamp);
}

/// <summary>Adds the aggregate a create command makes; the unit of work saves it.</summary>
public sealed class CreateResourceHandler<TCommand, TAggregate, TView>(ILinkageDbContext db, ChangeContext changes)
    : IRequestHandler<TCommand, IdempotentResult<TView>>
    where TCommand : ICreateResource<TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    public Task<IdempotentResult<TView>> Handle(TCommand command, CancellationToken cancellationToken)
    {
        var aggregate = command.Create(changes.TenantId, changes.Stamp());
        db.Set<TAggregate>().Add(aggregate);
        return Task.FromResult<IdempotentResult<TView>>(command.Resource.ViewOf(aggregate));
    }
}

/// <summary>The create input of a resource, which a patched document of it must also be valid as (API.md 4).</summary>
public interface ICreateInput<in TAggregate>
{
    /// <summary>Makes the aggregate's writable state this input; nothing is recorded when nothing changes.</summary>
    void ApplyTo(TAggregate target, ChangeStamp stamp);
}

/// <summary>
/// The body that creates a versioned resource (<c>CreateContact</c>, <c>CreateCompany</c>): it says how it reads as the
/// resource's details; creating the resource and applying a patched copy follow from that.
/// </summary>
public interface IResourceInput<TResource, TDetails, TView> : ICreateResource<TResource, TView>, ICreateInput<TResource>
    where TResource : VersionedResource<TDetails>, IResourceFactory<TResource, TDetails>
    where TDetails : class
    where TView : ResourceView
{
    TDetails ToDetails();

    TResource ICreateResource<TResource, TView>.Create(string tenantId, ChangeStamp stamp) => TResource.Create(tenantId, ToDetails(), stamp);

    void ICreateInput<TResource>.ApplyTo(TResource target, ChangeStamp stamp) => target.Update(ToDetails(), stamp);
}
