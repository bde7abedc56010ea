using FluentValidation;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Paging;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Links.ListLinks;

/// <summary>The live links of a live contact or company (<see cref="SubjectType"/>), in id (creation) order.</summary>
public sealed record ListLinks(string SubjectType, Guid SubjectId, PageRequest Page) : IQuery<Page<LinkView>>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => LinkRights.Read;
}

public sealed class ListLinksHandler(ILinkageDbContext db) : IRequestHandler<ListLinks, Page<LinkView>>
{
    public async Task<Page<LinkView>> Handle(ListLinks request, CancellationToken cancellationToken)
    {
        var ofCompany = request.SubjectType == SubjectType.Company;
        var exists = ofCompany
            ? await db.Companies.AnyAsync(c => c.Id == request.SubjectId, cancellationToken)
            : await db.Contacts.AnyAsync(c => c.Id == request.SubjectId, cancellationToken);
        if (!exists)
        {
            throw new NotFoundException($"No such {request.SubjectType}.");
        }

        var links = ofCompany
            ? db.Links.AsNoTracking().Where(l => l.CompanyId == request.SubjectId)
            : db.Links.AsNoTracking().Where(l => l.ContactId == request.SubjectId);
        if (request.Page.DecodeGuidCursor() is { } after)
        {
            links = links.Where(l => l.Id.CompareTo(after) > 0);
        }

        var rows = await links.OrderBy(l => l.Id).Take(request.Page.Limit + 1)
            .Select(LinkView.Projection).ToListAsync(cancellationToken);
        return request.Page.ToPage(rows, l => l.Id.ToString());
    }
}

public sealed class ListLinksValidator : AbstractValidator<ListLinks>
{
    public ListLinksValidator()
    {
        RuleFor(l => l.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}
