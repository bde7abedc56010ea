namespace Linkage.Application.Resources.ListResources;

public sealed class ListResourcesValidator<TAggregate, TView> : AbstractValidator<ListResources<TAggregate, TView>>
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>, ISearchableView<TAggregate>
{
    public ListResourcesValidator()
    {
        RuleFor(l => l.Query).MaximumLength(200).OverridePropertyName("q");
    }
}
