using System.Text.Json.Nodes;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Workload;

/// <summary>
/// Creates with an Idempotency-Key (API.md 1.5): a contact whose last name carries the key, and a note whose message
/// does, so the checker can count what each key made.
/// </summary>
public static class Creates
{
    /// <summary>The last name of the contact an Idempotency-Key made.</summary>
    public static string ContactName(string key) => "k-" + key;

    /// <summary>The message of the note an Idempotency-Key made.</summary>
    public static string NoteMessage(string key) => "n-" + key;

    public static Task ContactAsync(OpContext context, CancellationToken ct)
    {
        var key = context.Unique("ck");
        var body = new JsonObject { ["firstName"] = "Chaos", ["lastName"] = ContactName(key) };
        return Retrying.PostAsync(
            context, Ops.CreateContact, "/api/v1/network/contacts", body, key, target: null,
            a => new JsonObject { ["id"] = a.Text("id"), ["replayed"] = a.Replayed },
            sendTwiceAtOnce: context.Random.NextDouble() < 0.1, ct);
    }

    public static Task NoteAsync(OpContext context, CancellationToken ct)
    {
        var key = context.Unique("nk");
        var subject = context.Pick(context.World.NoteSubjects);
        var body = new JsonObject { ["message"] = NoteMessage(key) };
        return Retrying.PostAsync(
            context, Ops.CreateNote, $"/api/v1/network/contacts/{subject}/notes", body, key, target: subject,
            a => new JsonObject { ["id"] = a.Text("id"), ["replayed"] = a.Replayed },
            sendTwiceAtOnce: context.Random.NextDouble() < 0.1, ct);
    }
}
