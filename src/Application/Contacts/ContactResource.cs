using Linkage.Application.Patching;

namespace Linkage.Application.Contacts;

/// <summary>Contacts (API.md 2.1, 2.3, 4), described once: for the generic use cases, the API and the change feed (ADR 25).</summary>
public static class ContactResource
{
    public static ResourceDescription<Contact, ContactView> Description { get; } = new()
    {
        Name = "contact",
        Rights = new(
            Read: RightsRule<Contact>.OneOf(Permission.Read(BuiltInDomain.Contact)),
            Edit: RightsRule<Contact>.OneOf(Permission.Edit(BuiltInDomain.Contact))),
        Shape = ResourceShape.Of<ContactView>("contact", typeof(CreateContact.CreateContact), "firstName", "lastName", "emails", "phones", "description", "customFields"),
        Projection = ResourceView.Project<Contact, ContactView>(c => new ContactView(c.FirstName, c.LastName, c.FullName, c.Emails, c.Phones, c.Description, c.CustomFields)),

        // A patched contact is read back as its create's body, validated as a create, and applied with Contact.Update (ADR 8).
        PatchedBy = typeof(PatchAsCreate<Contact, ContactView, CreateContact.CreateContact>),
        Timeline = new([ActionKinds.ContactCreated, ActionKinds.ContactUpdated, ActionKinds.ContactDeleted], "the contact's own"),
        AcceptsIfUnmodifiedSince = true,

        // A prefix of first, last or full name, or a whole email value, in any case.
        Search = query => c =>
            c.FirstName!.ToLower().StartsWith(query)
            || c.LastName!.ToLower().StartsWith(query)
            || c.FullName.ToLower().StartsWith(query)
            || c.EmailKeys.Contains(query),
    };
}
