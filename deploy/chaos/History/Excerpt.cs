using System.IO.Compression;
using System.Text.Json;

namespace Linkage.Chaos.History;

/// <summary>
/// One shared contact's part of a recorded run: its links' operations, their state and the timelines, nothing else.
/// Small enough to keep as a test of the checker (tests/Linkage.Chaos.Tests/Histories), still exactly what the run
/// recorded: <c>Linkage.Chaos excerpt --run run.json --contact ID --out file.json.gz</c>.
/// </summary>
public static class Excerpt
{
    public static RunRecord OfContact(RunRecord run, string contactId)
    {
        var contact = run.World.SharedContacts.Single(c => c.ContactId == contactId);
        var links = contact.Links.Select(l => l.LinkId).ToHashSet(StringComparer.Ordinal);
        var subjects = contact.Links.Select(l => l.CompanyId).Append(contactId).ToHashSet(StringComparer.Ordinal);
        return run with
        {
            World = new World { SharedContacts = [contact] },
            History = run.History.Where(o => o.Target is not null && (links.Contains(o.Target) || o.Target == contactId)).ToList(),
            State = new FinalState
            {
                Links = run.State.Links.Where(l => links.Contains(l.Key)).ToDictionary(),
                ContactLinks = run.State.ContactLinks.Where(c => c.Key == contactId).ToDictionary(),
                Timelines = run.State.Timelines.Where(t => subjects.Contains(t.Key)).ToDictionary(),
                ReadRounds = run.State.ReadRounds,
            },
        };
    }

    public static void WriteGzip(string path, RunRecord run)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        JsonSerializer.Serialize(gzip, run, Json.Options);
    }

    public static RunRecord ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<RunRecord>(gzip, Json.Options) ?? throw new InvalidDataException($"{path} is empty.");
    }
}
