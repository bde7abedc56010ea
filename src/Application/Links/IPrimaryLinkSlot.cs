using Linkage.Domain.Common;

namespace Linkage.Application.Links;

/// <summary>
/// Moves a contact's primary link safely (ADR 0007). A claim waits for any other claim on the same contact
/// to commit (a lock held until the transaction ends), then demotes the contact's current primary link and
/// writes that demotion at once, version-checked, so the promotion the unit of work saves afterwards never
/// meets the old primary in the "one live primary link per contact" unique index.
/// </summary>
public interface IPrimaryLinkSlot
{
    /// <summary>
    /// Frees the primary slot of <paramref name="contactId"/> for <paramref name="claimantLinkId"/> (null for a
    /// link being created): the current primary, when it is another link, is demoted with <paramref name="stamp"/>
    /// and its <c>link.updated</c> actions join this unit of work's. Call before making the claimant primary.
    /// </summary>
    Task ClaimAsync(Guid contactId, Guid? claimantLinkId, ChangeStamp stamp, CancellationToken cancellationToken);
}
