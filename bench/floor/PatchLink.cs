using System.Text.Json;
using Linkage.Domain.Common;
using Linkage.Domain.Timeline;
using Linkage.Infrastructure.Events;
using Linkage.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Linkage.Bench.Floor;

/// <summary>
/// The raw mode (the default): PATCH of a link's job title with If-Match, with raw Npgsql, in the round trips
/// the real API's SQL needs once the precondition is checked against the loaded row: [BEGIN + the load];
/// [version-checked UPDATE]; [the two <c>link.updated</c> timeline actions + the change feed's append + COMMIT, by the
/// API's own TimelineLog and EventLog]. Responds like the API: 200 with the new ETag and the link, 412 with the current
/// ETag, 404, 428.
/// </summary>
public sealed class PatchLink(NpgsqlDataSource dataSource, string tenant)
{
    private const string Actor = "bench-user";
    private const string Origin = "api";
    private const string Kind = "link.updated";
    private static readonly string[] ReadDomains = ["company"];

    private const string SelectSql =
        "SELECT id, child_id, parent_id, job_title, is_primary, created_utc, updated_utc, version, change_origin " +
        "FROM links WHERE tenant_id = $1 AND deleted_utc IS NULL AND id = $2 LIMIT 1";

    private const string UpdateSql =
        "UPDATE links SET change_type = 'Updated', job_title = $1, updated_utc = $2, version = $3 " +
        "WHERE tenant_id = $4 AND id = $5 AND version = $6";

    public async Task HandleAsync(Guid id, HttpContext http)
    {
        if (await PatchRequest.ReadAsync(http) is not { } request)
        {
            return;
        }

        var ct = http.RequestAborted;
        var (expected, newTitle) = request;

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Npgsql sends BEGIN with the first command, as for the API (one round trip for BEGIN + the load).
        await using var transaction = await connection.BeginTransactionAsync(ct);

        Guid contactId, companyId;
        string? oldTitle;
        bool isPrimary;
        DateTime createdUtc;
        int version;
        string changeOrigin;
        await using (var load = new NpgsqlBatch(connection, transaction))
        {
            load.BatchCommands.Add(new NpgsqlBatchCommand(SelectSql)
            {
                Parameters = { new NpgsqlParameter<string> { TypedValue = tenant }, new NpgsqlParameter<Guid> { TypedValue = id } },
            });
            await using var reader = await load.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                await reader.DisposeAsync();
                await transaction.RollbackAsync(ct);
                await PatchRequest.ProblemAsync(http, 404, "NotFound", "No such link.", null);
                return;
            }

            contactId = reader.GetGuid(1);
            companyId = reader.GetGuid(2);
            oldTitle = reader.IsDBNull(3) ? null : reader.GetString(3);
            isPrimary = reader.GetBoolean(4);
            createdUtc = reader.GetFieldValue<DateTime>(5);
            version = reader.GetInt32(7);
            changeOrigin = reader.GetString(8);
        }

        if (version != expected)
        {
            await transaction.RollbackAsync(ct);
            await PatchRequest.ProblemAsync(http, 412, "PreconditionFailed", "The link has changed.", version);
            return;
        }

        // timestamptz keeps microseconds: answer with what is stored.
        var nowTicks = DateTime.UtcNow.Ticks;
        var now = new DateTime(nowTicks - (nowTicks % 10), DateTimeKind.Utc);
        var newVersion = version + 1;
        var changes = JsonSerializer.Serialize(new JobTitleChanges(new FieldChange(oldTitle, newTitle)), FloorJson.Default.JobTitleChanges);

        await using (var update = new NpgsqlCommand(UpdateSql, connection, transaction))
        {
            update.Parameters.Add(Text(newTitle));
            update.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
            update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = newVersion });
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
            update.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
            if (await update.ExecuteNonQueryAsync(ct) != 1)
            {
                // Another writer moved the version between the load and the update: nothing is kept.
                await transaction.RollbackAsync(ct);
                await PatchRequest.ProblemAsync(http, 412, "PreconditionFailed", "The link has changed.", null);
                return;
            }
        }

        // The two link.updated actions, one on each end's timeline, as the domain records them (ADR 0035).
        var stamp = new ChangeStamp(new DateTimeOffset(now), Actor, Origin);
        var recorded = new Dictionary<string, Linkage.Domain.Common.FieldChange> { ["jobTitle"] = new(oldTitle, newTitle) };
        TimelineAction[] actions =
        [
            TimelineAction.For(tenant, Kind, "contact", contactId, stamp, recorded, linkId: id),
            TimelineAction.For(tenant, Kind, "company", companyId, stamp, recorded, linkId: id),
        ];

        // The timeline actions and the change feed's append go with the COMMIT in one round trip, by the API's own
        // TimelineLog and EventLog (ADR 0028, ADR 0035), as the API and patch-link's pgbench twin send them: one
        // link.updated event naming both ends.
        var subjects = $$"""[{"type":"contact","id":"{{contactId}}"},{"type":"company","id":"{{companyId}}"}]""";
        var linkUpdated = new NewEvent(Guid.CreateVersion7(now), Kind, now, Actor, Origin, "link", id, subjects, newVersion, changes, ReadDomains);
        // The changes' text made once for the commit and given to both ends' actions, as the API's unit of work does (ChangesText).
        await EventLog.CommitAsync(connection, transaction, tenant, [linkUpdated], TimelineLog.Append(actions, [changes, changes]), ct);

        // The API's own LinkView, written as the EF Core mode writes it: the same body as the API's.
        var view = new Linkage.Application.Links.LinkView(contactId, companyId, newTitle, isPrimary)
        {
            Id = id,
            CreatedUtc = createdUtc,
            UpdatedUtc = now,
            Version = newVersion,
            ChangeType = ChangeType.Updated,
            ChangeOrigin = changeOrigin,
        };
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.Headers.ETag = PatchRequest.FormatETag(newVersion);
        await http.Response.WriteAsJsonAsync(view, ApiJson.Relaxed.LinkView, "application/json; charset=utf-8", ct);
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };
}
