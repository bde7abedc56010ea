using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Npgsql;

namespace Linkage.Api.Tests.Records;

/// <summary>
/// Equality on a record's field uses an index (ADR 12), for a query and for an upsert's match-field lookup alike: the
/// commands the API sends, run again under EXPLAIN, on a domain of 100 000 records.
/// </summary>
public sealed class RecordIndexTests : RecordTestBase
{
    private const int Count = 100_000;
    private string _policy = string.Empty;

    [OneTimeSetUp]
    public async Task FillADomainAsync()
    {
        _policy = (await DefineDomainAsync(Unique("Policy"), [new JsonObject { ["name"] = "policyNumber", ["type"] = "text" }]))["name"]!.GetValue<string>();
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var fill = new NpgsqlCommand(
            """
            INSERT INTO records (id, tenant_id, domain, fields, version, created_utc, updated_utc, change_type, change_origin)
            SELECT gen_random_uuid(), @tenant, @domain, jsonb_build_object('policyNumber', 'P-' || g), 1, now(), now(), 'Created', 'test'
            FROM generate_series(1, @count) AS g;
            ANALYZE records;
            """, connection);
        fill.Parameters.AddWithValue("tenant", TenantA);
        fill.Parameters.AddWithValue("domain", _policy);
        fill.Parameters.AddWithValue("count", Count);
        await fill.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task A_query_on_a_field_finds_its_record_through_the_fields_index()
    {
        JsonObject page;
        using (Factory.Sql.Record())
        {
            page = await BodyAsync(await Client().GetAsync($"/api/v1/records/{_policy}?policyNumber=P-54321"));
        }

        Assert.That(page["items"]!.AsArray().Single()!["fields"]!["policyNumber"]!.GetValue<string>(), Is.EqualTo("P-54321"));
        Assert.That(await PlanOfAsync("fields @>"), Does.Contain("ix_records_fields"));
    }

    [Test]
    public async Task An_upserts_match_field_lookup_goes_through_the_fields_index()
    {
        var contact = Id(await CreateContactAsync(Client()));
        using (Factory.Sql.Record())
        {
            var response = await UpsertAsync(new JsonObject
            {
                ["parentDomain"] = _policy, ["parentRecordKey"] = "P-777", ["parentRecordMatchField"] = "policyNumber",
                ["childDomain"] = "Contact", ["childRecordId"] = contact,
            });
            Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        }

        Assert.That(await PlanOfAsync("fields @>"), Does.Contain("ix_records_fields"));
    }

    /// <summary>The plan of the one recorded command whose text holds <paramref name="marker"/>.</summary>
    private async Task<string> PlanOfAsync(string marker)
    {
        var command = Factory.Sql.RecordedCommands.Single(c => c.Text.Contains(marker, StringComparison.Ordinal));
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + command.Text, connection);
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
