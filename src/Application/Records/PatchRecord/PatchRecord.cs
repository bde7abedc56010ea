using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.Records.PatchRecord;

/// <summary>
/// Patches a record of the domain the route names (API.md 5.1): a JSON Patch or a Merge Patch over <c>{fields}</c>, restricted
/// fields masked as <see cref="RecordPatching"/> says; If-Match is required. A record of another domain is not found.
/// </summary>
public sealed record PatchRecord(string RouteDomain, Guid Id, PatchFormat Format, JsonNode? Patch, Precondition Precondition)
    : PatchResource<DomainRecord, RecordView>(Format, Patch, Precondition, FieldSelection.All, RouteDomain)
{
    public override ResourceDescription<DomainRecord, RecordView> Resource => RecordResource.Description;

    public override ILocator<DomainRecord> Target => Locate.ById<DomainRecord>(Resource.Noun, Id, r => RecordResource.IsOf(r, RouteDomain));
}
