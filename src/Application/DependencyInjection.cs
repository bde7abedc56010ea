using Linkage.Application.Common.Behaviors;
using Linkage.Application.Common.Paging;
using Linkage.Application.Companies;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Companies.DeleteCompany;
using Linkage.Application.Companies.GetCompany;
using Linkage.Application.Companies.ListCompanies;
using Linkage.Application.Companies.PatchCompany;
using Linkage.Application.Contacts;
using Linkage.Application.Contacts.CreateContact;
using Linkage.Application.Contacts.DeleteContact;
using Linkage.Application.Contacts.GetContact;
using Linkage.Application.Contacts.ListContacts;
using Linkage.Application.Contacts.PatchContact;
using Linkage.Application.Definitions;
using Linkage.Application.Definitions.GetDomain;
using Linkage.Application.Definitions.GetRelationshipType;
using Linkage.Application.Definitions.ListDomains;
using Linkage.Application.Definitions.ListRelationshipTypes;
using Linkage.Application.Definitions.PatchDomain;
using Linkage.Application.Definitions.PatchRelationshipType;
using Linkage.Application.Files;
using Linkage.Application.Files.CreateFile;
using Linkage.Application.Files.DeleteFile;
using Linkage.Application.Files.GetFile;
using Linkage.Application.Links;
using Linkage.Application.Links.DeleteLink;
using Linkage.Application.Links.GetLink;
using Linkage.Application.Links.UpsertLink;
using Linkage.Application.Notes;
using Linkage.Application.Records;
using Linkage.Application.Records.DeleteRecord;
using Linkage.Application.Records.PatchRecord;
using Linkage.Application.TypedLinks;
using Linkage.Application.TypedLinks.PatchTypedLink;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR (5.1 has no DI package: the factory, mediator and handlers are wired here), the
    /// pipeline (<see cref="Pipeline"/>), the validators, the resources served by the generic use cases, and
    /// what the use cases share. The store behind the abstractions comes from the infrastructure.
    /// </summary>
    public static IServiceCollection AddLinkageApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        UseCaseRegistration.AddHandlers(services, typeof(DependencyInjection).Assembly);
        Pipeline.Add(services);

        // Child validators that take settings (e.g. ContactPointValidator) are composed by hand, not registered.
        services.AddSingleton(typeof(IValidator<>), typeof(PagedQueryValidator<>));
        services.AddValidatorsFromAssembly(
            typeof(DependencyInjection).Assembly,
            ServiceLifetime.Singleton,
            filter: v => v.ValidatorType.GetConstructor(Type.EmptyTypes) is not null);

        // The resources, each described in its own folder (ADR 25), and the named use cases the generic ones serve.
        services.AddResource(ContactResource.Description)
            .Creatable<CreateContact>().Readable<GetContact>().Listable<ListContacts>().Patchable<PatchContact>().Deletable<DeleteContact>();
        services.AddResource(CompanyResource.Description)
            .Creatable<CreateCompany>().Readable<GetCompany>().Listable<ListCompanies>().Patchable<PatchCompany>().Deletable<DeleteCompany>();
        services.AddResource(FileResource.Description).Creatable<CreateFile>().Readable<GetFile>().Deletable<DeleteFile>();
        services.AddResource(RecordResource.Description).Patchable<PatchRecord>().Deletable<DeleteRecord>();
        services.AddResource(DomainResource.Description).Readable<GetDomain>().Listable<ListDomains>().Patchable<PatchDomain>();
        services.AddResource(RelationshipTypeResource.Description)
            .Readable<GetRelationshipType>().Listable<ListRelationshipTypes>().Patchable<PatchRelationshipType>();
        services.AddResource(NetworkLinkResource.Description).Readable<GetLink>().Deletable<DeleteLink>();
        services.AddDocumentResource(TypedLinkResource.Description).Patchable<PatchTypedLink>();
        services.AddDocumentResource(NoteResource.Description);
        services.AddSingleton<ResourceCatalog>();

        services.AddScoped<TypedLinkDocuments>();
        services.AddScoped<IDeleteCascade<Contact>, LinkCascade>();
        services.AddScoped<IDeleteCascade<Company>, LinkCascade>();
        services.AddScoped<IDeleteCascade<DomainRecord>, LinkCascade>();
        services.AddScoped<IDeleteCascade<FileRecord>, LinkCascade>();
        services.AddScoped<PrimaryLinks>();
        services.AddScoped<LinkSides>();
        services.AddScoped<DomainCatalog>();
        services.AddScoped<RecordFields>();
        services.AddScoped<RecordMasks>();
        services.AddScoped<Records.GetRecord.RecordReader>();

        services.AddScoped<ChangeContext>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
