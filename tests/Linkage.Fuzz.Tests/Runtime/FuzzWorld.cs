using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Probes;

namespace Linkage.Fuzz.Tests.Runtime;

/// <summary>
/// The real resources of one case's tenant that requests point at, so that a request wrongly accepted would
/// change a row. Each is created on first use, and again after a request changed or deleted it (a slot);
/// <see cref="WorldResources"/> says what each is and which one a path parameter names.
/// </summary>
public sealed partial class FuzzWorld(Func<string, HttpClient> clientFor, string tenant)
{
    /// <summary>Numbers names unique across the run, so no two tenants' resources share one.</summary>
    private static int s_names;

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _dependsOn = new(StringComparer.Ordinal);
    private int _created;
    private FuzzWorld? _otherTenant;

    public string Tenant => tenant;

    public string OtherTenant => tenant + "-other";

    /// <summary>Moves whenever this world (or the other tenant's) creates a resource: stored rows changed on purpose.</summary>
    public int Generation => _created + (_otherTenant?.Generation ?? 0);

    public async Task<string> IdAsync(string slot)
    {
        if (_ids.TryGetValue(slot, out var id))
        {
            return id;
        }

        for (var attempt = 1; ; attempt++)
        {
            var (collection, body, key) = WorldResources.Seeds[slot];
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

            // 201 made it; an upsert (a typed link) whose pair is linked already answers 200 with that link; a ping 202 with its delivery.
            id = (int)response.StatusCode is 201 or 200 or 202 && created?[key]?.GetValue<string>() is { } value
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
            var slot = WorldResources.SlotOf(operation, parameter.Name);
            draft.PathValues[parameter.Name] = await IdAsync(slot);
            draft.Slots.Add(slot);
        }

        if (operation.DeclaresHeader("If-Match"))
        {
            draft.SetHeader("If-Match", "*");
        }

        foreach (var body in operation.Bodies)
        {
            draft.ValidBodies[body.MediaType] = JsonNode.Parse(await FillAsync(ValidBodies.Template(operation, body).ToJsonString(), draft.Slots))!;
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
        foreach (var slot in WorldResources.Seeds.Keys)
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
        var filled = new StringBuilder(template).Replace("{n}", Interlocked.Increment(ref s_names).ToString(CultureInfo.InvariantCulture));
        foreach (var slot in Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(WorldResources.Seeds.ContainsKey).Distinct())
        {
            filled.Replace("{" + slot + "}", await IdAsync(slot));
            used.Add(slot);
        }

        return filled.ToString();
    }

    [GeneratedRegex(@"\{([a-z-]+)\}")]
    private static partial Regex Placeholder();
}
