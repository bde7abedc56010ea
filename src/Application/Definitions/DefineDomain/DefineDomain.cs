namespace Linkage.Application.Definitions.DefineDomain;

/// <summary>Defines a custom domain (API.md 5.1): <c>{name, label, fields}</c>; needs <c>*:Admin</c>. A name taken in any case is 409.</summary>
public sealed record DefineDomain(string? Name, string? Label, IReadOnlyList<FieldInput>? Fields)
    : IdempotentCreate<DefineDomain>, IIdempotentCommand<DomainView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => DomainResource.Description.Rights.Edit.ForRequest(null);
}

public sealed class DefineDomainHandler(ILinkageDbContext db, ChangeContext changes, DomainCatalog domains)
    : IRequestHandler<DefineDomain, IdempotentResult<DomainView>>
{
    public async Task<IdempotentResult<DomainView>> Handle(DefineDomain request, CancellationToken cancellationToken)
    {
        var fields = await domains.ResolveTargetsAsync(FieldInput.ToDomain(request.Fields), "fields", cancellationToken);
        var definition = DomainDefinition.Create(changes.TenantId, request.Name!, new DomainDetails(request.Label!, fields), changes.Stamp());
        db.Domains.Add(definition);
        return DomainResource.Description.ViewOf(definition);
    }
}
