using System.Text.Json.Nodes;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Workload;

/// <summary>
/// Supersedes of the current notes of the note subjects (API.md 3): the client reads the subject's current notes (the
/// heads of their chains) and supersedes one with its ETag; two clients on one head race, and one chain never forks.
/// </summary>
public static class Notes
{
    /// <summary>The message of the revision a supersede makes.</summary>
    public static string RevisionMessage(string key) => "s-" + key;

    public static async Task SupersedeAsync(OpContext context, CancellationToken ct)
    {
        var subject = context.Pick(context.World.NoteSubjects);
        var read = await context.Api.GetAsync($"/api/v1/network/contacts/{subject}/notes?limit=200", ct);
        var heads = read.Ok && read.Body?["items"] is JsonArray items ? items.OfType<JsonObject>().ToList() : [];
        context.Record(read.ToOp(context.Process, Ops.ReadNotes, subject, key: null,
            read.Ok ? new JsonObject { ["heads"] = heads.Count } : null));
        if (heads.Count == 0)
        {
            return;
        }

        var head = context.Pick(heads);
        var headId = head["id"]!.GetValue<string>();
        var key = context.Unique("s");
        var body = new JsonObject
        {
            ["action"] = "supersede",
            ["supersede"] = new JsonObject { ["message"] = RevisionMessage(key) },
        };
        var answer = await context.Api.SendAsync(
            HttpMethod.Patch, $"/api/v1/network/contacts/{subject}/notes/{headId}", body, ct, ifMatch: head["etag"]!.GetValue<string>());
        var value = new JsonObject { ["subject"] = subject };
        if (answer.Ok)
        {
            value["id"] = answer.LocationId;
        }

        context.Record(answer.ToOp(context.Process, Ops.SupersedeNote, headId, key, value));
    }
}
