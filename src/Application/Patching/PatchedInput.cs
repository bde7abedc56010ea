using System.Text.Json.Nodes;

namespace Linkage.Application.Patching;

/// <summary>
/// Turns the writable part of a patched document back into the resource's create input and validates it
/// exactly like a create: wrong JSON types and unknown nested members, then the create validator (400 ValidationFailed).
/// </summary>
public static class PatchedInput
{
    public static async Task<TInput> ReadAsync<TInput>(JsonObject writable, IValidator<TInput> validator, CancellationToken cancellationToken)
        where TInput : class
    {
        EnsureNoNul(writable);
        var input = Deserialize<TInput>(writable);
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            throw ValidationFailedException.From(result.Errors);
        }

        return input;
    }

    /// <summary>PostgreSQL stores no U+0000 in text or jsonb: refuse it here rather than fail in the database with a 500.</summary>
    private static void EnsureNoNul(JsonObject writable)
    {
        foreach (var (name, value) in writable)
        {
            var pending = new Stack<JsonNode?>([value]);
            while (pending.TryPop(out var node))
            {
                switch (node)
                {
                    case JsonObject members:
                        foreach (var (key, child) in members)
                        {
                            RefuseNul(name, key);
                            pending.Push(child);
                        }

                        break;
                    case JsonArray items:
                        foreach (var child in items)
                        {
                            pending.Push(child);
                        }

                        break;
                    case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                        RefuseNul(name, text.GetValue<string>());
                        break;
                }
            }
        }
    }

    private static void RefuseNul(string field, string text)
    {
        if (text.Contains('\0'))
        {
            throw new ValidationFailedException(field, "Text cannot contain the NUL character (U+0000).");
        }
    }

    private static TInput Deserialize<TInput>(JsonObject writable)
        where TInput : class
    {
        try
        {
            return writable.Deserialize<TInput>(ResourcePatch.InputJson)
                ?? throw new ValidationFailedException("body", "The patched resource is empty.");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "This property is not known."
                : "The value has the wrong JSON type.";
            throw new ValidationFailedException(field, message);
        }
    }
}
