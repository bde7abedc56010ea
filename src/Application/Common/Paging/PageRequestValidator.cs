namespace Linkage.Application.Common.Paging;

public sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(p => p.Limit).InclusiveBetween(1, PageRequest.MaxLimit).OverridePropertyName("limit");
        RuleFor(p => p.Cursor).MaximumLength(200).OverridePropertyName("cursor");
    }
}
