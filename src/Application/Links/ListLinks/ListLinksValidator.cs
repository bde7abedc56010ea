using Linkage.Application.Common.Paging;

namespace Linkage.Application.Links.ListLinks;

public sealed class ListLinksValidator : AbstractValidator<ListLinks>
{
    public ListLinksValidator()
    {
        RuleFor(l => l.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}
