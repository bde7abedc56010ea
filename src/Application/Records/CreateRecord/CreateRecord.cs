using Linkage.Application.Definitions;
namespace Linkage.Application.Records.CreateRecord;

/// <summary>Creates a record of the custom domain the route names (API.md 5.1): <c>{fields}</c>, checked against its definition.</summary>
public sealed record CreateRecord(string Domain, IReadOnlyDictionary<string, JsonElement>? Fields)
    : IdempotentCreate<CreateRecord>, IIdempotentCommand<RecordView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => RecordResource.Description.Rights.Edit.ForRequest(Domain);

    public static CreateRecord For(string domain, RecordInput body) => new(domain, body.Fields);
}

/// <summary>Writing a restricted field needs <c>Reveal</c> on the domain; the answer masks as a GET without <c>?reveal=true</c> (API.md 5.1).</summary>
public sealed class CreateRecordHandler(ILinkageDbContext db, ChangeContext changes, DomainCatalog domains, RecordFields fields, RecordMasks masks)
    : IRequestHandler<CreateRecord, IdempotentResult<RecordView>>
{
    public async Task<IdempotentResult<RecordView>> Handle(CreateRecord request, CancellationToken cancellationToken)
    {
        var definition = await domains.GetAsync(request.Domain, cancellationToken);
        var written = FieldValueInput.Read(request.Fields, "fields");
        masks.EnsureMayUse(definition, written.Keys);
        var record = DomainRecord.Create(changes.TenantId, new RecordValues(definition, await fields.CheckAsync(definition, written, cancellationToken)), changes.Stamp());
        db.Records.Add(record);
        return masks.Show(RecordResource.Description.ViewOf(record), definition);
    }
}
