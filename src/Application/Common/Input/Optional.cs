using System.Text.Json.Serialization;

namespace Linkage.Application.Common.Input;

/// <summary>
/// A PATCH body member that tells "omitted" apart from "sent" (API.md 2.2: an omitted field is left
/// unchanged, an explicit <c>null</c> clears it). Deserialized by <see cref="OptionalJsonConverterFactory"/>:
/// a member missing from the body stays <see cref="IsSet"/> = false; a member present, <c>null</c> included,
/// is set to its value. Use a nullable <typeparamref name="T"/> where <c>null</c> is allowed.
/// </summary>
[JsonConverter(typeof(OptionalJsonConverterFactory))]
public readonly record struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>Whether the member was in the body.</summary>
    public bool IsSet { get; }

    /// <summary>The value sent; reading it when nothing was sent is a bug.</summary>
    public T Value => IsSet ? _value : throw new InvalidOperationException("The member was not sent.");

    public static Optional<T> Omitted => default;

    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>The value sent, or <paramref name="current"/> when the member was omitted.</summary>
    public T Or(T current) => IsSet ? _value : current;

    public override string ToString() => IsSet ? $"{_value}" : "(omitted)";
}
