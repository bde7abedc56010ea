using System.Buffers.Binary;
using System.Buffers.Text;

namespace Linkage.Application.Events;

/// <summary>
/// A place in one tenant's feed: the position of the last event a reader has passed (0 before the first). Opaque to
/// clients: a version byte and the position, base64url (12 characters), so the encoding can change without breaking
/// stored cursors. Positions count one tenant's events in commit order without gaps (ADR 0028).
/// </summary>
public readonly record struct EventCursor(long Position)
{
    /// <summary>The literal <c>after=now</c>: the head of the feed as it is read.</summary>
    public const string Now = "now";

    private const byte Version1 = 1;
    private const int EncodedLength = 12;

    public static EventCursor Start { get; } = new(0);

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = Version1;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], Position);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a cursor this API issued; anything else (checked by length first) is 400 on <paramref name="field"/>.</summary>
    public static EventCursor Parse(string text, string field)
    {
        Span<byte> bytes = stackalloc byte[9];
        var valid = text.Length == EncodedLength
            && Base64Url.IsValid(text)
            && Base64Url.DecodeFromChars(text, bytes) == 9
            && bytes[0] == Version1
            && BinaryPrimitives.ReadInt64BigEndian(bytes[1..]) >= 0;
        return valid
            ? new EventCursor(BinaryPrimitives.ReadInt64BigEndian(bytes[1..]))
            : throw new ValidationFailedException(field, "The cursor is not one this API issued.");
    }
}
