namespace Linkage.Application.Common.Paging;

/// <summary>A query that reads one page of a list (API.md 1.6): its <see cref="Page"/> is validated by <see cref="PagedQueryValidator{TQuery}"/>.</summary>
public interface IPagedQuery
{
    PageRequest Page { get; }
}

/// <summary>
/// The page rules of every list (limit 1..200, a cursor of bounded length), for every <see cref="IPagedQuery"/>:
/// registered once as an open generic, beside the query's own validator if it has one.
/// </summary>
public sealed class PagedQueryValidator<TQuery> : AbstractValidator<TQuery>
    where TQuery : IPagedQuery
{
    public PagedQueryValidator() =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}
