using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Chaos.History;
using Linkage.Chaos.Http;
using Linkage.Chaos.Workload;

namespace Linkage.Chaos.Checking;

/// <summary>
/// Reads the state the checker compares the history with, through the API, after the run. A request the client gave
/// up on may still commit later (a frozen replica resumes it), so the state is read until two reads in a row agree.
/// </summary>
public sealed class StateReader(ApiClient api, World world, TextWriter log)
{
    public async Task<FinalState> ReadStableAsync(CancellationToken ct)
    {
        var previous = await ReadAsync(ct);
        for (var round = 1; round <= 6; round++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var current = await ReadAsync(ct);
            if (JsonSerializer.Serialize(current, Json.Options) == JsonSerializer.Serialize(previous, Json.Options))
            {
                return current with { ReadRounds = round };
            }

            log.WriteLine($"# state read {round} differs from the one before (a late commit); reading again");
            previous = current;
        }

        throw new InvalidOperationException("the state did not settle: six reads in a row differed");
    }

    private async Task<FinalState> ReadAsync(CancellationToken ct)
    {
        var contacts = (await Pages("/api/v1/network/contacts", ct))
            .Select(c => new CreatedContact(Str(c, "id")!, Str(c, "lastName") ?? string.Empty))
            .Where(c => c.LastName.StartsWith(Creates.ContactName(string.Empty), StringComparison.Ordinal))
            .ToList();

        var links = new Dictionary<string, LinkState>();
        foreach (var link in world.NetworkLinks)
        {
            links[link.LinkId] = NetworkLink(await Get($"/api/v1/network/links/{link.LinkId}", ct));
        }

        var contactLinks = new Dictionary<string, IReadOnlyList<LinkState>>();
        var timelines = new Dictionary<string, IReadOnlyList<TimelineEntry>>();
        foreach (var contact in world.SharedContacts)
        {
            contactLinks[contact.ContactId] = (await Pages($"/api/v1/network/contacts/{contact.ContactId}/links", ct)).Select(NetworkLink).ToList();
            timelines[contact.ContactId] = await Timeline($"/api/v1/network/contacts/{contact.ContactId}/actions", ct);
            foreach (var link in contact.Links)
            {
                timelines[link.CompanyId] = await Timeline($"/api/v1/network/companies/{link.CompanyId}/actions", ct);
            }
        }

        var typedLinks = new Dictionary<string, TypedLinkState>();
        foreach (var pair in world.Pairs)
        {
            typedLinks[pair.LinkId] = TypedLink(await Get($"/api/v1/links/{pair.LinkId}", ct));
        }

        var accountLinks = new Dictionary<string, IReadOnlyList<TypedLinkState>>();
        foreach (var account in world.Pairs.Select(p => p.AccountId).Distinct())
        {
            accountLinks[account] = (await Pages($"/api/v1/records/{WorldSetup.AccountDomain}/{account}/links", ct)).Select(TypedLink).ToList();
            timelines[account] = await Timeline($"/api/v1/records/{WorldSetup.AccountDomain}/{account}/actions", ct);
        }

        foreach (var member in world.Pairs.Select(p => p.ContactId).Distinct())
        {
            timelines[member] = await Timeline($"/api/v1/network/contacts/{member}/actions", ct);
        }

        var notes = new Dictionary<string, IReadOnlyList<NoteState>>();
        foreach (var subject in world.NoteSubjects)
        {
            notes[subject] = (await Pages($"/api/v1/network/contacts/{subject}/notes?includeSuperseded=true&includeArchived=true", ct))
                .Select(n => new NoteState(Str(n, "id")!, Str(n, "message") ?? string.Empty, Str(n, "supersedesActivityId"),
                    Str(n, "supersededById"), n["version"]!.GetValue<int>()))
                .ToList();
        }

        return new FinalState
        {
            Contacts = contacts, Links = links, ContactLinks = contactLinks, TypedLinks = typedLinks,
            AccountLinks = accountLinks, Timelines = timelines, Notes = notes,
        };
    }

    private static LinkState NetworkLink(JsonObject l) => new(
        Str(l, "id")!, Str(l, "contactId")!, Str(l, "companyId")!, l["version"]!.GetValue<int>(),
        l["isPrimary"]!.GetValue<bool>(), Str(l, "jobTitle"));

    private static TypedLinkState TypedLink(JsonObject l) => new(
        Str(l, "id")!, Str(l, "fromObjectId")!, Str(l, "toObjectId")!, l["version"]!.GetValue<int>(),
        Str(l, "relationshipTypeName"), l["fieldValues"]?["note"]?.GetValue<string>());

    private async Task<IReadOnlyList<TimelineEntry>> Timeline(string path, CancellationToken ct)
    {
        var newestFirst = await Pages(path, ct);
        return newestFirst.AsEnumerable().Reverse()
            .Select(a => new TimelineEntry(Str(a, "id")!, Str(a, "kind")!, Str(a, "linkId"), Str(a, "noteId"), a["changes"]?.DeepClone() as JsonObject))
            .ToList();
    }

    private async Task<List<JsonObject>> Pages(string path, CancellationToken ct)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var page = await Get($"{path}{separator}limit=200{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", ct);
            items.AddRange(page["items"]!.AsArray().OfType<JsonObject>());
            cursor = Str(page, "nextCursor");
        }
        while (cursor is not null);
        return items;
    }

    private async Task<JsonObject> Get(string path, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await api.GetAsync(path, ct);
            if (answer.Ok && answer.Body is JsonObject body)
            {
                return body;
            }

            if (attempt == 5)
            {
                throw new InvalidOperationException($"reading the state: GET {path} answered {answer.Status?.ToString() ?? answer.Error}");
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
        }
    }

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
