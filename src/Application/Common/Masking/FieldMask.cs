namespace Linkage.Application.Common.Masking;

/// <summary>
/// How one caller sees the values of defined fields, a record's <c>fields</c> or a typed link's <c>fieldValues</c>
/// (API.md 5.1, 6): a restricted field's value only when <see cref="Shows"/> (the caller may reveal it and asked to);
/// otherwise the value is left out and the field is listed in <see cref="RestrictedFields"/>. The one masking of the
/// API: records and typed links both show, patch and check their values through it (ADR 0019).
/// </summary>
public sealed class FieldMask
{
    private readonly HashSet<string> _restricted;

    private FieldMask(HashSet<string> restricted, bool mayReveal, bool reveal)
    {
        _restricted = restricted;
        MayReveal = mayReveal;
        Shows = reveal && mayReveal;
    }

    /// <summary>Whether the caller holds <c>Reveal</c> on the domain the values belong to.</summary>
    public bool MayReveal { get; }

    /// <summary>Whether restricted values are shown: the caller may reveal them and asked to.</summary>
    public bool Shows { get; }

    /// <summary>The mask of <paramref name="fields"/> for a caller who may reveal or not, and asked to or not.</summary>
    public static FieldMask For(IEnumerable<FieldDefinition>? fields, bool mayReveal, bool reveal) => new(
        (fields ?? []).Where(f => f.Restricted).Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase), mayReveal, reveal);

    /// <summary>Whether the field named <paramref name="field"/> (in any case) is restricted, shown or not.</summary>
    public bool IsRestricted(string? field) => field is not null && _restricted.Contains(field);

    /// <summary>Whether the field named <paramref name="field"/> is hidden from this caller.</summary>
    public bool Hides(string? field) => !Shows && IsRestricted(field);

    /// <summary>The values this caller sees: all when shown, else all but the restricted ones.</summary>
    public IReadOnlyDictionary<string, object?> Values(IReadOnlyDictionary<string, object?> values) =>
        Shows ? values : values.Where(v => !_restricted.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>The fields this caller does not see, each saying whether the caller could reveal it; none when shown.</summary>
    public IReadOnlyDictionary<string, RestrictedField> RestrictedFields =>
        Shows
            ? new Dictionary<string, RestrictedField>()
            : _restricted.Order(StringComparer.Ordinal).ToDictionary(n => n, _ => new RestrictedField(new MaskedValue(MayReveal)), StringComparer.Ordinal);
}

/// <summary>How a masked field shows in <c>restrictedFields</c>: <c>{"masked": {"currentUserIsAuthorizedToReveal": true}}</c>.</summary>
public sealed record RestrictedField(MaskedValue Masked);

public sealed record MaskedValue(bool CurrentUserIsAuthorizedToReveal);
