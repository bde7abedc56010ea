using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.Contacts.PatchContact;

/// <summary>Applies a JSON Patch or a Merge Patch to a contact (API.md 4); If-Match or If-Unmodified-Since is required.</summary>
public sealed record PatchContact(Guid Id, PatchFormat Format, JsonNode? Patch, Precondition Precondition, FieldSelection Select)
    : PatchResource<Contact, ContactView>(Format, Patch, Precondition, Select, Domain: null)
{
    public override ResourceDescription<Contact, ContactView> Resource => ContactResource.Description;

    public override ILocator<Contact> Target => Locate.ById<Contact>(Resource.Noun, Id);
}
