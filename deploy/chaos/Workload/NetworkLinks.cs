using System.Text.Json.Nodes;
using Linkage.Chaos.History;
using Linkage.Chaos.Http;

namespace Linkage.Chaos.Workload;

/// <summary>
/// PATCHes of the shared contacts' links with the ETag just read (API.md 2.2), a third of them making the link primary
/// (which demotes the contact's other primary link), some sent three at once with the same ETag; and reads of a
/// contact's links, which must never show two primaries.
/// </summary>
public static class NetworkLinks
{
    public static async Task PatchAsync(OpContext context, CancellationToken ct)
    {
        var link = context.Pick(context.World.NetworkLinks.ToList());
        var read = await context.Api.GetAsync($"/api/v1/network/links/{link.LinkId}", ct);
        context.Record(read.ToOp(context.Process, Ops.ReadLink, link.LinkId, key: null,
            read.Ok ? new JsonObject { ["version"] = read.Number("version"), ["isPrimary"] = read.Flag("isPrimary") } : null));
        if (!read.Ok || read.ETag is null)
        {
            return;
        }

        var racers = context.Random.NextDouble() < 0.15 ? 3 : 1;
        var patches = Enumerable.Range(1, racers).Select(n =>
        {
            var title = context.Unique("t");
            var body = new JsonObject { ["jobTitle"] = title };
            var primary = context.Random.NextDouble();
            if (primary < 0.35)
            {
                body["isPrimary"] = true;
            }
            else if (primary < 0.45)
            {
                body["isPrimary"] = false;
            }

            var process = n == 1 ? context.Process : $"{context.Process}.{n}";
            return Patch(context, process, link.LinkId, title, body, read.ETag, ct);
        });
        await Task.WhenAll(patches);
    }

    public static async Task ReadContactLinksAsync(OpContext context, CancellationToken ct)
    {
        var contact = context.Pick(context.World.SharedContacts).ContactId;
        var answer = await context.Api.GetAsync($"/api/v1/network/contacts/{contact}/links?limit=200", ct);
        JsonObject? value = null;
        if (answer.Ok && answer.Body?["items"] is JsonArray items)
        {
            var primaries = items.Where(i => i?["isPrimary"]?.GetValue<bool>() == true).Select(i => i!["id"]!.GetValue<string>());
            value = new JsonObject { ["links"] = items.Count, ["primaries"] = new JsonArray(primaries.Select(p => (JsonNode)p).ToArray()) };
        }

        context.Record(answer.ToOp(context.Process, Ops.ReadContactLinks, contact, key: null, value));
    }

    private static async Task Patch(OpContext context, string process, string linkId, string title, JsonObject body, string etag, CancellationToken ct)
    {
        var answer = await context.Api.SendAsync(HttpMethod.Patch, $"/api/v1/network/links/{linkId}", body, ct, ifMatch: etag);
        var value = new JsonObject { ["ifMatch"] = etag, ["isPrimary"] = body["isPrimary"]?.DeepClone() };
        if (answer.Ok)
        {
            value["version"] = answer.Number("version");
            value["jobTitle"] = answer.Text("jobTitle");
            value["primaryAfter"] = answer.Flag("isPrimary");
        }

        context.Record(answer.ToOp(process, Ops.PatchLink, linkId, title, value));
    }
}
