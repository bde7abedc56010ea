using Linkage.Api.Tests.Support;
using Npgsql;

namespace Linkage.Api.Tests.Citus;

/// <summary>
/// The migrated schema keeps every rule Citus imposes on tables distributed by tenant_id (ADR 0023), read from
/// pg_constraint, pg_index and pg_sequence; and the check finds each kind of break in deliberately bad tables.
/// </summary>
public sealed class CatalogRulesTests : ApiTestBase
{
    [Test]
    public async Task The_migrated_schema_keeps_every_rule_of_a_schema_distributed_by_tenant_id()
    {
        await using var connection = await OpenAsync();

        var violations = await CatalogRules.ViolationsAsync(connection, "public");

        Assert.That(violations, Is.Empty, string.Join(Environment.NewLine, violations));
        Assert.That(await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_sequence"), Is.GreaterThan(0), "the schema's sequences were read");
        Assert.That(await ScalarAsync<long>(connection,
            "SELECT count(*) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = 'links' AND c.contype = 'x'"),
            Is.EqualTo(1), "the exclusion constraint of the primary link was read");
    }

    [Test]
    public async Task Each_kind_of_break_is_found_in_deliberately_bad_tables()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, """
            DROP SCHEMA IF EXISTS citus_bad CASCADE;
            CREATE SCHEMA citus_bad;
            CREATE TABLE citus_bad.no_tenant (id uuid PRIMARY KEY);
            CREATE TABLE citus_bad.no_primary_key (tenant_id text NOT NULL, id uuid);
            CREATE TABLE citus_bad.id_primary_key (tenant_id text, id uuid PRIMARY KEY);
            CREATE TABLE citus_bad.email_unique (tenant_id text NOT NULL, id uuid, email text, PRIMARY KEY (tenant_id, id));
            CREATE UNIQUE INDEX ux_email_unique_email ON citus_bad.email_unique (email);
            CREATE TABLE citus_bad.code_excluded (tenant_id text NOT NULL, id uuid, code text, PRIMARY KEY (tenant_id, id),
                CONSTRAINT ex_code_excluded_code EXCLUDE USING btree (code WITH =));
            CREATE TABLE citus_bad.parents (tenant_id text NOT NULL, id uuid, PRIMARY KEY (tenant_id, id));
            CREATE TABLE citus_bad.children (tenant_id text NOT NULL, id uuid, parent_tenant text, parent_id uuid, PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_children_parent FOREIGN KEY (parent_tenant, parent_id) REFERENCES citus_bad.parents (tenant_id, id));
            CREATE TABLE citus_bad.int_positions (tenant_id text NOT NULL, position integer GENERATED ALWAYS AS IDENTITY, PRIMARY KEY (tenant_id, position));
            CREATE TABLE citus_bad.good (tenant_id text NOT NULL, id uuid, parent_id uuid, position bigint GENERATED ALWAYS AS IDENTITY,
                PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, position),
                FOREIGN KEY (tenant_id, parent_id) REFERENCES citus_bad.parents (tenant_id, id));
            """);
        try
        {
            var violations = await CatalogRules.ViolationsAsync(connection, "citus_bad");

            Assert.That(violations, Is.EquivalentTo(new[]
            {
                "no_tenant: holds tenant data but has no tenant_id column to distribute it by",
                "id_primary_key: tenant_id may be null",
                "no_primary_key: no primary key (the shard rebalancer's logical replication needs one as replica identity)",
                "id_primary_key: primary key citus_bad.id_primary_key_pkey does not include tenant_id",
                "email_unique: unique index citus_bad.ux_email_unique_email does not include tenant_id",
                "code_excluded: exclusion constraint ex_code_excluded_code does not compare tenant_id with =",
                "children: foreign key fk_children_parent to parents does not join tenant_id to its tenant_id (not co-located)",
                "int_positions_position_seq: a sequence of type integer; Citus needs bigint sequences",
            }), string.Join(Environment.NewLine, violations));
        }
        finally
        {
            await ExecuteAsync(connection, "DROP SCHEMA citus_bad CASCADE");
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
