using System.Text.Json.Nodes;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Tests;

/// <summary>
/// A small run that keeps every promise, built the way the chaos run records one (one shared contact with two links,
/// one pair, one note subject, one fault of each kind with the replicas ready again after it); a test then breaks one
/// promise in it and expects the checker to name that violation.
/// </summary>
public sealed class HistoryBuilder
{
    public const string Contact = "contact-1";
    public const string LinkA = "link-a";
    public const string LinkB = "link-b";
    public const string Account = "account-1";
    public const string Member = "member-1";
    public const string TypedLink = "typed-1";
    public const string NoteSubject = "notes-1";
    public const string FirstNote = "note-1";

    private static readonly string[] Replicas = ["api1", "api2", "api3"];

    private readonly List<Op> _history = [];
    private readonly List<FaultRecord> _faults = [];
    private readonly List<ReadinessSample> _readiness = [];
    private readonly List<CreatedContact> _contacts = [];
    private readonly List<TimelineEntry> _contactTimeline = [];
    private readonly List<TimelineEntry> _accountTimeline = [];
    private readonly List<NoteState> _notes = [];
    private readonly Dictionary<string, int> _linkVersions = new() { [LinkA] = 1, [LinkB] = 1 };
    private readonly Dictionary<string, bool> _primary = new() { [LinkA] = true, [LinkB] = false };
    private int _typedVersion = 1;
    private int _sequence;

    public HistoryBuilder()
    {
        _contactTimeline.Add(Entry("link.created", LinkA, "jobTitle", "start"));
        _contactTimeline.Add(Entry("link.created", LinkB, "jobTitle", "start"));
        _accountTimeline.Add(Entry("link.created", TypedLink, null, null));
        _notes.Add(new NoteState(FirstNote, "first note", null, null, 1));
        foreach (var replica in Replicas)
        {
            _readiness.Add(new ReadinessSample(replica, 0, true));
        }
    }

    public int ClientCount { get; set; } = 16;

    /// <summary>Replaces the final state's links of the contact (what GET .../links answers).</summary>
    public Func<IReadOnlyList<LinkState>, IReadOnlyList<LinkState>> ContactLinksAfter { get; set; } = l => l;

    /// <summary>Replaces what the feed reader, the stream and the receiver saw (by default: every committed change, once each).</summary>
    public Func<ObservedEvents, ObservedEvents> EventsAfter { get; set; } = e => e;

    /// <summary>Extra live typed links of the account after the run (a duplicate for the pair, say).</summary>
    public List<TypedLinkState> ExtraAccountLinks { get; } = [];

    public List<TimelineEntry> ContactTimeline => _contactTimeline;

    public List<NoteState> Notes => _notes;

    public List<CreatedContact> Contacts => _contacts;

    public double Time { get; set; } = 1;

    /// <summary>A contact create with a key: its attempts' outcomes, and the rows it left (by default one for an ok).</summary>
    public HistoryBuilder Create(string key, int rows, params int?[] statuses)
    {
        var id = $"contact-{key}";
        var attempt = 0;
        foreach (var status in statuses)
        {
            var ok = status is >= 200 and < 300;
            Add(new Op
            {
                Process = "c01", F = Ops.CreateContact, Type = OutcomeOf(status), Status = status, Key = key, Attempt = ++attempt,
                Error = status is null ? "no answer within 15 s" : null,
                Code = status == 503 ? "Unavailable" : status == 409 ? "IdempotencyKeyInFlight" : null,
                Source = status >= 500 ? "api" : null, RetryAfter = status == 503,
                Value = ok ? new JsonObject { ["id"] = id } : null,
            });
        }

        for (var r = 0; r < rows; r++)
        {
            _contacts.Add(new CreatedContact(r == 0 ? id : $"{id}-dup{r}", Workload.Creates.ContactName(key)));
        }

        return this;
    }

    /// <summary>An acknowledged PATCH of a link that the server saved (the link's version moves, the timeline shows it).</summary>
    public HistoryBuilder PatchLink(string link, string title, bool makePrimary = false, string process = "c02")
    {
        var ifMatch = $"\"{_linkVersions[link]}\"";
        Save(link, title, makePrimary);
        return Record(link, title, Outcome.Ok, 200, process, ifMatch, _linkVersions[link]);
    }

    /// <summary>A PATCH answered with <paramref name="status"/> that saved nothing.</summary>
    public HistoryBuilder RefusedPatch(string link, string title, int status = 412) =>
        Record(link, title, OutcomeOf(status), status, "c03", $"\"{_linkVersions[link]}\"", null);

    /// <summary>Records an answer without touching the server's state (for a history of a broken server).</summary>
    public HistoryBuilder Record(string link, string title, Outcome type, int? status, string process, string ifMatch, int? version) =>
        Add(new Op
        {
            Process = process, F = Ops.PatchLink, Type = type, Status = status, Target = link, Key = title,
            Code = status == 412 ? "PreconditionFailed" : null,
            Value = new JsonObject { ["ifMatch"] = ifMatch, ["version"] = version },
        });

    /// <summary>Saves a PATCH on the server's side only (a version move on the timeline), as a server would.</summary>
    public HistoryBuilder Save(string link, string title, bool makePrimary = false)
    {
        if (makePrimary)
        {
            foreach (var other in _primary.Keys.Where(k => k != link && _primary[k]).ToList())
            {
                _primary[other] = false;
                _linkVersions[other]++;
                _contactTimeline.Add(Entry("link.updated", other, "isPrimary", null));
            }

            _primary[link] = true;
        }

        _linkVersions[link]++;
        _contactTimeline.Add(Entry("link.updated", link, "jobTitle", title));
        return this;
    }

    public HistoryBuilder ReadContactLinks(params string[] primaries) => Add(new Op
    {
        Process = "c04", F = Ops.ReadContactLinks, Type = Outcome.Ok, Status = 200, Target = Contact,
        Value = new JsonObject { ["links"] = 2, ["primaries"] = new JsonArray(primaries.Select(p => (JsonNode)p).ToArray()) },
    });

    public HistoryBuilder Upsert(string key, string linkId, bool inserted = false) => Add(new Op
    {
        Process = "c05", F = Ops.Upsert, Type = Outcome.Ok, Status = inserted ? 201 : 200, Target = $"{Account}/{Member}", Key = key,
        Value = new JsonObject { ["linkId"] = linkId, ["inserted"] = inserted, ["version"] = _typedVersion },
    });

    public HistoryBuilder PatchTypedLink(string note)
    {
        _typedVersion++;
        _accountTimeline.Add(new TimelineEntry(Next(), "link.updated", TypedLink, null, new JsonObject
        {
            ["fieldValues"] = new JsonObject { ["from"] = new JsonObject(), ["to"] = new JsonObject { ["note"] = note } },
        }));
        return Add(new Op
        {
            Process = "c06", F = Ops.PatchTypedLink, Type = Outcome.Ok, Status = 200, Target = TypedLink, Key = note,
            Value = new JsonObject { ["version"] = _typedVersion },
        });
    }

    /// <summary>A supersede of <paramref name="note"/>: acknowledged (and saved as revision <paramref name="revision"/>) or refused.</summary>
    public HistoryBuilder Supersede(string note, string key, string? revision, int status = 204)
    {
        if (revision is not null)
        {
            SaveRevision(note, key, revision);
        }

        return Add(new Op
        {
            Process = "c07", F = Ops.SupersedeNote, Type = OutcomeOf(status), Status = status, Target = note, Key = key,
            Code = status == 400 ? "NoteSuperseded" : null,
            Value = new JsonObject { ["subject"] = NoteSubject, ["id"] = status < 300 ? revision : null },
        });
    }

    /// <summary>A revision on the server's side only.</summary>
    public HistoryBuilder SaveRevision(string note, string key, string revision)
    {
        var index = _notes.FindIndex(n => n.Id == note);
        _notes[index] = _notes[index] with { SupersededById = _notes[index].SupersededById ?? revision };
        _notes.Add(new NoteState(revision, Workload.Notes.RevisionMessage(key), note, null, 1));
        return this;
    }

    /// <summary>A 5xx answer at <see cref="Time"/>.</summary>
    public HistoryBuilder ServerError(int status, string? code, bool retryAfter, string source = "api", string? traceId = null) => Add(new Op
    {
        Process = "c08", F = Ops.ReadLink, Type = Outcome.Info, Status = status, Code = code, RetryAfter = retryAfter, Source = source, Target = LinkA,
        TraceId = traceId,
    });

    /// <summary>A fault from <paramref name="start"/> to <paramref name="end"/>, every replica ready again <paramref name="readyAfter"/> s later.</summary>
    public HistoryBuilder Fault(string kind, double start, double end, double readyAfter, string target = "api1")
    {
        _faults.Add(new FaultRecord(kind, target, start, end, "test") { StartedWall = "00:00:00.000" });
        var affected = kind is FaultKinds.ReplicaKill or FaultKinds.ReplicaStop ? [target] : kind == FaultKinds.RedisStop ? [] : Replicas;
        foreach (var replica in affected)
        {
            _readiness.Add(new ReadinessSample(replica, start + 0.5, false));
            _readiness.Add(new ReadinessSample(replica, end + readyAfter, true));
        }

        return this;
    }

    /// <summary>One fault of each kind, each healed with the replicas ready 5 s later: the schedule of a good run.</summary>
    public HistoryBuilder EveryFault()
    {
        var at = 200.0;
        foreach (var kind in FaultKinds.All)
        {
            Fault(kind, at, at + 10, 5);
            at += 60;
        }

        return this;
    }

    /// <summary>Changes what the followers saw (<see cref="EventsAfter"/>).</summary>
    public HistoryBuilder With(Func<ObservedEvents, ObservedEvents> events)
    {
        EventsAfter = events;
        return this;
    }

    public HistoryBuilder At(double time)
    {
        Time = time;
        return this;
    }

    public RunRecord Build()
    {
        var links = new Dictionary<string, LinkState>
        {
            [LinkA] = new(LinkA, Contact, "company-a", _linkVersions[LinkA], _primary[LinkA], null),
            [LinkB] = new(LinkB, Contact, "company-b", _linkVersions[LinkB], _primary[LinkB], null),
        };
        var typed = new TypedLinkState(TypedLink, Account, Member, _typedVersion, "chaos_member", null);
        return new RunRecord
        {
            Settings = new RunSettings { Seed = 1, Clients = ClientCount, Minutes = 3, WorkloadSeconds = 180, Replicas = Replicas },
            World = new World
            {
                SharedContacts = [new SharedContact(Contact, [new(LinkA, Contact, "company-a"), new(LinkB, Contact, "company-b")])],
                Pairs = [new TypedPair(Account, Member, TypedLink)],
                NoteSubjects = [NoteSubject],
                RelationshipTypes = ["chaos_member"],
            },
            History = _history.ToList(),
            Faults = _faults.OrderBy(f => f.Started).ToList(),
            Readiness = _readiness.OrderBy(s => s.At).ToList(),
            State = new FinalState
            {
                Contacts = _contacts.ToList(),
                Links = links,
                ContactLinks = new Dictionary<string, IReadOnlyList<LinkState>> { [Contact] = ContactLinksAfter([.. links.Values]) },
                TypedLinks = new Dictionary<string, TypedLinkState> { [TypedLink] = typed },
                AccountLinks = new Dictionary<string, IReadOnlyList<TypedLinkState>> { [Account] = [typed, .. ExtraAccountLinks] },
                Timelines = new Dictionary<string, IReadOnlyList<TimelineEntry>>
                {
                    [Contact] = _contactTimeline.ToList(),
                    [Account] = _accountTimeline.ToList(),
                },
                Notes = new Dictionary<string, IReadOnlyList<NoteState>> { [NoteSubject] = _notes.ToList() },
                ReadRounds = 1,
            },
            Events = EventsAfter(Events()),
        };
    }

    /// <summary>
    /// What a server that keeps its promises shows the followers: one event per committed change in the feed (link
    /// versions, created contacts, notes), the same on the stream over two connections, each delivered once with a valid
    /// signature, the first event's first attempt refused by the receiver and delivered again.
    /// </summary>
    private ObservedEvents Events()
    {
        var feed = new List<SeenEvent>();
        void Add(string type, string resourceType, string id, int? version) =>
            feed.Add(new SeenEvent($"event-{feed.Count + 1}", type, resourceType, id, version, $"cursor-{feed.Count + 1}", 1 + (feed.Count * 0.1)));

        foreach (var (link, version) in new[] { (LinkA, _linkVersions[LinkA]), (LinkB, _linkVersions[LinkB]), (TypedLink, _typedVersion) })
        {
            for (var v = 1; v <= version; v++)
            {
                Add(v == 1 ? "link.created" : "link.updated", "link", link, v);
            }
        }

        foreach (var contact in _contacts)
        {
            Add("contact.created", "contact", contact.Id, 1);
        }

        foreach (var note in _notes)
        {
            Add(note.SupersedesId is null ? "note.created" : "note.superseded", "note", note.Id, 1);
        }

        var deliveries = feed.Select(e => Delivered(e, e.At + 0.5)).ToList();
        deliveries.Insert(0, Delivered(feed[0], feed[0].At + 0.2) with { Answered = 503 });
        return new ObservedEvents
        {
            Feed = feed,
            FeedDrained = true,
            Stream = feed.Select((e, i) => e with { Connection = i < feed.Count / 2 ? 1 : 2 }).ToList(),
            StreamConnections = 2,
            StreamEnds = ["t=100.0s connection 1 after 6 events: The response ended prematurely."],
            Deliveries = deliveries,
        };
    }

    /// <summary>A delivery of <paramref name="e"/> answered 204 with a valid signature at <paramref name="at"/>.</summary>
    public static ReceivedDelivery Delivered(SeenEvent e, double at) =>
        new(e.Id, e.Id, e.Type, e.ResourceType, e.ResourceId, e.Version, SignatureValid: true, Answered: 204, at);

    /// <summary>A run with every kind of operation acknowledged once and every fault injected: no violation.</summary>
    public static HistoryBuilder Good() => new HistoryBuilder()
        .Create("ck-1", 1, 201)
        .PatchLink(LinkA, "t-1")
        .PatchLink(LinkB, "t-2", makePrimary: true)
        .RefusedPatch(LinkB, "t-3")
        .ReadContactLinks(LinkB)
        .Upsert("uk-1", TypedLink)
        .PatchTypedLink("f-1")
        .Supersede(FirstNote, "s-1", "note-2")
        .Supersede(FirstNote, "s-2", null, 400)
        .AddReads()
        .EveryFault()
        .At(325) // during the PostgreSQL fast restart (320 to 330, ready at 335): the promised answer
        .ServerError(503, "Unavailable", retryAfter: true)
        .At(1);

    private HistoryBuilder AddReads()
    {
        foreach (var f in new[] { Ops.CreateNote, Ops.ReadLink, Ops.ReadTypedLink, Ops.ReadNotes, Ops.ReadEvents, Ops.ConnectStream })
        {
            var key = $"nk-{f}";
            Add(new Op { Process = "c09", F = f, Type = Outcome.Ok, Status = 200, Key = f == Ops.CreateNote ? key : null, Value = new JsonObject { ["id"] = "note-created" } });
        }

        _notes.Add(new NoteState("note-created", Workload.Creates.NoteMessage($"nk-{Ops.CreateNote}"), null, null, 1));
        return this;
    }

    private HistoryBuilder Add(Op op)
    {
        _history.Add(op with { Index = _history.Count, Invoked = Time, Completed = Time + 0.1 });
        Time += 0.5;
        return this;
    }

    private TimelineEntry Entry(string kind, string link, string? field, string? to) =>
        new(Next(), kind, link, null, field is null ? null : new JsonObject { [field] = new JsonObject { ["from"] = null, ["to"] = to } });

    private string Next() => $"action-{++_sequence}";

    private static Outcome OutcomeOf(int? status) => status switch
    {
        null or >= 500 => Outcome.Info,
        >= 400 => Outcome.Fail,
        _ => Outcome.Ok,
    };
}
