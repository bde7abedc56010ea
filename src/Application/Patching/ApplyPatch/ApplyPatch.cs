using System.Text.Json.Nodes;
using FluentValidation;
using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Fields;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Application.Companies;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Companies.PatchCompany;
using Linkage.Application.Contacts;
using Linkage.Application.Contacts.CreateContact;
using Linkage.Application.Contacts.PatchContact;
using Linkage.Domain.Companies;
using Linkage.Domain.Contacts;
using MediatR;

namespace Linkage.Application.Patching.ApplyPatch;

/// <summary>The resource after a patch, as its view (<c>ContactView</c>, <c>CompanyView</c>) and its version.</summary>
public sealed record PatchedResource(object View, int Version);

/// <summary>
/// Applies a JSON Patch or a Merge Patch to a contact or a company (API.md 4). The whole patch applies or
/// nothing does; the result is validated like a create; a patch that changes nothing moves no version.
/// </summary>
public sealed record ApplyPatch(
    PatchableResource Resource,
    Guid Id,
    PatchFormat Format,
    JsonNode? Patch,
    Precondition Precondition,
    FieldSelection Select)
    : ICommand<PatchedResource>, IConditionalCommand, IAuthorizedRequest
{
    public ResourceShape Shape => Resource == PatchableResource.Contact ? ContactShape.Instance : CompanyShape.Instance;

    Type IConditionalCommand.AggregateType => Resource == PatchableResource.Contact ? typeof(Contact) : typeof(Company);

    Guid IConditionalCommand.AggregateId => Id;

    bool IConditionalCommand.AcceptsIfUnmodifiedSince => true;

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Edit(Resource.ToString())];
}

public sealed class ApplyPatchHandler(
    ILinkageDbContext db,
    ChangeContext changes,
    IValidator<CreateContact> contactRules,
    IValidator<CreateCompany> companyRules)
    : IRequestHandler<ApplyPatch, PatchedResource>
{
    public Task<PatchedResource> Handle(ApplyPatch request, CancellationToken cancellationToken)
    {
        var shape = request.Shape;
        request.Select.EnsureKnownIn(shape);
        JsonObject Patch(JsonObject document) => ResourcePatch.Apply(document, request.Format, request.Patch, shape);

        return request.Resource switch
        {
            PatchableResource.Contact => new ContactPatch(db, changes, contactRules).ApplyAsync(request.Id, Patch, cancellationToken),
            PatchableResource.Company => new CompanyPatch(db, changes, companyRules).ApplyAsync(request.Id, Patch, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Resource, "Not a patchable resource."),
        };
    }
}
