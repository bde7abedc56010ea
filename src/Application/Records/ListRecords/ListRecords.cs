using Linkage.Application.Definitions;
using System.Globalization;
using Linkage.Application.Common.Paging;

namespace Linkage.Application.Records.ListRecords;

/// <summary>
/// The live records of the custom domain the route names, in id (creation) order, that equal every given value:
/// <c>?policyNumber=POL-1&amp;amount=100</c> (text and number fields only; API.md 5.1). Matching on a restricted field needs
/// <c>Reveal</c> on the domain; the records are shown with their restricted fields masked.
/// </summary>
public sealed record ListRecords(string Domain, IReadOnlyDictionary<string, string> Equal, PageRequest Page)
    : IQuery<Page<RecordView>>, IAuthorizedRequest, IPagedQuery
{
    RequiredRights IAuthorizedRequest.Rights => RecordResource.Description.Rights.Read.ForRequest(Domain);
}

public sealed class ListRecordsHandler(DomainCatalog domains, IRecordSearch search, RecordMasks masks) : IRequestHandler<ListRecords, Page<RecordView>>
{
    public async Task<Page<RecordView>> Handle(ListRecords request, CancellationToken cancellationToken)
    {
        var definition = await domains.GetAsync(request.Domain, cancellationToken);
        var equal = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, text) in request.Equal)
        {
            var field = definition.Fields.Find(name)
                ?? throw new UnknownFieldException($"'{name}' is no field of {definition.Name}.");
            equal[field.Name] = MatchValue(field, text);
        }

        masks.EnsureMayUse(definition, equal.Keys);
        var page = await search.Records(definition.Name, equal).PageByIdAsync(request.Page, RecordResource.Description.Projection!, cancellationToken);
        return page with { Items = page.Items.Select(r => masks.Show(r, definition)).ToList() };
    }

    /// <summary>What a query's text means for the field: text as is, a number as a number; other fields cannot be matched.</summary>
    public static object MatchValue(FieldDefinition field, string text) => field switch
    {
        { IsMatchable: false } => throw new ValidationFailedException(field.Name, "Only text and number fields can be matched on."),
        { Type: FieldType.Number } => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ValidationFailedException(field.Name, $"'{field.Name}' is a number."),
        _ => text,
    };
}
