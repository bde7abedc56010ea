using System.Net;
using Microsoft.EntityFrameworkCore;
using Linkage.Api.Tests.Support;
using Npgsql;

namespace Linkage.Api.Tests.Links;

/// <summary>
/// A link created while its contact or company is being deleted (ADR 0010): the two wait for each other, so the link is
/// either refused (the delete went first) or cascaded (the create went first), never left live on a deleted
/// record. Each test plays one side by hand in its own transaction and holds it open while the API's request
/// is under way, which makes the interleaving deterministic.
/// </summary>
public sealed class LinkDeleteRaceTests : LinkTestBase
{
    [TestCase("contacts")]
    [TestCase("companies")]
    public async Task A_link_created_while_its_contact_or_company_is_being_deleted_waits_for_the_delete_and_answers_404(string records)
    {
        var (contactId, companyId) = await PairAsync();
        var recordId = records == "contacts" ? contactId : companyId;
        await using var connection = await OpenAsync();
        await using var deleting = await connection.BeginTransactionAsync();
        // What the delete does before it commits: lock the record against link creates, then mark it deleted.
        await ExecuteAsync(connection, $"SELECT id FROM {records} WHERE tenant_id = '{TenantA}' AND id = '{recordId}' FOR UPDATE");
        await ExecuteAsync(connection, $"UPDATE {records} SET deleted_utc = now() WHERE tenant_id = '{TenantA}' AND id = '{recordId}'");

        var create = Client().PostAsync(Links, LinkBody(contactId, companyId, "CFO"));
        Assert.That(await SomeoneWaitsOnALockAsync(), Is.True, "the create should wait for the delete's lock on the record");
        Assert.That(create.IsCompleted, Is.False);
        await deleting.CommitAsync();

        await AssertProblemAsync(await create, 404, "NotFound");
        await using var db = Factory.OpenDb(TenantA);
        Assert.That(await db.Links.IgnoreQueryFilters().CountAsync(l => l.ChildId == Guid.Parse(contactId)), Is.Zero);
    }

    [TestCase("contacts")]
    [TestCase("companies")]
    public async Task A_contact_or_company_deleted_while_a_link_to_it_is_being_created_waits_for_the_link_and_deletes_it_too(string records)
    {
        var (contactId, companyId) = await PairAsync();
        var recordId = records == "contacts" ? contactId : companyId;
        var linkId = Guid.CreateVersion7();
        await using var connection = await OpenAsync();
        await using var creating = await connection.BeginTransactionAsync();
        // What CreateLink does before it commits: hold the record (and the other end), then insert the link.
        await ExecuteAsync(connection, $"SELECT id FROM {records} WHERE tenant_id = '{TenantA}' AND id = '{recordId}' FOR KEY SHARE");
        await ExecuteAsync(connection,
            "INSERT INTO links (id, tenant_id, parent_domain, parent_id, child_domain, child_id, field_values, job_title, is_primary, version, " +
            "created_utc, updated_utc, change_type, change_origin) " +
            $"VALUES ('{linkId}', '{TenantA}', 'Company', '{companyId}', 'Contact', '{contactId}', '{{}}', 'CFO', false, 1, now(), now(), 'Created', 'api')");

        var delete = Client().SendAsync(Request(HttpMethod.Delete, $"/api/v1/network/{records}/{recordId}", null, ("If-Match", "*")));
        Assert.That(await SomeoneWaitsOnALockAsync(), Is.True, "the delete should wait for the create's hold on the record");
        Assert.That(delete.IsCompleted, Is.False);
        await creating.CommitAsync();

        Assert.That((await delete).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await using var db = Factory.OpenDb(TenantA);
        var link = await db.Links.IgnoreQueryFilters().SingleAsync(l => l.Id == linkId);
        Assert.That(link.DeletedUtc, Is.Not.Null, "the link committed first, so the delete's cascade must have seen it");
    }

    private Task<NpgsqlConnection> OpenAsync() => HeldLocks.OpenAsync(Factory);

    private static Task ExecuteAsync(NpgsqlConnection connection, string sql) => HeldLocks.ExecuteAsync(connection, sql);

    private Task<bool> SomeoneWaitsOnALockAsync() => HeldLocks.SomeoneWaitsOnALockAsync(Factory);
}
