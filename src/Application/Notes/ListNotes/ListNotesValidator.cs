using Linkage.Application.Common.Paging;

namespace Linkage.Application.Notes.ListNotes;

public sealed class ListNotesValidator : AbstractValidator<ListNotes>
{
    public ListNotesValidator()
    {
        RuleFor(l => l.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}
