namespace Linkage.Application.PatchEngine;

/// <summary>Compares JSON number literals by exact mathematical value, with no precision loss for big numbers.</summary>
internal static class JsonNumberText
{
    public static bool AreEqual(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        if (TryNormalize(left, out var a) && TryNormalize(right, out var b))
        {
            return a == b;
        }

        return string.Equals(left, right, StringComparison.Ordinal);
    }

    // A number as sign, significant digits (no leading or trailing zeros) and a power-of-ten exponent,
    // so that 1, 1.0, 10e-1 and 0.1e1 all normalize to (false, "1", 0).
    private readonly record struct Normalized(bool Negative, string Digits, DecimalInteger Exponent);

    private static bool TryNormalize(string text, out Normalized result)
    {
        result = default;
        var span = text.AsSpan().Trim();
        var position = 0;
        var negative = position < span.Length && span[position] == '-';
        if (negative)
        {
            position++;
        }

        var integerPart = ReadDigits(span, ref position);
        if (integerPart.IsEmpty)
        {
            return false;
        }

        var fractionPart = ReadOnlySpan<char>.Empty;
        if (position < span.Length && span[position] == '.')
        {
            position++;
            fractionPart = ReadDigits(span, ref position);
            if (fractionPart.IsEmpty)
            {
                return false;
            }
        }

        var exponent = DecimalInteger.Zero;
        if (position < span.Length && span[position] is 'e' or 'E')
        {
            position++;
            var exponentNegative = position < span.Length && span[position] == '-';
            if (position < span.Length && span[position] is '+' or '-')
            {
                position++;
            }

            var exponentDigits = ReadDigits(span, ref position);
            if (exponentDigits.IsEmpty)
            {
                return false;
            }

            exponent = DecimalInteger.Of(exponentNegative, exponentDigits);
        }

        if (position != span.Length)
        {
            return false;
        }

        var digits = string.Concat(integerPart, fractionPart).TrimStart('0');
        if (digits.Length == 0)
        {
            // Every spelling of zero, including -0, is the same value.
            result = new Normalized(false, string.Empty, DecimalInteger.Zero);
            return true;
        }

        var trimmed = digits.TrimEnd('0');
        exponent = exponent.Plus((long)digits.Length - trimmed.Length - fractionPart.Length);
        result = new Normalized(negative, trimmed, exponent);
        return true;
    }

    private static ReadOnlySpan<char> ReadDigits(ReadOnlySpan<char> span, scoped ref int position)
    {
        var start = position;
        while (position < span.Length && char.IsAsciiDigit(span[position]))
        {
            position++;
        }

        return span[start..position];
    }
}
