using System.Text.Json.Serialization;
using System.Text.Json;
using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Application.Common.Validation;
using Linkage.Domain.Contacts;
using MediatR;

namespace Linkage.Application.Contacts.CreateContact;

/// <summary>Creates a contact (API.md 2.1).</summary>
public sealed record CreateContact(
    string? FirstName,
    string? LastName,
    IReadOnlyList<ContactPointInput>? Emails,
    IReadOnlyList<ContactPointInput>? Phones,
    string? Description,
    IReadOnlyDictionary<string, JsonElement>? CustomFields)
    : ICommand<ContactView>, IAuthorizedRequest, IIdempotentCommand
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Edit("Contact")];

    public ContactDetails ToDetails() => new(
        Normalize(FirstName),
        Normalize(LastName),
        ContactPointInput.ToDomain(Emails),
        ContactPointInput.ToDomain(Phones),
        Description,
        CustomFieldValues.ToDomain(CustomFields));

    private static string? Normalize(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}

public sealed class CreateContactHandler(ILinkageDbContext db, ChangeContext changes) : IRequestHandler<CreateContact, ContactView>
{
    public Task<ContactView> Handle(CreateContact request, CancellationToken cancellationToken)
    {
        var contact = Contact.Create(changes.TenantId, request.ToDetails(), changes.Stamp());
        db.Contacts.Add(contact);
        return Task.FromResult(ContactView.From(contact));
    }
}
