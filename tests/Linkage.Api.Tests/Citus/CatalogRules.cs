using Npgsql;

namespace Linkage.Api.Tests.Citus;

/// <summary>
/// The rules Citus imposes on tables distributed by <c>tenant_id</c> (ADR 0023; citus_docs develop/reference_ddl), read
/// from the catalog of plain PostgreSQL: a table holding tenant data has <c>tenant_id</c> (not null) and a primary key
/// (the rebalancer's replica identity); its primary key, every unique index and every exclusion constraint include
/// <c>tenant_id</c> (an exclusion constraint with <c>=</c>); a foreign key joins <c>tenant_id</c> to the referenced
/// table's <c>tenant_id</c> (co-located) or refers to a reference table; every sequence is <c>bigint</c>.
/// </summary>
public static class CatalogRules
{
    /// <summary>Tables that hold no tenant data: EF Core's migration history stays on the coordinator (a local table).</summary>
    public static readonly IReadOnlySet<string> LocalTables = new HashSet<string>(StringComparer.Ordinal) { "__EFMigrationsHistory" };

    /// <summary>Tables replicated to every node (none yet): a foreign key may refer to them without tenant_id.</summary>
    public static readonly IReadOnlySet<string> ReferenceTables = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every break of a rule in the tables and sequences of <paramref name="schema"/>, one line each.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(NpgsqlConnection connection, string schema)
    {
        var violations = new List<string>();
        var tables = await ReadAsync(connection, """
            SELECT c.relname, c.oid::int8,
                   (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped),
                   coalesce((SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped), false)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = @schema AND c.relkind IN ('r', 'p')
             ORDER BY c.relname
            """, schema, r => (Name: r.GetString(0), Oid: r.GetInt64(1), TenantColumn: r.IsDBNull(2) ? (short)0 : r.GetInt16(2), NotNull: r.GetBoolean(3)));

        foreach (var table in tables.Where(t => !LocalTables.Contains(t.Name) && !ReferenceTables.Contains(t.Name)))
        {
            if (table.TenantColumn == 0)
            {
                violations.Add($"{table.Name}: holds tenant data but has no tenant_id column to distribute it by");
                continue;
            }

            if (!table.NotNull)
            {
                violations.Add($"{table.Name}: tenant_id may be null");
            }

            violations.AddRange(await IndexViolationsAsync(connection, table.Name, table.Oid, table.TenantColumn));
            violations.AddRange(await ConstraintViolationsAsync(connection, table.Name, table.Oid, table.TenantColumn));
        }

        var sequences = await ReadAsync(connection, """
            SELECT c.relname, format_type(s.seqtypid, NULL)
              FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = @schema AND s.seqtypid <> 'int8'::regtype
             ORDER BY c.relname
            """, schema, r => $"{r.GetString(0)}: a sequence of type {r.GetString(1)}; Citus needs bigint sequences");
        violations.AddRange(sequences);
        return violations;
    }

    private static async Task<IEnumerable<string>> IndexViolationsAsync(NpgsqlConnection connection, string table, long oid, short tenantColumn)
    {
        var indexes = await ReadAsync(connection, """
            SELECT i.indexrelid::regclass::text, i.indisprimary, (i.indkey::int2[])[0:i.indnkeyatts - 1]
              FROM pg_index i
             WHERE i.indrelid::int8 = @oid AND i.indisunique
            """, oid, r => (Name: r.GetString(0), Primary: r.GetBoolean(1), Keys: r.GetFieldValue<short[]>(2)));
        var found = indexes
            .Where(i => !i.Keys.Contains(tenantColumn))
            .Select(i => $"{table}: {(i.Primary ? "primary key" : "unique index")} {i.Name} does not include tenant_id")
            .ToList();
        if (!indexes.Any(i => i.Primary))
        {
            found.Add($"{table}: no primary key (the shard rebalancer's logical replication needs one as replica identity)");
        }

        return found;
    }

    private static async Task<IEnumerable<string>> ConstraintViolationsAsync(NpgsqlConnection connection, string table, long oid, short tenantColumn)
    {
        var constraints = await ReadAsync(connection, """
            SELECT con.conname, con.contype::text, con.conkey, coalesce(con.confkey, '{}'::int2[]),
                   coalesce((SELECT array_agg(o.oprname ORDER BY k.ordinality) FROM unnest(con.conexclop) WITH ORDINALITY AS k(op, ordinality)
                               JOIN pg_operator o ON o.oid = k.op), '{}'::name[]),
                   coalesce(ref.relname, ''),
                   coalesce((SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = con.confrelid AND a.attname = 'tenant_id' AND NOT a.attisdropped), 0)
              FROM pg_constraint con LEFT JOIN pg_class ref ON ref.oid = con.confrelid
             WHERE con.conrelid::int8 = @oid AND con.contype IN ('x', 'f')
            """, oid, r => (Name: r.GetString(0), Type: r.GetString(1), Keys: r.GetFieldValue<short[]>(2), ReferencedKeys: r.GetFieldValue<short[]>(3),
                Operators: r.GetFieldValue<string[]>(4), Referenced: r.GetString(5), ReferencedTenant: r.GetInt16(6)));
        var found = new List<string>();
        foreach (var c in constraints)
        {
            var position = Array.IndexOf(c.Keys, tenantColumn);
            if (c.Type == "x" && (position < 0 || c.Operators.ElementAtOrDefault(position) != "="))
            {
                found.Add($"{table}: exclusion constraint {c.Name} does not compare tenant_id with =");
            }
            else if (c.Type == "f" && !ReferenceTables.Contains(c.Referenced)
                && (position < 0 || c.ReferencedTenant == 0 || c.ReferencedKeys.ElementAtOrDefault(position) != c.ReferencedTenant))
            {
                found.Add($"{table}: foreign key {c.Name} to {c.Referenced} does not join tenant_id to its tenant_id (not co-located)");
            }
        }

        return found;
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, object parameter, Func<NpgsqlDataReader, T> row)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter is string ? "schema" : "oid", parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
