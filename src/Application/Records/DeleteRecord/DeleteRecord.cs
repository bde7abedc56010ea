namespace Linkage.Application.Records.DeleteRecord;

/// <summary>Deletes a record of the domain the route names softly, and its links with it (API.md 5.1); If-Match is required.</summary>
public sealed record DeleteRecord(string RouteDomain, Guid Id, Precondition Precondition)
    : DeleteResource<DomainRecord, RecordView>(Precondition, RouteDomain)
{
    public override ResourceDescription<DomainRecord, RecordView> Resource => RecordResource.Description;

    public override ILocator<DomainRecord> Target => Locate.ById<DomainRecord>(Resource.Noun, Id, r => RecordResource.IsOf(r, RouteDomain));
}
