using System.Buffers.Binary;

namespace Linkage.Domain.Common;

/// <summary>
/// UUIDv7 values (RFC 9562) that strictly increase within this process, also inside one millisecond
/// (a 12-bit counter), where <see cref="Guid.CreateVersion7(DateTimeOffset)"/> is random. Timeline actions
/// get these ids so that actions recorded in one command keep their order when the store inserts them
/// (the unit of work inserts a command's actions in id order), e.g. a demotion before the promotion that caused it.
/// The embedded time never goes backwards: after a clock step back, ids carry the latest time seen.
/// </summary>
public static class SequentialGuid
{
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds;
    private static int _counter;

    public static Guid NextVersion7(DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        int counter;
        lock (Gate)
        {
            if (milliseconds > _lastMilliseconds)
            {
                _lastMilliseconds = milliseconds;
                // Start low in the counter's range, leaving room for many ids in the same millisecond.
                _counter = Random.Shared.Next(0, 0x400);
            }
            else if (++_counter > 0xFFF)
            {
                _lastMilliseconds++;
                _counter = 0;
            }

            milliseconds = _lastMilliseconds;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], milliseconds << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
