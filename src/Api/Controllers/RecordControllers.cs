using Linkage.Application.Companies;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Contacts;
using Linkage.Application.Contacts.CreateContact;
using Linkage.Domain.Companies;
using Linkage.Domain.Contacts;

namespace Linkage.Api.Controllers;

// The records of the network: each is a ResourceController (create, get, list, patch, delete, timeline) on its route.

/// <summary>Contacts (API.md 2.1), their patches (4) and their timelines (2.3).</summary>
[Route("api/v1/network/contacts")]
public sealed class ContactsController() : ResourceController<Contact, ContactView, CreateContact>(SubjectType.Contact);

/// <summary>Companies (API.md 2.1), their patches (4) and their timelines (2.3).</summary>
[Route("api/v1/network/companies")]
public sealed class CompaniesController() : ResourceController<Company, CompanyView, CreateCompany>(SubjectType.Company);
