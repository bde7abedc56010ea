namespace Linkage.Application.Resources.CreateResource;

/// <summary>
/// A create of a resource from its request body (<c>CreateContact</c>, <c>CreateCompany</c>): validated by its own
/// validator, idempotent with Idempotency-Key, and allowed with the resource's edit rights.
/// </summary>
public interface ICreateResource<TAggregate, TView> : IIdempotentCommand<TView>, IAuthorizedRequest
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => TView.EditRights(null);

    /// <summary>The new aggregate, which has recorded its own <c>*.created</c> action.</summary>
    TAggregate Create(string tenantId, ChangeStamp stamp);
}

/// <summary>Adds the aggregate a create command makes; the unit of work saves it.</summary>
public sealed class CreateResourceHandler<TCommand, TAggregate, TView>(ILinkageDbContext db, ChangeContext changes)
    : IRequestHandler<TCommand, IdempotentResult<TView>>
    where TCommand : ICreateResource<TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    public Task<IdempotentResult<TView>> Handle(TCommand command, CancellationToken cancellationToken)
    {
        var aggregate = command.Create(changes.TenantId, changes.Stamp());
        db.Set<TAggregate>().Add(aggregate);
        return Task.FromResult<IdempotentResult<TView>>(TView.From(aggregate));
    }
}

/// <summary>The create input of a resource, which a patched document of it must also be valid as (API.md 4).</summary>
public interface ICreateInput<in TAggregate>
{
    /// <summary>Makes the aggregate's writable state this input; nothing is recorded when nothing changes.</summary>
    void ApplyTo(TAggregate target, ChangeStamp stamp);
}

/// <summary>
/// The body that creates a versioned record (<c>CreateContact</c>, <c>CreateCompany</c>): it only says how it
/// reads as the record's details; creating the record and applying a patched copy follow from that.
/// </summary>
public interface IRecordInput<TRecord, TDetails, TView> : ICreateResource<TRecord, TView>, ICreateInput<TRecord>
    where TRecord : VersionedRecord<TDetails>, IRecordFactory<TRecord, TDetails>
    where TDetails : class
    where TView : ResourceView, IResourceView<TRecord, TView>
{
    TDetails ToDetails();

    TRecord ICreateResource<TRecord, TView>.Create(string tenantId, ChangeStamp stamp) => TRecord.Create(tenantId, ToDetails(), stamp);

    void ICreateInput<TRecord>.ApplyTo(TRecord target, ChangeStamp stamp) => target.Update(ToDetails(), stamp);
}
