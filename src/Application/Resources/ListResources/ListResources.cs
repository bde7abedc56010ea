using Linkage.Application.Common.Paging;

namespace Linkage.Application.Resources.ListResources;

/// <summary>
/// Lists live resources in id (creation) order (<c>ListContacts</c>, <c>ListDomains</c>); <see cref="Query"/>, when given,
/// keeps those the resource's search says match it (API.md 2.1).
/// </summary>
public abstract record ListResources<TAggregate, TView>(string? Query, PageRequest Page) : IQuery<Page<TView>>, IAuthorizedRequest, IPagedQuery
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    [System.Text.Json.Serialization.JsonIgnore]
    public abstract ResourceDescription<TAggregate, TView> Resource { get; }

    public RequiredRights Rights => Resource.Rights.Read.ForRequest(null);
}

public sealed class ListResourcesHandler<TQuery, TAggregate, TView>(ILinkageDbContext db) : IRequestHandler<TQuery, Page<TView>>
    where TQuery : ListResources<TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    public Task<Page<TView>> Handle(TQuery request, CancellationToken cancellationToken)
    {
        var resource = request.Resource;
        var rows = db.Set<TAggregate>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Query) && resource.Search is { } search)
        {
            rows = rows.Where(search(request.Query.Trim().ToLowerInvariant()));
        }

        return rows.PageByIdAsync(request.Page, resource.Projection!, cancellationToken);
    }
}

/// <summary>A list's <c>?q=</c> is at most 200 characters.</summary>
public sealed class ListResourcesValidator<TQuery, TAggregate, TView> : AbstractValidator<TQuery>
    where TQuery : ListResources<TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    public ListResourcesValidator()
    {
        RuleFor(l => l.Query).MaximumLength(200).OverridePropertyName("q");
    }
}
