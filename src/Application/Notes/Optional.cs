namespace Linkage.Application.Notes;

/// <summary>
/// A field of a partial update: omitted (keep what is there) or given, possibly as null (clear it).
/// Minimal on purpose; link PATCH has its own on another branch and the two are to be unified.
/// </summary>
public readonly record struct Optional<T>(bool IsGiven, T Value)
{
    public static Optional<T> Omitted => default;

    public static Optional<T> Of(T value) => new(true, value);

    /// <summary>The given value, or <paramref name="current"/> when omitted.</summary>
    public T Or(T current) => IsGiven ? Value : current;
}
