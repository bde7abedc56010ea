namespace Linkage.Application.Contacts.GetContact;

/// <summary>Reads a contact (API.md 2.1); <c>$select</c> names the properties to answer with.</summary>
public sealed record GetContact(Guid Id, FieldSelection Select) : GetResource<Contact, ContactView>(Select)
{
    public override ResourceDescription<Contact, ContactView> Resource => ContactResource.Description;

    public override Expression<Func<Contact, bool>> Which => c => c.Id == Id;
}
