namespace Linkage.Application.Contacts.DeleteContact;

/// <summary>Deletes a contact softly, and its links with it (API.md 2.1, ADR 10); If-Match is required.</summary>
public sealed record DeleteContact(Guid Id, Precondition Precondition) : DeleteResource<Contact, ContactView>(Precondition, Domain: null)
{
    public override ResourceDescription<Contact, ContactView> Resource => ContactResource.Description;

    public override ILocator<Contact> Target => Locate.ById<Contact>(Resource.Noun, Id);
}
