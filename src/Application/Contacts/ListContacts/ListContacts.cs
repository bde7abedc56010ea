using Linkage.Application.Common.Paging;

namespace Linkage.Application.Contacts.ListContacts;

/// <summary>Lists contacts in the order they were made; <c>?q=</c> keeps those it matches (API.md 2.1).</summary>
public sealed record ListContacts(string? Query, PageRequest Page) : ListResources<Contact, ContactView>(Query, Page)
{
    public override ResourceDescription<Contact, ContactView> Resource => ContactResource.Description;
}
