namespace Linkage.Application.Links.UpdateLink;

/// <summary>
/// Changes a link's job title and/or primary status (API.md 2.2). An omitted member is left alone, an
/// explicit <c>null</c> clears it (<c>isPrimary: null</c> is false). <c>isPrimary: true</c> takes primary
/// from the contact's current primary link, whose version moves and whose change is recorded.
/// A body that changes nothing moves no version and records nothing.
/// </summary>
public sealed record UpdateLink(Guid Id, Optional<string?> JobTitle, Optional<bool?> IsPrimary, Precondition Precondition)
    : IConditionalCommand<NetworkLink, LinkView>
{
    public ILocator<NetworkLink> Target => Locate.ById<NetworkLink>(NetworkLinkResource.Description.Noun, Id);

    ILocator IConditionalCommand.Locator => Target;

    public bool AcceptsIfUnmodifiedSince => false;

    public RequiredRights Rights => NetworkLinkResource.Description.Rights.Edit.ForRequest(null);

    public RequiredRights RightsOver(NetworkLink target) => NetworkLinkResource.Description.Rights.Edit.Of(target);
}

/// <summary>
/// The PATCH body: only these members are known, so anything else (<c>id</c>, <c>version</c>...) is refused
/// as unknown rather than silently ignored.
/// </summary>
public sealed record UpdateLinkBody(Optional<string?> JobTitle, Optional<bool?> IsPrimary)
{
    public UpdateLink ToCommand(Guid id, Precondition precondition) => new(id, JobTitle, IsPrimary, precondition);
}

public sealed class UpdateLinkHandler(ChangeContext changes, PrimaryLinks primaryLinks)
    : IConditionalCommandHandler<UpdateLink, NetworkLink, LinkView>
{
    public async Task<LinkView> Handle(UpdateLink command, NetworkLink link, CancellationToken cancellationToken)
    {
        var jobTitle = command.JobTitle.Or(link.JobTitle);
        var isPrimary = command.IsPrimary.IsSet ? command.IsPrimary.Value ?? false : link.IsPrimary;

        var stamp = changes.Stamp();
        if (isPrimary && !link.IsPrimary)
        {
            await primaryLinks.FreeSlotAsync(link.ContactId, link.Id, stamp, cancellationToken);
        }

        link.Update(jobTitle, isPrimary, stamp);
        return NetworkLinkResource.Description.ViewOf(link);
    }
}
