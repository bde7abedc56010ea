using System.Text.Json.Serialization;
using Linkage.Application.Events;

namespace Linkage.Application.Webhooks;

/// <summary>
/// The body of a delivery (API.md 8): <c>{"type", "timestamp", "data"}</c>, <c>data</c> the event as the feed shows it.
/// Serialized once, when the delivery is made, and sent as those bytes on every attempt.
/// </summary>
public static class WebhookPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Of(EventView view) => JsonSerializer.Serialize(new Body<EventView>(view.Type, view.OccurredUtc, view), Json);

    public static string Ping(Guid eventId, DateTime utc, string actorId, string origin, Guid endpointId) =>
        JsonSerializer.Serialize(new Body<PingData>(Domain.Webhooks.WebhookDelivery.PingType, utc, new PingData(eventId, Domain.Webhooks.WebhookDelivery.PingType, utc, actorId, origin, new EventResource("webhook", endpointId))), Json);

    private sealed record Body<T>(string Type, DateTime Timestamp, T Data);

    private sealed record PingData(Guid Id, string Type, DateTime OccurredUtc, string ActorId, string ChangeOrigin, EventResource Resource);
}
