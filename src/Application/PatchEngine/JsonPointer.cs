using System.Text;

namespace Linkage.Application.PatchEngine;

/// <summary>An RFC 6901 JSON Pointer: an immutable sequence of unescaped reference tokens.</summary>
public sealed class JsonPointer : IEquatable<JsonPointer>
{
    private readonly string[] _tokens;

    /// <summary>The empty pointer, which refers to the whole document.</summary>
    public static JsonPointer Root { get; } = new(Array.Empty<string>());

    /// <summary>Creates a pointer from unescaped reference tokens.</summary>
    public JsonPointer(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens.ToArray();
        foreach (var token in _tokens)
        {
            ArgumentNullException.ThrowIfNull(token, nameof(tokens));
        }
    }

    /// <summary>The unescaped reference tokens, outermost first.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>True for the empty pointer <c>""</c>.</summary>
    public bool IsRoot => _tokens.Length == 0;

    /// <summary>Parses an RFC 6901 pointer, throwing <see cref="FormatException"/> when it is malformed.</summary>
    public static JsonPointer Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var pointer, out var error) ? pointer : throw new FormatException(error);
    }

    /// <summary>Parses an RFC 6901 pointer without throwing; <paramref name="error"/> explains a failure.</summary>
    public static bool TryParse(string? text, out JsonPointer pointer, out string? error)
    {
        pointer = Root;
        error = null;
        if (text is null)
        {
            error = "A JSON Pointer must be a string.";
            return false;
        }

        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] != '/')
        {
            error = $"JSON Pointer '{text}' must be empty or start with '/'.";
            return false;
        }

        var tokens = new List<string>();
        var current = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/')
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
            else if (c != '~')
            {
                current.Append(c);
            }
            else if (i + 1 < text.Length && text[i + 1] is '0' or '1')
            {
                // Decoding each escape on its own gives the RFC's required order: "~01" is "~1", not "/".
                current.Append(text[++i] == '0' ? '~' : '/');
            }
            else
            {
                error = $"JSON Pointer '{text}' has an invalid escape at position {i}; only '~0' and '~1' are allowed.";
                return false;
            }
        }

        tokens.Add(current.ToString());
        pointer = new JsonPointer(tokens);
        return true;
    }

    /// <summary>True when this pointer is a strict ancestor of <paramref name="other"/>.</summary>
    public bool IsProperPrefixOf(JsonPointer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_tokens.Length >= other._tokens.Length)
        {
            return false;
        }

        for (var i = 0; i < _tokens.Length; i++)
        {
            if (!string.Equals(_tokens[i], other._tokens[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The pointer in RFC 6901 text form, with tokens re-escaped.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var token in _tokens)
        {
            // '~' must be escaped before '/', otherwise the "~1" produced for '/' would be escaped again.
            builder.Append('/').Append(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(JsonPointer? other) =>
        other is not null && _tokens.AsSpan().SequenceEqual(other._tokens);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JsonPointer other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var token in _tokens)
        {
            hash.Add(token, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
