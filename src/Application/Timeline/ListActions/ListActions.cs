using FluentValidation;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Paging;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Timeline.ListActions;

/// <summary>A live contact's or company's timeline, newest first; <see cref="Kind"/> filters by kind prefix.</summary>
public sealed record ListActions(string SubjectType, Guid SubjectId, string? Kind, PageRequest Page)
    : IQuery<Page<ActionView>>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions =>
        [Permission.Read(SubjectType == Domain.Common.SubjectType.Company ? "Company" : "Contact")];
}

public sealed class ListActionsHandler(ILinkageDbContext db) : IRequestHandler<ListActions, Page<ActionView>>
{
    public async Task<Page<ActionView>> Handle(ListActions request, CancellationToken cancellationToken)
    {
        var exists = request.SubjectType == SubjectType.Company
            ? await db.Companies.AnyAsync(c => c.Id == request.SubjectId, cancellationToken)
            : await db.Contacts.AnyAsync(c => c.Id == request.SubjectId, cancellationToken);
        if (!exists)
        {
            throw new NotFoundException($"No such {request.SubjectType}.");
        }

        var actions = db.TimelineActions.AsNoTracking()
            .Where(a => a.SubjectType == request.SubjectType && a.SubjectId == request.SubjectId);
        if (!string.IsNullOrEmpty(request.Kind))
        {
            actions = actions.Where(a => a.Kind.StartsWith(request.Kind));
        }

        if (request.Page.DecodeLongCursor() is { } before)
        {
            actions = actions.Where(a => a.Position < before);
        }

        var rows = await actions.OrderByDescending(a => a.Position).Take(request.Page.Limit + 1)
            .Select(ActionView.Projection).ToListAsync(cancellationToken);
        return request.Page.ToPage(rows, a => a.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class ListActionsValidator : AbstractValidator<ListActions>
{
    public ListActionsValidator()
    {
        RuleFor(l => l.Kind).MaximumLength(50).OverridePropertyName("kind");
        RuleFor(l => l.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}
