using System.Text.Json.Nodes;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Workload;

/// <summary>
/// Upserts of the shared pairs (API.md 5.4), moving a pair between the relationship types, with an Idempotency-Key
/// retried like a create's; and JSON Patches of the pairs' typed links with the ETag just read (API.md 6).
/// </summary>
public static class Upsert
{
    public static JsonObject Body(string accountId, string contactId, string relationship) => new()
    {
        ["parentDomain"] = WorldSetup.AccountDomain,
        ["parentRecordId"] = accountId,
        ["childDomain"] = "Contact",
        ["childRecordId"] = contactId,
        ["newRelationship"] = relationship,
    };

    public static Task PairAsync(OpContext context, CancellationToken ct)
    {
        var pair = context.Pick(context.World.Pairs);
        var relationship = context.Pick(context.World.RelationshipTypes);
        return Retrying.PostAsync(
            context, Ops.Upsert, "/api/v1/links/upsert", Body(pair.AccountId, pair.ContactId, relationship),
            context.Unique("uk"), pair.Name,
            a => new JsonObject
            {
                ["linkId"] = a.Text("linkId"),
                ["inserted"] = a.Flag("inserted"),
                ["version"] = a.Number("version"),
                ["relationship"] = a.Text("relationship"),
            },
            sendTwiceAtOnce: false, ct);
    }

    public static async Task PatchTypedLinkAsync(OpContext context, CancellationToken ct)
    {
        var pair = context.Pick(context.World.Pairs);
        var read = await context.Api.GetAsync($"/api/v1/links/{pair.LinkId}", ct);
        context.Record(read.ToOp(context.Process, Ops.ReadTypedLink, pair.LinkId, key: null,
            read.Ok ? new JsonObject { ["version"] = read.Number("version"), ["relationship"] = read.Text("relationshipTypeName") } : null));
        if (!read.Ok || read.ETag is null)
        {
            return;
        }

        var note = context.Unique("f");
        var patch = new JsonArray(
            new JsonObject { ["op"] = "add", ["path"] = "/fieldValues/note", ["value"] = note },
            new JsonObject { ["op"] = "add", ["path"] = "/fieldValues/score", ["value"] = context.Random.Next(1000) });
        var answer = await context.Api.SendAsync(
            HttpMethod.Patch, $"/api/v1/links/{pair.LinkId}", patch, ct, "application/json-patch+json", ifMatch: read.ETag);
        var value = new JsonObject { ["ifMatch"] = read.ETag };
        if (answer.Ok)
        {
            value["version"] = answer.Number("version");
            value["relationship"] = answer.Text("relationshipTypeName");
        }

        context.Record(answer.ToOp(context.Process, Ops.PatchTypedLink, pair.LinkId, note, value));
    }
}
