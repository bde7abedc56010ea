using Linkage.Application.Common.Paging;
using Linkage.Application.Definitions.FindDefinition;
using Linkage.Application.Definitions.ListDefinitions;
using Linkage.Application.Patching;
using Linkage.Application.Patching.ApplyPatch;
using Linkage.Application.Resources.CreateResource;
using Linkage.Application.Resources.DeleteResource;
using Linkage.Application.Resources.GetResource;
using Linkage.Application.Resources.ListResources;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Application.Common.Resources;

/// <summary>A resource being registered: which generic use cases serve it is said by the extension methods below.</summary>
public sealed record ResourceRegistration<TAggregate, TView>(IServiceCollection Services)
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    /// <summary>Created with <typeparamref name="TCommand"/> (<see cref="CreateResourceHandler{TCommand,TAggregate,TView}"/>).</summary>
    public ResourceRegistration<TAggregate, TView> Creatable<TCommand>()
        where TCommand : ICreateResource<TAggregate, TView>
    {
        Services.AddTransient<IRequestHandler<TCommand, IdempotentResult<TView>>, CreateResourceHandler<TCommand, TAggregate, TView>>();
        return this;
    }

    /// <summary>Patched through <see cref="ApplyPatch{TAggregate,TView}"/>, validated as its create (<see cref="PatchAsCreate{TAggregate,TView,TInput}"/>).</summary>
    public ResourceRegistration<TAggregate, TView> PatchableAsCreate<TInput>()
        where TInput : class, ICreateInput<TAggregate> => Patchable<PatchAsCreate<TAggregate, TView, TInput>>();

    /// <summary>Patched through <see cref="ApplyPatch{TAggregate,TView}"/>; <typeparamref name="TPatching"/> says what a patched document means.</summary>
    public ResourceRegistration<TAggregate, TView> Patchable<TPatching>()
        where TPatching : class, IPatchable<TAggregate, TView>
    {
        Services.AddTransient<IPatchable<TAggregate, TView>, TPatching>();
        Services.AddConditional(
            typeof(IConditionalCommandHandler<ApplyPatch<TAggregate, TView>, TAggregate, TView>),
            typeof(ApplyPatchHandler<TAggregate, TView>));
        return this;
    }
}

/// <summary>
/// Which generic use cases serve a resource, said once per resource in <see cref="DependencyInjection"/>:
/// <c>services.AddResource&lt;Contact, ContactView&gt;().Creatable&lt;CreateContact&gt;().Deletable()...</c>.
/// The constraints of each method are those of its use case, so a resource that cannot be (say) deleted does not compile.
/// </summary>
public static class ResourceRegistrations
{
    /// <summary>Starts the registration of a resource; every resource can be read by id (<see cref="GetResource{TAggregate,TView}"/>).</summary>
    public static ResourceRegistration<TAggregate, TView> AddResource<TAggregate, TView>(this IServiceCollection services)
        where TAggregate : AggregateRoot
        where TView : ResourceView, IResourceView<TAggregate, TView>
    {
        services.AddTransient<IRequestHandler<GetResource<TAggregate, TView>, TView>, GetResourceHandler<TAggregate, TView>>();
        return new ResourceRegistration<TAggregate, TView>(services);
    }

    public static ResourceRegistration<TAggregate, TView> Listable<TAggregate, TView>(this ResourceRegistration<TAggregate, TView> resource)
        where TAggregate : AggregateRoot
        where TView : ResourceView, IResourceView<TAggregate, TView>, ISearchableView<TAggregate>
    {
        resource.Services.AddTransient<IRequestHandler<ListResources<TAggregate, TView>, Page<TView>>, ListResourcesHandler<TAggregate, TView>>();
        resource.Services.AddSingleton<IValidator<ListResources<TAggregate, TView>>, ListResourcesValidator<TAggregate, TView>>();
        return resource;
    }

    /// <summary>Found by name and listed (<see cref="FindDefinition{TDefinition,TView}"/>, <see cref="ListDefinitions{TDefinition,TView}"/>).</summary>
    public static ResourceRegistration<TAggregate, TView> Named<TAggregate, TView>(this ResourceRegistration<TAggregate, TView> resource)
        where TAggregate : AggregateRoot, IDefinition
        where TView : ResourceView, IResourceView<TAggregate, TView>
    {
        resource.Services.AddTransient<IRequestHandler<FindDefinition<TAggregate, TView>, TView>, FindDefinitionHandler<TAggregate, TView>>();
        resource.Services.AddTransient<IRequestHandler<ListDefinitions<TAggregate, TView>, Page<TView>>, ListDefinitionsHandler<TAggregate, TView>>();
        return resource;
    }

    public static ResourceRegistration<TAggregate, TView> Deletable<TAggregate, TView>(this ResourceRegistration<TAggregate, TView> resource)
        where TAggregate : AggregateRoot, ISoftDeletable
        where TView : ResourceView, IResourceView<TAggregate, TView>
    {
        resource.Services.AddConditional(
            typeof(IConditionalCommandHandler<DeleteResource<TAggregate, TView>, TAggregate, Unit>),
            typeof(DeleteResourceHandler<TAggregate, TView>));
        return resource;
    }

    /// <summary>
    /// A document that is not a <see cref="ResourceView"/> (a typed link, API.md 6): patched through
    /// <see cref="ApplyPatch{TAggregate,TView}"/> as <typeparamref name="TPatching"/> says, and deleted.
    /// </summary>
    public static IServiceCollection AddDocument<TAggregate, TView, TPatching>(this IServiceCollection services)
        where TAggregate : AggregateRoot, ISoftDeletable
        where TView : IDocument<TAggregate, TView>
        where TPatching : class, IPatchable<TAggregate, TView>
    {
        services.AddTransient<IPatchable<TAggregate, TView>, TPatching>();
        services.AddConditional(
            typeof(IConditionalCommandHandler<ApplyPatch<TAggregate, TView>, TAggregate, TView>),
            typeof(ApplyPatchHandler<TAggregate, TView>));
        services.AddConditional(
            typeof(IConditionalCommandHandler<DeleteResource<TAggregate, TView>, TAggregate, Unit>),
            typeof(DeleteResourceHandler<TAggregate, TView>));
        return services;
    }
}
