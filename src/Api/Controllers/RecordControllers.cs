using Linkage.Application.Companies;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Contacts;
using Linkage.Application.Contacts.CreateContact;
using Linkage.Application.Files;
using Linkage.Application.Files.CreateFile;
using Linkage.Domain.Companies;
using Linkage.Domain.Contacts;
using Linkage.Domain.Files;

namespace Linkage.Api.Controllers;

// Records served by the generic use cases, each on its route.

/// <summary>Contacts (API.md 2.1), their patches (4) and their timelines (2.3).</summary>
[Route("api/v1/network/contacts")]
public sealed class ContactsController() : NetworkRecordController<Contact, ContactView, CreateContact>(TimelineSubject.Contact);

/// <summary>Companies (API.md 2.1), their patches (4) and their timelines (2.3).</summary>
[Route("api/v1/network/companies")]
public sealed class CompaniesController() : NetworkRecordController<Company, CompanyView, CreateCompany>(TimelineSubject.Company);

/// <summary>File records (API.md 5.1): metadata of files whose bytes live elsewhere.</summary>
[Route("api/v1/files")]
public sealed class FilesController() : ResourceController<FileRecord, FileView, CreateFile>(TimelineSubject.File);
