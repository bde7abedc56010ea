using System.Text.Json.Nodes;
using FluentValidation;
using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Patching;
using Linkage.Application.Patching.ApplyPatch;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Companies.PatchCompany;

/// <summary>The company side of <see cref="ApplyPatch"/>: patch its GET document, validate the result as a create, update.</summary>
internal sealed class CompanyPatch(ILinkageDbContext db, ChangeContext changes, IValidator<CreateCompany.CreateCompany> rules)
{
    public async Task<PatchedResource> ApplyAsync(Guid id, Func<JsonObject, JsonObject> patch, CancellationToken cancellationToken)
    {
        var company = await db.Companies.LoadAsync(id, cancellationToken)
            ?? throw new NotFoundException("No such company.");
        var patched = patch(ResourcePatch.DocumentOf(CompanyView.From(company)));
        var input = await PatchedInput.ReadAsync(patched, CompanyShape.Instance, rules, cancellationToken);

        // Update compares field by field: a patch that changes nothing records nothing and moves no version.
        company.Update(input.ToDetails(), changes.Stamp());
        return new PatchedResource(CompanyView.From(company), company.Version);
    }
}
