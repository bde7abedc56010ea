using System.Text.Json;
using Linkage.Application.Common.Resources;
using Linkage.Application.Common.Security;
using Linkage.Application.Events;
using Linkage.Domain.Timeline;
using Linkage.Infrastructure.Persistence.Conventions;

namespace Linkage.Infrastructure.Events;

/// <summary>
/// The change feed's events of one command (API.md 7.1), made by the unit of work's one save from what the command's
/// aggregates recorded for their timelines: one event per changed resource and kind, named as the resource's description
/// names it, naming the subjects whose timelines show the change (a link's: both ends), with the changes as the timeline
/// has them (a restricted field's only <c>{"changed": true}</c>: the aggregates record them so) and the read rights the
/// description gives the aggregate. A read the timeline records (<c>*.revealed</c>) is no event.
/// </summary>
internal sealed class ChangeEvents(ResourceCatalog catalog)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The events of <paramref name="aggregate"/>'s recorded actions, added to <paramref name="events"/>; call before they are cleared.</summary>
    public void Collect(AggregateRoot aggregate, List<NewEvent> events)
    {
        IResourceDescription? description = null;
        foreach (var actions in aggregate.RecordedActions.Where(a => ActionKinds.IsChange(a.Kind)).GroupBy(a => a.Kind, StringComparer.Ordinal))
        {
            description ??= catalog.Of(aggregate);
            var first = actions.First();
            var subjects = actions.Select(a => new EventResource(a.SubjectType, a.SubjectId)).Distinct().ToList();
            events.Add(new NewEvent(
                Guid.CreateVersion7(new DateTimeOffset(first.OccurredUtc, TimeSpan.Zero)),
                first.Kind,
                first.OccurredUtc,
                first.ActorId,
                first.ChangeOrigin,
                description.Name,
                aggregate.Id,
                JsonSerializer.Serialize(subjects, Web),
                aggregate.Version,
                first.Changes is null ? null : JsonSerializer.Serialize(first.Changes, JsonColumn.Options),
                ReadDomains(description.ReadRightsOf(aggregate), description)));
        }
    }

    /// <summary>The domains of which a reader needs one's <c>Read</c>, lower case; null when any caller may read.</summary>
    private static string[]? ReadDomains(RequiredRights rights, IResourceDescription description)
    {
        if (rights.IsAnyCaller)
        {
            return null;
        }

        if (rights.IsCheckedOnTarget || rights.AnyOf.Any(p => !string.Equals(p.Right, "Read", StringComparison.Ordinal) || p.Domain == Permission.Any))
        {
            throw new InvalidOperationException($"{description}: reading one says {rights}, not the Read right of some domains, which the change feed filters by.");
        }

        return rights.AnyOf.Select(p => p.Domain.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
    }
}
