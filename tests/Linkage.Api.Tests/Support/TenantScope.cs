using System.Text.RegularExpressions;

namespace Linkage.Api.Tests.Support;

/// <summary>
/// Whether SQL keeps to one tenant, as Citus needs to route it to one shard (ADR 0023): in every statement, every
/// reference to a table holding tenant data is filtered on <c>tenant_id</c> equal to a value, directly or through a join
/// on <c>tenant_id</c> with a reference that is, an insert gives <c>tenant_id</c> a value in every row, and all those
/// values are one tenant, the caller's. A reader of EF Core's and our raw SQL, not a SQL parser: it knows the shapes
/// this code base sends (aliases, parameters, batches of statements) and says so when it meets one it cannot read.
/// </summary>
public static partial class TenantScope
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "set", "on", "left", "right", "inner", "outer", "full", "cross", "join", "values", "order", "group",
        "limit", "offset", "for", "returning", "using", "union", "having", "window", "natural", "lateral", "default",
    };

    /// <summary>The problems of one command (a batch of statements); empty when every statement keeps to the tenant.</summary>
    /// <param name="commandText">The command as sent.</param>
    /// <param name="parameter">Looks up a parameter's value by name (<c>@p0</c>, <c>p0</c>) or position (<c>$1</c>).</param>
    /// <param name="tenantTables">The tables that hold tenant data.</param>
    /// <param name="tenant">The caller's tenant; null to require only that the statement keeps to one tenant.</param>
    public static IReadOnlyList<string> Violations(
        string commandText, Func<string, object?> parameter, IReadOnlySet<string> tenantTables, string? tenant)
    {
        var literals = new List<string>();
        var text = StringLiteral().Replace(commandText, m =>
        {
            literals.Add(m.Value[1..^1].Replace("''", "'", StringComparison.Ordinal));
            return $"'§{literals.Count - 1}'";
        });

        var violations = new List<string>();
        foreach (var statement in text.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            violations.AddRange(Check(statement, literals, parameter, tenantTables, tenant)
                .Select(v => $"{v}: {Restore(statement, literals)}"));
        }

        return violations;
    }

    private static IEnumerable<string> Check(
        string statement, List<string> literals, Func<string, object?> parameter, IReadOnlySet<string> tenantTables, string? tenant)
    {
        var references = TableReference().Matches(statement)
            .Select(m => (Kind: m.Groups["kind"].Value.ToUpperInvariant(), Table: m.Groups["table"].Value.ToLowerInvariant(),
                Alias: m.Groups["alias"].Success && !Keywords.Contains(m.Groups["alias"].Value) ? m.Groups["alias"].Value.ToLowerInvariant() : null))
            .Where(r => tenantTables.Contains(r.Table))
            .Select(r => (r.Kind, r.Table, Alias: r.Alias ?? r.Table))
            .ToList();
        if (references.Count == 0)
        {
            yield break;
        }

        var values = new List<string?>();
        string? Value(string token) =>
            token.StartsWith('\'') ? literals[int.Parse(token[2..^1], System.Globalization.CultureInfo.InvariantCulture)]
            : parameter(token)?.ToString();

        // The filtered references: alias -> tenant value; and the joins on tenant_id between references.
        var filtered = new Dictionary<string, string?>(StringComparer.Ordinal);
        var joined = new List<(string, string)>();
        var onlyReference = references.Where(r => r.Kind != "INTO").Select(r => r.Alias).Distinct().ToList();
        string AliasOf(Group qualifier) =>
            qualifier.Success ? qualifier.Value.ToLowerInvariant() : onlyReference.Count == 1 ? onlyReference[0] : "?";
        foreach (Match m in TenantEquality().Matches(statement))
        {
            var left = AliasOf(m.Groups["la"]);
            if (m.Groups["rcol"].Success)
            {
                joined.Add((left, AliasOf(m.Groups["ra"])));
            }
            else
            {
                var value = Value(m.Groups["value"].Value);
                filtered[left] = value;
                values.Add(value);
            }
        }

        foreach (Match m in ReversedTenantEquality().Matches(statement))
        {
            var value = Value(m.Groups["value"].Value);
            filtered[AliasOf(m.Groups["la"])] = value;
            values.Add(value);
        }

        // Joins on tenant_id carry a filter from one reference to the other.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (a, b) in joined)
            {
                if (filtered.TryGetValue(a, out var va) && filtered.TryAdd(b, va)) changed = true;
                if (filtered.TryGetValue(b, out var vb) && filtered.TryAdd(a, vb)) changed = true;
            }
        }

        foreach (var reference in references)
        {
            if (reference.Kind == "INTO")
            {
                var inserted = InsertedTenants(statement, reference.Table, Value);
                if (inserted is null)
                {
                    yield return $"an insert into {reference.Table} whose tenant_id values cannot be read";
                }
                else
                {
                    values.AddRange(inserted);
                }
            }
            else if (!filtered.ContainsKey(reference.Alias))
            {
                yield return $"{reference.Table} ({reference.Alias}) is read or changed without a filter on tenant_id";
            }
        }

        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            yield return $"more than one tenant ({string.Join(", ", distinct)}) in one statement";
        }
        else if (distinct.Count == 1 && (distinct[0] is null || (tenant is not null && distinct[0] != tenant)))
        {
            yield return $"tenant_id is {distinct[0] ?? "null"}, not the caller's tenant {tenant}";
        }
    }

    /// <summary>The tenant_id of each row of <c>INSERT INTO table (columns) VALUES (...), ...</c>; null when unreadable.</summary>
    private static List<string?>? InsertedTenants(string statement, string table, Func<string, string?> value)
    {
        var insert = InsertColumns().Match(statement);
        if (!insert.Success || !insert.Groups["table"].Value.Equals(table, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var columns = insert.Groups["columns"].Value.Split(',').Select(c => c.Trim().Trim('"')).ToList();
        var index = columns.FindIndex(c => c.Equals("tenant_id", StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return null;
        }

        var rows = new List<string?>();
        var rest = statement[(insert.Index + insert.Length)..];
        foreach (var tuple in Tuples(rest))
        {
            if (index >= tuple.Count || !ValueToken().IsMatch(tuple[index]))
            {
                return null;
            }

            rows.Add(value(ValueToken().Match(tuple[index]).Value));
        }

        return rows.Count > 0 ? rows : null;
    }

    /// <summary>The parenthesised tuples after VALUES, split at their top-level commas.</summary>
    private static IEnumerable<List<string>> Tuples(string values)
    {
        var depth = 0;
        var start = 0;
        List<string>? tuple = null;
        for (var i = 0; i < values.Length; i++)
        {
            var c = values[i];
            if (c == '(')
            {
                if (depth++ == 0)
                {
                    tuple = [];
                    start = i + 1;
                }
            }
            else if (c == ')' && --depth == 0)
            {
                tuple!.Add(values[start..i].Trim());
                yield return tuple;
                var next = values[(i + 1)..].TrimStart();
                if (!next.StartsWith(',')) yield break;
            }
            else if (c == ',' && depth == 1)
            {
                tuple!.Add(values[start..i].Trim());
                start = i + 1;
            }
        }
    }

    private static string Restore(string statement, List<string> literals) =>
        Regex.Replace(statement, @"'§(\d+)'", m => "'" + literals[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] + "'");

    [GeneratedRegex(@"'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(?<kind>FROM|JOIN|UPDATE|INTO)\s+(?:ONLY\s+)?""?(?<table>[A-Za-z_][A-Za-z0-9_]*)""?(?:\s+(?:AS\s+)?""?(?<alias>[A-Za-z_][A-Za-z0-9_]*)""?)?", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();

    [GeneratedRegex(@"(?:""?(?<la>[A-Za-z_][A-Za-z0-9_]*)""?\.)?""?tenant_id""?\s*=\s*(?:(?<value>@[A-Za-z0-9_]+|\$\d+|'§\d+')|(?<rcol>(?:""?(?<ra>[A-Za-z_][A-Za-z0-9_]*)""?\.)?""?tenant_id""?))", RegexOptions.IgnoreCase)]
    private static partial Regex TenantEquality();

    [GeneratedRegex(@"(?<value>@[A-Za-z0-9_]+|\$\d+|'§\d+')\s*=\s*(?:""?(?<la>[A-Za-z_][A-Za-z0-9_]*)""?\.)?""?tenant_id""?", RegexOptions.IgnoreCase)]
    private static partial Regex ReversedTenantEquality();

    [GeneratedRegex(@"\bINSERT\s+INTO\s+""?(?<table>[A-Za-z_][A-Za-z0-9_]*)""?\s*\((?<columns>[^)]*)\)\s*VALUES", RegexOptions.IgnoreCase)]
    private static partial Regex InsertColumns();

    [GeneratedRegex(@"^(?:@[A-Za-z0-9_]+|\$\d+|'§\d+')")]
    private static partial Regex ValueToken();
}
