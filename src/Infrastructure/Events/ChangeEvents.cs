using System.Text.Json;
using Linkage.Application.Common.Resources;
using Linkage.Application.Common.Security;
using Linkage.Application.Events;
using Linkage.Domain.Timeline;
using Linkage.Infrastructure.Persistence;

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

    /// <summary>
    /// The events of <paramref name="aggregate"/>'s recorded actions, added to <paramref name="events"/>; call before they are
    /// cleared. <paramref name="changes"/> holds each recorded action's changes as JSON text (<see cref="ChangesText"/>), at
    /// the action's index: the event carries the first action's of its kind, the very text the timeline's append sends.
    /// </summary>
    public void Collect(AggregateRoot aggregate, ReadOnlySpan<string?> changes, List<NewEvent> events)
    {
        var actions = aggregate.RecordedActions;
        if (changes.Length != actions.Count)
        {
            throw new ArgumentException($"{changes.Length} changes' texts for {actions.Count} actions.", nameof(changes));
        }

        IResourceDescription? description = null;
        for (var i = 0; i < actions.Count; i++)
        {
            var first = actions[i];
            if (!ActionKinds.IsChange(first.Kind) || KindSeenBefore(actions, i))
            {
                continue;
            }

            description ??= catalog.Of(aggregate);
            events.Add(new NewEvent(
                Guid.CreateVersion7(new DateTimeOffset(first.OccurredUtc, TimeSpan.Zero)),
                first.Kind,
                first.OccurredUtc,
                first.ActorId,
                first.ChangeOrigin,
                description.Name,
                aggregate.Id,
                JsonSerializer.Serialize(SubjectsOf(actions, i), Web),
                aggregate.Version,
                changes[i],
                ReadDomains(description.ReadRightsOf(aggregate), description)));
        }
    }

    /// <summary>Whether an action before the one at <paramref name="index"/> is of its kind (its event is made already).</summary>
    private static bool KindSeenBefore(IReadOnlyList<TimelineAction> actions, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(actions[i].Kind, actions[index].Kind, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The subjects of the actions of the kind of the one at <paramref name="first"/>, each once, in their order.</summary>
    private static List<EventResource> SubjectsOf(IReadOnlyList<TimelineAction> actions, int first)
    {
        var subjects = new List<EventResource>(actions.Count - first);
        for (var i = first; i < actions.Count; i++)
        {
            var action = actions[i];
            if (string.Equals(action.Kind, actions[first].Kind, StringComparison.Ordinal))
            {
                var subject = new EventResource(action.SubjectType, action.SubjectId);
                if (!subjects.Contains(subject))
                {
                    subjects.Add(subject);
                }
            }
        }

        return subjects;
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
