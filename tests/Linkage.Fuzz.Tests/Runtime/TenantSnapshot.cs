using Npgsql;

namespace Linkage.Fuzz.Tests.Runtime;

/// <summary>
/// Every stored row of some tenants, table by table, as a row count and a digest of the rows' text. A refused
/// request must leave it as it was. Every table with a <c>tenant_id</c> counts (ADR 4), so a table added later is
/// watched without a change here.
/// </summary>
public sealed record TenantSnapshot(IReadOnlyDictionary<string, (long Rows, string Digest)> Tables)
{
    public bool SameAs(TenantSnapshot other) =>
        Tables.Count == other.Tables.Count && Tables.All(t => other.Tables.TryGetValue(t.Key, out var o) && o == t.Value);

    /// <summary>Which tables changed since <paramref name="before"/>, for a failure message.</summary>
    public string ChangesSince(TenantSnapshot before) => string.Join(", ", Tables
        .Where(t => !before.Tables.TryGetValue(t.Key, out var b) || b != t.Value)
        .Select(t => before.Tables.TryGetValue(t.Key, out var b) && b.Rows != t.Value.Rows
            ? $"{t.Key}: {b.Rows} rows, now {t.Value.Rows}"
            : $"{t.Key}: a row changed"));
}

public sealed class TenantSnapshots(string connectionString, params string[] tenants)
{
    private string? _query;

    public async Task<TenantSnapshot> TakeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        _query ??= await QueryAsync(connection);
        await using var command = new NpgsqlCommand(_query, connection);
        command.Parameters.AddWithValue("tenants", tenants);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            tables[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
        }

        return new TenantSnapshot(tables);
    }

    private static async Task<string> QueryAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'tenant_id' ORDER BY table_name",
            connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        return tables.Count == 0
            ? throw new InvalidOperationException("No table has a tenant_id column: nothing to compare.")
            : string.Join(" UNION ALL ", tables.Select(t =>
                $"SELECT '{t}', count(*), coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM \"{t}\" r WHERE r.tenant_id = ANY(@tenants)"));
    }
}
