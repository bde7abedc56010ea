using Linkage.Application.Common.Paging;
using Linkage.Application.Patching.ApplyPatch;
using Linkage.Application.Resources.CreateResource;
using Linkage.Application.Resources.DeleteResource;
using Linkage.Application.Resources.GetResource;
using Linkage.Application.Resources.ListResources;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Application.Common.Resources;

/// <summary>
/// Which use cases serve a resource, said once per resource in <see cref="DependencyInjection"/>:
/// <c>services.AddResource(ContactResource.Description).Creatable&lt;CreateContact&gt;().Readable&lt;GetContact&gt;()...</c>. Each
/// method registers the generic handler of one named use case; the constraints are the use case's, so a resource that
/// cannot be (say) deleted does not compile. Adding the resource adds its description to the <see cref="ResourceCatalog"/>.
/// </summary>
public sealed class ResourceRegistration<TAggregate, TView>(IServiceCollection services, ResourceDescription<TAggregate, TView> description)
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    /// <summary>Created with <typeparamref name="TCommand"/> (<see cref="CreateResourceHandler{TCommand,TAggregate,TView}"/>).</summary>
    public ResourceRegistration<TAggregate, TView> Creatable<TCommand>()
        where TCommand : ICreateResource<TAggregate, TView>
    {
        RequireProjection();
        services.AddTransient<IRequestHandler<TCommand, IdempotentResult<TView>>, CreateResourceHandler<TCommand, TAggregate, TView>>();
        return this;
    }

    /// <summary>Read by <typeparamref name="TQuery"/> (<see cref="GetResourceHandler{TQuery,TAggregate,TView}"/>).</summary>
    public ResourceRegistration<TAggregate, TView> Readable<TQuery>()
        where TQuery : GetResource<TAggregate, TView>
    {
        RequireProjection();
        services.AddTransient<IRequestHandler<TQuery, TView>, GetResourceHandler<TQuery, TAggregate, TView>>();
        return this;
    }

    /// <summary>Listed by <typeparamref name="TQuery"/> (<see cref="ListResourcesHandler{TQuery,TAggregate,TView}"/>).</summary>
    public ResourceRegistration<TAggregate, TView> Listable<TQuery>()
        where TQuery : ListResources<TAggregate, TView>
    {
        RequireProjection();
        services.AddTransient<IRequestHandler<TQuery, Page<TView>>, ListResourcesHandler<TQuery, TAggregate, TView>>();
        services.AddSingleton<IValidator<TQuery>, ListResourcesValidator<TQuery, TAggregate, TView>>();
        return this;
    }

    /// <summary>Patched by <typeparamref name="TCommand"/>, as the description's <c>PatchedBy</c> says (<see cref="ApplyPatchHandler{TCommand,TAggregate,TView}"/>).</summary>
    public ResourceRegistration<TAggregate, TView> Patchable<TCommand>()
        where TCommand : PatchResource<TAggregate, TView>
    {
        services.AddPatching<TCommand, TAggregate, TView>(description);
        return this;
    }

    /// <summary>Deleted by <typeparamref name="TCommand"/> (<see cref="DeleteResourceHandler{TCommand,TAggregate,TView}"/>), with the aggregate's cascades.</summary>
    public ResourceRegistration<TAggregate, TView> Deletable<TCommand>()
        where TCommand : DeleteResource<TAggregate, TView>
    {
        if (!typeof(ISoftDeletable).IsAssignableFrom(typeof(TAggregate)))
        {
            throw new InvalidOperationException($"{description}: a {typeof(TAggregate).Name} is not deleted softly (ISoftDeletable), so it cannot be deleted.");
        }

        services.AddConditional(
            typeof(IConditionalCommandHandler<TCommand, TAggregate, Unit>), typeof(DeleteResourceHandler<TCommand, TAggregate, TView>));
        return this;
    }

    private void RequireProjection()
    {
        if (description.Projection is null)
        {
            throw new InvalidOperationException($"{description}: the generic use cases read and answer with its projection, which it does not have.");
        }
    }
}

/// <summary>Adds resources and their descriptions.</summary>
public static class ResourceRegistrations
{
    /// <summary>A resource shown as a <see cref="ResourceView"/>: what the generic use cases serve.</summary>
    public static ResourceRegistration<TAggregate, TView> AddResource<TAggregate, TView>(
        this IServiceCollection services, ResourceDescription<TAggregate, TView> description)
        where TAggregate : AggregateRoot
        where TView : ResourceView
    {
        services.AddSingleton<IResourceDescription>(description);
        services.AddSingleton(description);
        return new ResourceRegistration<TAggregate, TView>(services, description);
    }

    /// <summary>
    /// A resource whose view needs more than its aggregate (a typed link, a note): its description joins the catalog; its
    /// reads are its own use cases.
    /// </summary>
    public static DocumentRegistration<TAggregate, TView> AddDocumentResource<TAggregate, TView>(
        this IServiceCollection services, ResourceDescription<TAggregate, TView> description)
        where TAggregate : AggregateRoot
    {
        services.AddSingleton<IResourceDescription>(description);
        services.AddSingleton(description);
        return new DocumentRegistration<TAggregate, TView>(services, description);
    }

    /// <summary>Patched by <typeparamref name="TCommand"/>, as the description's <c>PatchedBy</c> says.</summary>
    internal static void AddPatching<TCommand, TAggregate, TView>(this IServiceCollection services, ResourceDescription<TAggregate, TView> description)
        where TCommand : PatchResource<TAggregate, TView>
        where TAggregate : AggregateRoot
    {
        var patchedBy = description.PatchedBy
            ?? throw new InvalidOperationException($"{description}: patched by {typeof(TCommand).Name}, but its description says by nothing.");
        services.AddTransient(typeof(IPatchable<TAggregate, TView>), patchedBy);
        services.AddConditional(typeof(IConditionalCommandHandler<TCommand, TAggregate, TView>), typeof(ApplyPatchHandler<TCommand, TAggregate, TView>));
    }
}

/// <summary>Which generic use cases serve a resource whose view is no <see cref="ResourceView"/>: only <c>ApplyPatch</c> can.</summary>
public sealed class DocumentRegistration<TAggregate, TView>(IServiceCollection services, ResourceDescription<TAggregate, TView> description)
    where TAggregate : AggregateRoot
{
    /// <summary>Patched by <typeparamref name="TCommand"/>, as the description's <c>PatchedBy</c> says (<see cref="ApplyPatchHandler{TCommand,TAggregate,TView}"/>).</summary>
    public DocumentRegistration<TAggregate, TView> Patchable<TCommand>()
        where TCommand : PatchResource<TAggregate, TView>
    {
        services.AddPatching<TCommand, TAggregate, TView>(description);
        return this;
    }
}
