using System.Text.Json.Nodes;
using FluentValidation;
using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Contacts.CreateContact;
using Linkage.Application.Patching;
using Linkage.Application.Patching.ApplyPatch;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Contacts.PatchContact;

/// <summary>The contact side of <see cref="ApplyPatch"/>: patch its GET document, validate the result as a create, update.</summary>
internal sealed class ContactPatch(ILinkageDbContext db, ChangeContext changes, IValidator<CreateContact.CreateContact> rules)
{
    public async Task<PatchedResource> ApplyAsync(Guid id, Func<JsonObject, JsonObject> patch, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.LoadAsync(id, cancellationToken)
            ?? throw new NotFoundException("No such contact.");
        var patched = patch(ResourcePatch.DocumentOf(ContactView.From(contact)));
        var input = await PatchedInput.ReadAsync(patched, ContactShape.Instance, rules, cancellationToken);

        // Update compares field by field: a patch that changes nothing records nothing and moves no version.
        contact.Update(input.ToDetails(), changes.Stamp());
        return new PatchedResource(ContactView.From(contact), contact.Version);
    }
}
