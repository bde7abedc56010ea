using System.Globalization;

namespace Linkage.Application.PatchEngine;

/// <summary>How a reference token reads as an array index.</summary>
internal enum ArrayIndexKind
{
    /// <summary>A well-formed index that fits in an <see cref="int"/>.</summary>
    Index,

    /// <summary>The <c>-</c> token: the position after the last element.</summary>
    End,

    /// <summary>Anything else: signs, leading zeros, whitespace, exponents, non-digits, empty.</summary>
    Malformed,

    /// <summary>A well-formed index too large for any array.</summary>
    Overflow,
}

/// <summary>Strict RFC 6901 array index parsing: only <c>0</c> or <c>[1-9][0-9]*</c>, plus <c>-</c>.</summary>
internal static class JsonArrayIndex
{
    public static ArrayIndexKind Parse(string token, out int index)
    {
        index = -1;
        if (token == "-")
        {
            return ArrayIndexKind.End;
        }

        if (token.Length == 0 || (token[0] == '0' && token.Length > 1))
        {
            return ArrayIndexKind.Malformed;
        }

        foreach (var c in token)
        {
            if (!char.IsAsciiDigit(c))
            {
                return ArrayIndexKind.Malformed;
            }
        }

        // The token is already known to be plain digits, so the only possible failure left is overflow.
        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            ? ArrayIndexKind.Index
            : ArrayIndexKind.Overflow;
    }
}
