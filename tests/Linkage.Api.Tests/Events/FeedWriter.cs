using System.Text.Json;
using Linkage.Infrastructure.Events;
using Npgsql;

namespace Linkage.Api.Tests.Events;

/// <summary>Appends events the way the unit of work does (EventLog, in a transaction of their own), for the feed's tests.</summary>
public static class FeedWriter
{
    public static async Task AppendAsync(string connectionString, string tenant, params NewEvent[] events)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await EventLog.CommitAsync(connection, transaction, tenant, events, CancellationToken.None);
    }

    /// <summary>An event of <paramref name="type"/> on a resource of the domain <paramref name="readDomain"/>.</summary>
    public static NewEvent Event(string type, string? readDomain, int version = 2, Guid? resource = null, DateTime? at = null)
    {
        var id = resource ?? Guid.CreateVersion7();
        var resourceType = type[..type.IndexOf('.', StringComparison.Ordinal)];
        return new NewEvent(Guid.CreateVersion7(), type, at ?? DateTime.UtcNow, "feed-writer", "api", resourceType, id,
            JsonSerializer.Serialize(new[] { new { type = resourceType, id } }), version,
            """{"name":{"from":"a","to":"b"}}""", readDomain is null ? null : [readDomain.ToLowerInvariant()]);
    }
}
