using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Names and describes path parameters by where they stand. A resource's own id keeps its name (<c>getContact(id)</c>);
/// an id or name that more of the path follows is a parent's, and is named for it (<c>contacts/{contactId}/notes</c>,
/// <c>domains/{domainName}/actions</c>), so a generated method reads <c>createNote(contactId, body)</c>. Only the document
/// (and so every client) uses these names; the routes keep theirs, since a path parameter's name is not on the wire.
/// </summary>
public sealed class PathParameters : IOperationProcessor
{
    /// <summary>The resource a collection segment holds, in words, where it is not the segment less its final s.</summary>
    private static readonly Dictionary<string, string> Nouns = new(StringComparer.Ordinal)
    {
        ["companies"] = "company",
        ["deliveries"] = "delivery",
    };

    /// <summary>Parameters whose meaning the segments alone do not tell, by path and name.</summary>
    private static readonly Dictionary<(string Path, string Name), string> Described = new()
    {
        [("/api/v1/links/{id}", "id")] = "The link's id, or its composite key relationship|_|fromDomain|_|toDomain|_|fromId|_|toId "
            + "(pipes sent as %7C; API.md 6).",
    };

    public bool Process(OperationProcessorContext context)
    {
        var description = context.OperationDescription;
        var segments = description.Path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{') || !segments[i].EndsWith('}'))
            {
                continue;
            }

            var name = segments[i][1..^1];
            var parameter = description.Operation.Parameters.FirstOrDefault(p => p.Kind == OpenApiParameterKind.Path && p.Name == name)
                ?? throw new InvalidOperationException($"{description.Path} has no path parameter {name}.");
            var noun = NounBefore(segments, i, description.Path);
            var parent = i < segments.Length - 1;
            var renamed = parent && name is "id" or "name" ? Camel(noun) + char.ToUpperInvariant(name[0]) + name[1..] : name;

            parameter.Description = Described.GetValueOrDefault((description.Path, name)) ?? name switch
            {
                "id" => $"The {noun}'s id.",
                "name" => $"The {noun}'s name.",
                "domain" => "The name of the custom domain the records belong to (Claim), in any case.",
                _ when name.EndsWith("Id", StringComparison.Ordinal) => $"The {Words(name[..^2])}'s id.",
                _ => throw new InvalidOperationException($"Describe the path parameter {name} of {description.Path} in PathParameters."),
            };
            parameter.Name = renamed;
            segments[i] = "{" + renamed + "}";
        }

        description.Path = string.Join('/', segments);
        return true;
    }

    /// <summary>The resource of the collection before a parameter (<c>records/{domain}/{id}</c>: record).</summary>
    private static string NounBefore(string[] segments, int index, string path)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!segments[i].StartsWith('{'))
            {
                var collection = segments[i];
                return Nouns.GetValueOrDefault(collection) ?? (collection.EndsWith('s') ? collection[..^1] : collection).Replace('-', ' ');
            }
        }

        throw new InvalidOperationException($"{path} has a parameter before any collection.");
    }

    /// <summary>"relationship type" -> "relationshipType".</summary>
    private static string Camel(string words)
    {
        var parts = words.Split(' ');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>"deliveryId" -> "delivery", "noteId" -> "note".</summary>
    private static string Words(string camel) =>
        string.Concat(camel.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
