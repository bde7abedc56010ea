using Linkage.Application.Definitions;
namespace Linkage.Application.Records.CreateRecord;

/// <summary>Creates a record of the custom domain the route names (API.md 5.1): <c>{fields}</c>, checked against its definition.</summary>
public sealed record CreateRecord(string Domain, IReadOnlyDictionary<string, JsonElement>? Fields)
    : IdempotentCreate<CreateRecord>, ICommand<RecordView>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Edit(Domain)];

    public static CreateRecord For(string domain, RecordInput body) => new(domain, body.Fields);
}

public sealed class CreateRecordHandler(ILinkageDbContext db, ChangeContext changes, DomainCatalog domains, RecordFields fields)
    : IRequestHandler<CreateRecord, RecordView>
{
    public async Task<RecordView> Handle(CreateRecord request, CancellationToken cancellationToken)
    {
        var definition = await domains.GetAsync(request.Domain, cancellationToken);
        var values = await fields.ReadAsync(definition, request.Fields, cancellationToken);
        var record = DomainRecord.Create(changes.TenantId, definition, values, changes.Stamp());
        db.Records.Add(record);
        return RecordView.From(record);
    }
}
