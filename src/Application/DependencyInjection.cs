using Linkage.Application.Common.Behaviors;
using Linkage.Application.Common.Paging;
using Linkage.Application.Companies;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Contacts;
using Linkage.Application.Contacts.CreateContact;
using Linkage.Application.Definitions;
using Linkage.Application.Files;
using Linkage.Application.Files.CreateFile;
using Linkage.Application.Links;
using Linkage.Application.Links.UpsertLink;
using Linkage.Application.Records;
using Linkage.Application.TypedLinks;
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

        services.AddResource<Contact, ContactView>().Creatable<CreateContact>().Listable().Deletable().PatchableAsCreate<CreateContact>();
        services.AddResource<Company, CompanyView>().Creatable<CreateCompany>().Listable().Deletable().PatchableAsCreate<CreateCompany>();
        services.AddResource<Link, LinkView>().Deletable();
        services.AddResource<FileRecord, FileView>().Creatable<CreateFile>().Deletable();
        services.AddResource<DomainRecord, RecordView>().Deletable().Patchable<RecordPatching>();
        services.AddResource<DomainDefinition, DomainView>().Named().Patchable<DomainPatching>();
        services.AddResource<RelationshipType, RelationshipTypeView>().Named().Patchable<RelationshipTypePatching>();
        services.AddDocument<Link, TypedLinkView, TypedLinkPatching>();
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

        services.AddScoped<IdempotencyOutcome>();
        services.AddScoped<ChangeContext>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
