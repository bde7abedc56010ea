namespace Linkage.Application.Timeline.ListActions;

public sealed class ListActionsValidator : AbstractValidator<ListActions>
{
    public ListActionsValidator()
    {
        RuleFor(l => l.Kind).MaximumLength(50).OverridePropertyName("kind");
    }
}
