namespace Linkage.Application.Resources;

/// <summary>
/// What a generic change of a resource says as a conditional command (<c>PatchResource</c>, <c>DeleteResource</c>): the
/// resource's description, the locator of its target, and the rights both give. <see cref="Domain"/> is the domain the route
/// names (<c>/records/{domain}</c>), else null.
/// </summary>
public abstract record ResourceWrite<TAggregate, TView, TResponse>(Precondition Precondition, string? Domain) : IConditionalCommand<TAggregate, TResponse>
    where TAggregate : AggregateRoot
{
    [System.Text.Json.Serialization.JsonIgnore]
    public abstract ResourceDescription<TAggregate, TView> Resource { get; }

    [System.Text.Json.Serialization.JsonIgnore]
    public abstract ILocator<TAggregate> Target { get; }

    ILocator IConditionalCommand.Locator => Target;

    public abstract bool AcceptsIfUnmodifiedSince { get; }

    public RequiredRights Rights => Resource.Rights.Edit.ForRequest(Domain);

    public RequiredRights RightsOver(TAggregate target) => Resource.Rights.Edit.Of(target);
}
