namespace Linkage.Application.Events.ListEvents;

public sealed class ListEventsValidator : AbstractValidator<ListEvents>
{
    public ListEventsValidator()
    {
        RuleFor(l => l.Limit).InclusiveBetween(1, ListEvents.MaxLimit).OverridePropertyName("limit");
        RuleFor(l => l.After).MaximumLength(64).OverridePropertyName("after");
        RuleFor(l => l.Types).MustNameEventTypes();
    }
}
