namespace Linkage.Application.PatchEngine;

/// <summary>
/// An integer of any size kept as its decimal digits: what a JSON number's exponent is when two numbers are compared
/// exactly. Built and moved by a small amount in time linear in its digits, which <c>BigInteger.Parse</c> is not
/// (its cost grows faster than the length of the text, and a patch may hold an exponent of 250 000 digits).
/// </summary>
internal readonly record struct DecimalInteger(bool Negative, string Magnitude)
{
    /// <summary>Below this many digits the value and any move of it fit in a <see cref="long"/>.</summary>
    private const int LongDigits = 17;

    public static DecimalInteger Zero { get; } = new(false, string.Empty);

    /// <summary>The integer written as <paramref name="digits"/> (ASCII digits, leading zeros allowed), negated when asked.</summary>
    public static DecimalInteger Of(bool negative, ReadOnlySpan<char> digits)
    {
        var magnitude = digits.TrimStart('0');
        return magnitude.IsEmpty ? Zero : new DecimalInteger(negative, magnitude.ToString());
    }

    /// <summary>This plus <paramref name="delta"/>, whose size is far below 10^17 (a count of digits).</summary>
    public DecimalInteger Plus(long delta)
    {
        if (delta == 0)
        {
            return this;
        }

        if (Magnitude.Length <= LongDigits)
        {
            var value = (Magnitude.Length == 0 ? 0 : long.Parse(Magnitude, System.Globalization.CultureInfo.InvariantCulture)) * (Negative ? -1 : 1);
            return FromLong(value + delta);
        }

        // |this| >= 10^17 > |delta|: the sign stays, and the magnitude moves away from zero or toward it by |delta|.
        var away = delta > 0 != Negative;
        var step = (ulong)Math.Abs(delta);
        return new DecimalInteger(Negative, away ? Add(Magnitude, step) : Subtract(Magnitude, step));
    }

    private static DecimalInteger FromLong(long value) =>
        value == 0 ? Zero : new DecimalInteger(value < 0, Math.Abs(value).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Add(string magnitude, ulong step)
    {
        var digits = magnitude.ToCharArray();
        var carry = step;
        for (var i = digits.Length - 1; i >= 0 && carry > 0; i--)
        {
            var sum = (ulong)(digits[i] - '0') + (carry % 10);
            carry = (carry / 10) + (sum / 10);
            digits[i] = (char)('0' + (int)(sum % 10));
        }

        var result = new string(digits);
        return carry == 0 ? result : carry.ToString(System.Globalization.CultureInfo.InvariantCulture) + result;
    }

    /// <summary><paramref name="magnitude"/> minus <paramref name="step"/>, which is smaller.</summary>
    private static string Subtract(string magnitude, ulong step)
    {
        var digits = magnitude.ToCharArray();
        var borrow = step;
        for (var i = digits.Length - 1; i >= 0 && borrow > 0; i--)
        {
            var take = (int)(borrow % 10);
            borrow /= 10;
            var digit = digits[i] - '0' - take;
            if (digit < 0)
            {
                digit += 10;
                borrow++;
            }

            digits[i] = (char)('0' + digit);
        }

        return new string(digits).TrimStart('0');
    }
}
