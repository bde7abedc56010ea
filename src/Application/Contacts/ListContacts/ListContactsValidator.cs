using FluentValidation;
using Linkage.Application.Common.Paging;

namespace Linkage.Application.Contacts.ListContacts;

public sealed class ListContactsValidator : AbstractValidator<ListContacts>
{
    public ListContactsValidator()
    {
        RuleFor(l => l.Query).MaximumLength(200).OverridePropertyName("q");
        RuleFor(l => l.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}
