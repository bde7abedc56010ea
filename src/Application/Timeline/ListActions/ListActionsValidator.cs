using Linkage.Application.Common.Paging;

namespace Linkage.Application.Timeline.ListActions;

public sealed class ListActionsValidator : AbstractValidator<ListActions>
{
    public ListActionsValidator()
    {
        RuleFor(l => l.Kind).MaximumLength(50).OverridePropertyName("kind");
        RuleFor(l => l.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}
