using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Probes;

namespace Linkage.Fuzz.Tests.Runtime;

/// <summary>
/// The real resources of one case's tenant that requests point at, so that a request wrongly accepted would
/// change a row. Each is created on first use, and again after a request changed or deleted it (a slot).
/// A path parameter names its slot by the collection before it (<c>contacts/{id}</c>: a contact); a collection
/// of a new kind needs a seed here, and until it has one its cases fail saying so.
/// </summary>
public sealed partial class FuzzWorld(Func<string, HttpClient> clientFor, string tenant)
{
    /// <summary>What creates each slot: the collection to POST to and the body, both with <c>{slot}</c> placeholders.</summary>
    private static readonly Dictionary<string, (string Collection, string Body)> Seeds = new(StringComparer.Ordinal)
    {
        ["contact"] = ("/api/v1/network/contacts", ValidBodies.Example("CreateContact")),
        ["company"] = ("/api/v1/network/companies", ValidBodies.Example("CreateCompany")),
        ["link"] = ("/api/v1/network/links", """{"contactId":"{contact}","companyId":"{company}","jobTitle":"Seeded"}"""),
        ["contact-note"] = ("/api/v1/network/contacts/{contact}/notes", ValidBodies.Example("NewNote")),
        ["company-note"] = ("/api/v1/network/companies/{company}/notes", ValidBodies.Example("NewNote")),
        // Not linked to anything: a valid link create needs a pair that is not linked yet.
        ["free-contact"] = ("/api/v1/network/contacts", ValidBodies.Example("CreateContact")),
        ["free-company"] = ("/api/v1/network/companies", ValidBodies.Example("CreateCompany")),
    };

    private static readonly Dictionary<string, string> SlotOfCollection = new(StringComparer.Ordinal)
    {
        ["contacts"] = "contact",
        ["companies"] = "company",
        ["links"] = "link",
    };

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _dependsOn = new(StringComparer.Ordinal);
    private int _created;
    private FuzzWorld? _otherTenant;

    public static IReadOnlyList<string> ResourceSlots { get; } = ["contact", "company", "link", "contact-note", "company-note"];

    public string Tenant => tenant;

    public string OtherTenant => tenant + "-other";

    /// <summary>Moves whenever this world (or the other tenant's) creates a resource: stored rows changed on purpose.</summary>
    public int Generation => _created + (_otherTenant?.Generation ?? 0);

    public static string SlotOf(ApiOperation operation, string parameter)
    {
        var segments = operation.Path.Split('/');
        var at = Array.IndexOf(segments, "{" + parameter + "}");
        var collection = at > 0 ? segments[at - 1] : string.Empty;
        var slot = collection == "notes" && at > 2 ? SlotOfCollection.GetValueOrDefault(segments[at - 3]) + "-note" : SlotOfCollection.GetValueOrDefault(collection);
        return slot is not null && Seeds.ContainsKey(slot)
            ? slot
            : throw new InvalidOperationException(
                $"The fuzz world has no resource for {{{parameter}}} in {operation.Path} ('{collection}'): give FuzzWorld a seed for that collection.");
    }

    public async Task<string> IdAsync(string slot)
    {
        if (_ids.TryGetValue(slot, out var id))
        {
            return id;
        }

        for (var attempt = 1; ; attempt++)
        {
            var (collection, body) = Seeds[slot];
            var used = new HashSet<string>(StringComparer.Ordinal);
            var url = await FillAsync(collection, used);
            var json = await FillAsync(body, used);
            using var response = await Client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
            var created = await response.Content.ReadFromJsonAsync<JsonObject>();
            if ((int)response.StatusCode == 409 && attempt == 1 && used.Count > 0)
            {
                // The resources it was made of already hold one (a link again between the same pair): take fresh ones.
                Invalidate(used);
                continue;
            }

            id = (int)response.StatusCode == 201 && created?["id"]?.GetValue<string>() is { } value
                ? value
                : throw new InvalidOperationException($"Seeding {slot} in {tenant}: POST {url} answered {(int)response.StatusCode} {created}");
            _ids[slot] = id;
            _dependsOn[slot] = used;
            _created++;
            return id;
        }
    }

    public Task<string> OtherTenantIdAsync(string slot) => (_otherTenant ??= new FuzzWorld(clientFor, OtherTenant)).IdAsync(slot);

    /// <summary>Forgets these resources and those created on them, so the next request gets fresh ones.</summary>
    public void Invalidate(IEnumerable<string> slots)
    {
        var gone = new HashSet<string>(slots, StringComparer.Ordinal);
        while (_ids.Keys.FirstOrDefault(s => gone.Contains(s) || _dependsOn[s].Overlaps(gone)) is { } slot)
        {
            _ids.Remove(slot);
            gone.Add(slot);
        }
    }

    /// <summary>The operation's valid request: real ids, <c>If-Match: *</c> where it applies, a valid body of each media type.</summary>
    public async Task<RequestDraft> DraftAsync(ApiOperation operation)
    {
        var draft = new RequestDraft(operation);
        foreach (var parameter in operation.In("path"))
        {
            var slot = SlotOf(operation, parameter.Name);
            draft.PathValues[parameter.Name] = await IdAsync(slot);
            draft.Slots.Add(slot);
        }

        if (operation.DeclaresHeader("If-Match"))
        {
            draft.SetHeader("If-Match", "*");
        }

        foreach (var body in operation.Bodies)
        {
            draft.ValidBodies[body.MediaType] = JsonNode.Parse(await FillAsync(ValidBodies.Template(body).ToJsonString(), draft.Slots))!;
        }

        if (operation.Bodies.Count > 0)
        {
            draft.UseBody(operation.Bodies[0].MediaType);
        }

        return draft;
    }

    /// <summary>A real cursor of each list that has a second page here (the world holds two contacts, two companies...).</summary>
    public async Task<IReadOnlyList<(ApiOperation List, string Cursor)>> CursorsAsync(IEnumerable<ApiOperation> lists)
    {
        foreach (var slot in Seeds.Keys)
        {
            await IdAsync(slot);
        }

        var cursors = new List<(ApiOperation, string)>();
        foreach (var list in lists)
        {
            var draft = await DraftAsync(list);
            draft.SetQuery("limit", "1");
            using var response = await Client.GetAsync(draft.Url);
            var page = await response.Content.ReadFromJsonAsync<JsonObject>();
            if (page?["nextCursor"]?.GetValue<string>() is { } cursor)
            {
                cursors.Add((list, cursor));
            }
        }

        return cursors;
    }

    private HttpClient Client => field ??= clientFor(tenant);

    private async Task<string> FillAsync(string template, HashSet<string> used)
    {
        var filled = new StringBuilder(template);
        foreach (var slot in Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(Seeds.ContainsKey).Distinct())
        {
            filled.Replace("{" + slot + "}", await IdAsync(slot));
            used.Add(slot);
        }

        return filled.ToString();
    }

    [GeneratedRegex(@"\{([a-z-]+)\}")]
    private static partial Regex Placeholder();
}
