using Linkage.Application.Contacts;
using Linkage.Application.Contacts.CreateContact;
using Linkage.Application.Contacts.DeleteContact;
using Linkage.Application.Contacts.GetContact;
using Linkage.Application.Contacts.ListContacts;
using Linkage.Application.Contacts.PatchContact;

namespace Linkage.Api.Controllers;

/// <summary>Contacts (API.md 2.1), their patches (4) and their timelines (2.3).</summary>
[Route("api/v1/network/contacts")]
public sealed class ContactsController() : NetworkRecordController<ContactView, CreateContact>(
    TimelineSubject.Contact,
    get: (id, select) => new GetContact(id, select),
    list: (q, page) => new ListContacts(q, page),
    patch: (id, format, patch, precondition, select) => new PatchContact(id, format, patch, precondition, select),
    delete: (id, precondition) => new DeleteContact(id, precondition));
