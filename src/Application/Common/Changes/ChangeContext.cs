namespace Linkage.Application.Common.Changes;

/// <summary>Stamps changes with the current actor, time (from <see cref="TimeProvider"/>) and origin.</summary>
public sealed class ChangeContext(TimeProvider time, ICurrentUser user, IChangeOrigin origin)
{
    public ChangeStamp Stamp() => new(time.GetUtcNow(), user.ActorId, origin.Value);

    public string TenantId => user.TenantId;
}
