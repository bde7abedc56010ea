namespace Linkage.Application.Events;

/// <summary>
/// Which events a reader receives: those of the kinds it asked for (<c>?types=</c>: kinds and <c>family.*</c>
/// prefixes; none asked means all) whose resource it may read. The feed applies it in SQL and a stream applies the
/// same rule in memory (<see cref="Matches"/>), so both always agree.
/// </summary>
public sealed record EventFilter
{
    /// <summary>At most this many entries in <c>?types=</c>, and this many characters in all.</summary>
    public const int MaxTypes = 50;
    public const int MaxTypesLength = 2000;

    /// <summary>Everything, for readers inside the API (a stream's shared poller) that filter later.</summary>
    public static EventFilter Everything { get; } = new(null, [], []);

    private EventFilter(IReadOnlySet<string>? readableDomains, IReadOnlyList<string> kinds, IReadOnlyList<string> families)
    {
        ReadableDomains = readableDomains;
        Kinds = kinds;
        Families = families;
    }

    /// <summary>Lower-case names of the domains whose resources the reader may read; null: every domain.</summary>
    public IReadOnlySet<string>? ReadableDomains { get; }

    /// <summary>Exact kinds asked for; with <see cref="Families"/> empty too, every kind.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>Families asked for with <c>family.*</c>.</summary>
    public IReadOnlyList<string> Families { get; }

    public bool AllKinds => Kinds.Count == 0 && Families.Count == 0;

    /// <summary>The filter for a caller: the kinds of <paramref name="types"/> (already validated) and the caller's read rights.</summary>
    public static EventFilter For(ICurrentUser user, string? types)
    {
        var (kinds, families) = ParseTypes(types);
        var reads = user.Permissions.Where(p => p.Right is Permission.Any || string.Equals(p.Right, "Read", StringComparison.OrdinalIgnoreCase)).ToList();
        IReadOnlySet<string>? domains = reads.Any(p => p.Domain == Permission.Any)
            ? null
            : reads.Select(p => p.Domain.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return new EventFilter(domains, kinds, families);
    }

    /// <summary>
    /// The filter of a webhook endpoint (API.md 8): the kinds it names (already validated; none: all) of every resource,
    /// since only a tenant's administrators (<c>*:Admin</c>, who read every domain) make endpoints.
    /// </summary>
    public static EventFilter OfKinds(IReadOnlyList<string> types)
    {
        var (kinds, families) = ParseTypes(types.Count == 0 ? null : string.Join(',', types));
        return new EventFilter(null, kinds, families);
    }

    /// <summary>
    /// Whether an event with this kind and read rights passes. <paramref name="readDomains"/> are the domains of which the
    /// reader needs one's <c>Read</c> to read the event's resource (a network link: <c>contact</c> or <c>company</c>); null
    /// when any caller of the tenant may read it (a definition).
    /// </summary>
    public bool Matches(string kind, IReadOnlyList<string>? readDomains) =>
        (AllKinds || Kinds.Contains(kind, StringComparer.Ordinal) || Families.Contains(EventTypes.FamilyOf(kind), StringComparer.Ordinal))
        && (readDomains is null || ReadableDomains is null || readDomains.Any(d => ReadableDomains.Contains(d.ToLowerInvariant())));

    /// <summary>The problem with <c>?types=</c>, or null when it is valid (lengths are checked before anything else).</summary>
    public static string? Validate(string? types)
    {
        if (types is null)
        {
            return null;
        }

        if (types.Length > MaxTypesLength)
        {
            return $"At most {MaxTypesLength} characters.";
        }

        var entries = types.Split(',');
        if (entries.Length > MaxTypes)
        {
            return $"At most {MaxTypes} kinds.";
        }

        var unknown = entries.Where(e => !EventTypes.Kinds.Contains(e) && !(e.EndsWith(".*", StringComparison.Ordinal) && EventTypes.Families.Contains(e[..^2]))).ToList();
        return unknown.Count == 0
            ? null
            : $"Unknown event kinds: {string.Join(", ", unknown.Take(5).Select(u => u.Length > 40 ? u[..40] + "..." : u))}. " +
              "Name kinds (contact.updated) or families (link.*), comma separated, without spaces.";
    }

    private static (IReadOnlyList<string> Kinds, IReadOnlyList<string> Families) ParseTypes(string? types)
    {
        if (string.IsNullOrEmpty(types))
        {
            return ([], []);
        }

        var entries = types.Split(',');
        return (
            entries.Where(e => !e.EndsWith(".*", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList(),
            entries.Where(e => e.EndsWith(".*", StringComparison.Ordinal)).Select(e => e[..^2]).Distinct(StringComparer.Ordinal).ToList());
    }
}
