namespace Linkage.Application.Definitions.DefineRelationshipType;

/// <summary>
/// Defines a relationship type (API.md 5.2): <c>{name, label, fromDomain, toDomain, fields}</c>, from a company or a
/// custom domain's records to contacts; needs <c>*:Admin</c>. A name taken is 409.
/// </summary>
public sealed record DefineRelationshipType(string? Name, string? Label, string? FromDomain, string? ToDomain, IReadOnlyList<FieldInput>? Fields)
    : IdempotentCreate<DefineRelationshipType>, IIdempotentCommand<RelationshipTypeView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => RelationshipTypeResource.Description.Rights.Edit.ForRequest(null);
}

public sealed class DefineRelationshipTypeHandler(ILinkageDbContext db, ChangeContext changes, DomainCatalog domains)
    : IRequestHandler<DefineRelationshipType, IdempotentResult<RelationshipTypeView>>
{
    public async Task<IdempotentResult<RelationshipTypeView>> Handle(DefineRelationshipType request, CancellationToken cancellationToken)
    {
        var from = await domains.CanonicalNameAsync(request.FromDomain, cancellationToken);
        if (from is null or BuiltInDomain.Contact or BuiltInDomain.File)
        {
            throw new ValidationFailedException("fromDomain", "A relationship starts at a company or a record of a custom domain the tenant has.");
        }

        var fields = await domains.ResolveTargetsAsync(FieldInput.ToDomain(request.Fields), "fields", cancellationToken);
        var type = RelationshipType.Create(
            changes.TenantId, request.Name!, from, BuiltInDomain.Contact, new RelationshipDetails(request.Label!, fields), changes.Stamp());
        db.RelationshipTypes.Add(type);
        return RelationshipTypeResource.Description.ViewOf(type);
    }
}
