using System.Text.Json.Nodes;
using Linkage.Chaos.History;
using Linkage.Chaos.Http;

namespace Linkage.Chaos.Workload;

/// <summary>
/// Makes the shared records before the first fault (<see cref="World"/>): small on purpose, so that 16 clients meet on
/// the same links, pairs and note chains all the time.
/// </summary>
public sealed class WorldSetup(ApiClient api, TextWriter log)
{
    public const string AccountDomain = "ChaosAccount";

    public const int SharedContacts = 4;
    public const int CompaniesPerContact = 3;
    public const int Accounts = 3;
    public const int Members = 3;
    public const int NoteSubjects = 3;

    public static readonly IReadOnlyList<string> RelationshipTypes = ["chaos_member", "chaos_owner"];

    public async Task<World> CreateAsync(CancellationToken ct)
    {
        await Must(HttpMethod.Post, "/api/v1/domains", new JsonObject
        {
            ["name"] = AccountDomain,
            ["label"] = "Chaos account",
            ["fields"] = new JsonArray(new JsonObject { ["name"] = "name", ["type"] = "text" }),
        }, ct);
        foreach (var type in RelationshipTypes)
        {
            await Must(HttpMethod.Post, "/api/v1/relationship-types", new JsonObject
            {
                ["name"] = type,
                ["label"] = type,
                ["fromDomain"] = AccountDomain,
                ["toDomain"] = "Contact",
                ["fields"] = new JsonArray(
                    new JsonObject { ["name"] = "note", ["type"] = "text" },
                    new JsonObject { ["name"] = "score", ["type"] = "number" }),
            }, ct);
        }

        var shared = new List<SharedContact>();
        for (var c = 0; c < SharedContacts; c++)
        {
            var contact = await Contact($"Shared {c}", ct);
            var links = new List<NetworkLink>();
            for (var k = 0; k < CompaniesPerContact; k++)
            {
                var company = (await Must(HttpMethod.Post, "/api/v1/network/companies", new JsonObject { ["name"] = $"Chaos {c}.{k}" }, ct)).Text("id")!;
                var link = await Must(HttpMethod.Post, "/api/v1/network/links", new JsonObject
                {
                    ["contactId"] = contact, ["companyId"] = company, ["jobTitle"] = "start", ["isPrimary"] = k == 0,
                }, ct);
                links.Add(new NetworkLink(link.Text("id")!, contact, company));
            }

            shared.Add(new SharedContact(contact, links));
        }

        var pairs = new List<TypedPair>();
        var members = new List<string>();
        for (var m = 0; m < Members; m++)
        {
            members.Add(await Contact($"Member {m}", ct));
        }

        for (var a = 0; a < Accounts; a++)
        {
            var account = (await Must(HttpMethod.Post, $"/api/v1/records/{AccountDomain}", new JsonObject
            {
                ["fields"] = new JsonObject { ["name"] = $"Account {a}" },
            }, ct)).Text("id")!;
            foreach (var member in members)
            {
                var upserted = await Must(HttpMethod.Post, "/api/v1/links/upsert", Upsert.Body(account, member, RelationshipTypes[0]), ct);
                pairs.Add(new TypedPair(account, member, upserted.Text("linkId")!));
            }
        }

        var subjects = new List<string>();
        for (var s = 0; s < NoteSubjects; s++)
        {
            var subject = await Contact($"Notes {s}", ct);
            await Must(HttpMethod.Post, $"/api/v1/network/contacts/{subject}/notes", new JsonObject { ["message"] = $"first note of {s}" }, ct);
            subjects.Add(subject);
        }

        return new World { SharedContacts = shared, Pairs = pairs, NoteSubjects = subjects, RelationshipTypes = RelationshipTypes };
    }

    private async Task<string> Contact(string name, CancellationToken ct) =>
        (await Must(HttpMethod.Post, "/api/v1/network/contacts", new JsonObject { ["firstName"] = "Chaos", ["lastName"] = name }, ct)).Text("id")!;

    /// <summary>A setup request: no fault runs yet, so anything but a 2xx (after a few tries on a 5xx) stops the run.</summary>
    private async Task<Answer> Must(HttpMethod method, string path, JsonObject body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await api.SendAsync(method, path, body, ct);
            if (answer.Ok)
            {
                return answer;
            }

            if (answer.Outcome == Outcome.Fail || attempt == 5)
            {
                throw new InvalidOperationException(
                    $"setup: {method} {path} answered {answer.Status?.ToString() ?? answer.Error}: {answer.Body?.ToJsonString()}");
            }

            log.WriteLine($"# setup: {method} {path} answered {answer.Status?.ToString() ?? answer.Error}; trying again");
            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
        }
    }
}
