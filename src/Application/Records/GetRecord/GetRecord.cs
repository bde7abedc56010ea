using Linkage.Application.Definitions;

namespace Linkage.Application.Records.GetRecord;

/// <summary>Reads one live record of the domain the route names (API.md 5.1), its restricted fields masked.</summary>
public sealed record GetRecord(string Domain, Guid Id, FieldSelection Select) : IQuery<RecordView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => RecordResource.Description.Rights.Read.ForRequest(Domain);
}

/// <summary>
/// Reads a record with <c>?reveal=true</c>: a caller with <c>Reveal</c> on its domain sees its restricted values, and that is
/// recorded as <c>record.revealed</c> on its timeline (no version moves); any other caller sees it masked, and nothing is recorded.
/// </summary>
public sealed record RevealRecord(string Domain, Guid Id, FieldSelection Select) : ICommand<RecordView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => RecordResource.Description.Rights.Read.ForRequest(Domain);
}

public sealed class GetRecordHandler(RecordReader records) : IRequestHandler<GetRecord, RecordView>
{
    public async Task<RecordView> Handle(GetRecord request, CancellationToken cancellationToken)
    {
        var (view, definition) = await records.ReadAsync(request.Domain, request.Id, request.Select, cancellationToken);
        return records.Masks.Show(view, definition);
    }
}

public sealed class RevealRecordHandler(RecordReader records, ILinkageDbContext db, ChangeContext changes) : IRequestHandler<RevealRecord, RecordView>
{
    public async Task<RecordView> Handle(RevealRecord request, CancellationToken cancellationToken)
    {
        var (view, definition) = await records.ReadAsync(request.Domain, request.Id, request.Select, cancellationToken);
        var mask = records.Masks.MaskOf(definition, reveal: true);
        if (mask.Shows)
        {
            var record = await db.Records.FirstAsync(r => r.Id == view.Id, cancellationToken);
            record.RecordReveal(changes.Stamp());
        }

        return view.MaskedBy(mask);
    }
}

/// <summary>Reads a record of a domain with every value, and its domain's definition, for a caller to be shown it masked.</summary>
public sealed class RecordReader(ILinkageDbContext db, DomainCatalog domains, RecordMasks masks)
{
    public RecordMasks Masks => masks;

    public async Task<(RecordView View, DomainDefinition Definition)> ReadAsync(string domain, Guid id, FieldSelection select, CancellationToken cancellationToken)
    {
        select.EnsureKnownIn(RecordResource.Description.Shape);
        var definition = await domains.GetAsync(domain, cancellationToken);
        var view = await db.Records.AsNoTracking().Where(r => r.Id == id && r.Domain == definition.Name)
            .Select(RecordResource.Description.Projection!).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("No such record.");
        return (view, definition);
    }
}
