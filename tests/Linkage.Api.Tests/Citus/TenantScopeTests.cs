using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Citus;

/// <summary>
/// The reader behind the suite's tenant-scope audit (<see cref="TenantFilterAudit"/>), on statements of the shapes the
/// API sends and on deliberately wrong ones: each wrong one must be caught, or the audit proves nothing.
/// </summary>
public sealed class TenantScopeTests
{
    private static readonly IReadOnlySet<string> Tables = new HashSet<string> { "contacts", "links", "timeline_actions", "idempotency_keys", "records" };

    private static readonly Dictionary<string, object?> Parameters = new()
    {
        ["ef_filter__CurrentTenantId"] = "tenant-a", ["p0"] = "tenant-a", ["p1"] = "tenant-b", ["p2"] = Guid.Empty, ["id"] = Guid.Empty,
    };

    private static IReadOnlyList<string> Check(string sql, string? tenant = "tenant-a") =>
        TenantScope.Violations(sql, token => Parameters.GetValueOrDefault(token.TrimStart('@', '$')), Tables, tenant);

    [TestCase("SELECT c.id FROM contacts AS c WHERE c.tenant_id = @ef_filter__CurrentTenantId AND c.deleted_utc IS NULL AND c.id = @id LIMIT 1")]
    [TestCase("SELECT id AS \"Value\" FROM contacts WHERE tenant_id = @p0 AND id = @p2 AND deleted_utc IS NULL FOR KEY SHARE")]
    [TestCase("UPDATE links SET version = @p2 WHERE id = @p2 AND tenant_id = @p0 AND version = @p2;\nINSERT INTO timeline_actions (id, tenant_id, kind) VALUES (@p2, @p0, 'link.updated') RETURNING position;")]
    [TestCase("INSERT INTO idempotency_keys (tenant_id, actor_id, key) VALUES (@p0, 'x', 'k') ON CONFLICT (tenant_id, actor_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint WHERE idempotency_keys.expires_utc < EXCLUDED.created_utc")]
    [TestCase("SELECT c.id, l.id FROM contacts AS c LEFT JOIN links AS l ON c.tenant_id = l.tenant_id AND c.id = l.child_id WHERE c.tenant_id = @ef_filter__CurrentTenantId")]
    [TestCase("SELECT EXISTS (SELECT 1 FROM records WHERE tenant_id = @p0 AND domain = 'Claim' AND deleted_utc IS NULL) AS \"Value\"")]
    [TestCase("SELECT r.id FROM (SELECT * FROM records WHERE tenant_id = @p0 OFFSET 0) AS r WHERE r.tenant_id = @ef_filter__CurrentTenantId")]
    [TestCase("SELECT set_config('lock_timeout', '5000ms', true) AS \"Value\"")]
    [TestCase("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\";")]
    public void A_statement_that_keeps_to_the_callers_tenant_passes(string sql) =>
        Assert.That(Check(sql), Is.Empty);

    [TestCase("SELECT c.id FROM contacts AS c WHERE c.id = @id", "contacts (c) is read or changed without a filter on tenant_id")]
    [TestCase("SELECT c.id FROM contacts AS c INNER JOIN links AS l ON l.child_id = c.id WHERE c.tenant_id = @p0", "links (l) is read or changed without a filter on tenant_id")]
    [TestCase("UPDATE links SET version = 2 WHERE id = @id", "links (links) is read or changed without a filter on tenant_id")]
    [TestCase("DELETE FROM idempotency_keys WHERE expires_utc < now()", "idempotency_keys (idempotency_keys) is read or changed without a filter on tenant_id")]
    [TestCase("INSERT INTO contacts (id, first_name) VALUES (@id, 'Ada')", "an insert into contacts whose tenant_id values cannot be read")]
    [TestCase("SELECT c.id FROM contacts AS c, links AS l WHERE c.tenant_id = @p0 AND l.tenant_id = @p1", "more than one tenant (tenant-a, tenant-b) in one statement")]
    [TestCase("INSERT INTO timeline_actions (id, tenant_id) VALUES (@id, @p0), (@id, @p1)", "more than one tenant (tenant-a, tenant-b) in one statement")]
    [TestCase("SELECT c.id FROM contacts AS c WHERE c.tenant_id = @p1", "tenant_id is tenant-b, not the caller's tenant tenant-a")]
    public void A_statement_that_Citus_could_not_route_to_one_tenants_shard_is_caught(string sql, string violation)
    {
        var violations = Check(sql);

        Assert.That(violations, Has.Count.EqualTo(1));
        Assert.That(violations[0], Does.StartWith(violation + ": "));
    }

    [Test]
    public void Every_statement_of_a_batch_is_read()
    {
        var violations = Check("UPDATE links SET version = 2 WHERE id = @id AND tenant_id = @p0;\nUPDATE contacts SET version = 3 WHERE id = @id");

        Assert.That(violations, Has.Count.EqualTo(1));
        Assert.That(violations[0], Does.Contain("UPDATE contacts"));
    }
}
