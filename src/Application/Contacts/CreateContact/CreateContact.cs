using Linkage.Application.Resources.CreateResource;

namespace Linkage.Application.Contacts.CreateContact;

/// <summary>Creates a contact (API.md 2.1); its body is also what a patched contact must be valid as.</summary>
public sealed record CreateContact(
    string? FirstName,
    string? LastName,
    IReadOnlyList<ContactPointInput>? Emails,
    IReadOnlyList<ContactPointInput>? Phones,
    string? Description,
    IReadOnlyDictionary<string, JsonElement>? CustomFields)
    : IdempotentCreate<CreateContact>, IResourceInput<Contact, ContactDetails, ContactView>
{
    ResourceDescription<Contact, ContactView> ICreateResource<Contact, ContactView>.Resource => ContactResource.Description;

    RequiredRights IAuthorizedRequest.Rights => ContactResource.Description.Rights.Edit.ForRequest(null);

    public ContactDetails ToDetails() => new(
        Normalize(FirstName),
        Normalize(LastName),
        ContactPointInput.ToDomain(Emails),
        ContactPointInput.ToDomain(Phones),
        Description,
        CustomFieldValues.ToDomain(CustomFields));

    private static string? Normalize(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}
