using Linkage.Application.Links;

namespace Linkage.Application.TypedLinks.DeleteTypedLink;

/// <summary>
/// Deletes a link named by its id or its composite key (API.md 6), resolved in the command's transaction; If-Match is
/// required. Any link of section 5 is deleted here, the network link an upsert made for a company too: both kinds need the
/// attach right on the parent's domain (API.md 5.3).
/// </summary>
public sealed record DeleteTypedLink(string Key, Precondition Precondition) : IConditionalCommand<Link, Unit>
{
    public ILocator<Link> Target => LinkKey.Parse(Key).LocatesLink(TypedLinkResource.Description.Noun);

    ILocator IConditionalCommand.Locator => Target;

    public bool AcceptsIfUnmodifiedSince => false;

    public RequiredRights Rights => RequiredRights.OnTarget;

    public RequiredRights RightsOver(Link target) => target switch
    {
        NetworkLink network => NetworkLinkResource.Description.Rights.Edit.Of(network),
        TypedLink typed => TypedLinkResource.Description.Rights.Edit.Of(typed),
        _ => throw new InvalidOperationException($"A {target.GetType().Name} is no kind of link."),
    };
}

public sealed class DeleteTypedLinkValidator : AbstractValidator<DeleteTypedLink>
{
    public DeleteTypedLinkValidator() => RuleFor(d => d.Key).Must(LinkKey.IsValid).WithMessage(LinkKey.Rule).OverridePropertyName("id");
}

public sealed class DeleteTypedLinkHandler(ChangeContext changes) : IConditionalCommandHandler<DeleteTypedLink, Link, Unit>
{
    public Task<Unit> Handle(DeleteTypedLink command, Link target, CancellationToken cancellationToken)
    {
        target.Delete(changes.Stamp());
        return Task.FromResult(Unit.Value);
    }
}
