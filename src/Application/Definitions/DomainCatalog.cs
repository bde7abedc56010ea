namespace Linkage.Application.Definitions;

/// <summary>
/// The domains a tenant has, built-in and defined, by name in any case: where a request names a domain (a
/// route, an association's target, a relationship type's end, an upsert's parent), this says which it is.
/// </summary>
public sealed class DomainCatalog(ILinkageDbContext db)
{
    /// <summary>The custom domain named <paramref name="name"/> (tracked when <paramref name="tracked"/>), or null.</summary>
    public Task<DomainDefinition?> FindAsync(string? name, CancellationToken cancellationToken, bool tracked = false)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return Task.FromResult<DomainDefinition?>(null);
        }

        var key = name.ToLowerInvariant();
        var domains = tracked ? db.Domains : db.Domains.AsNoTracking();
        return domains.FirstOrDefaultAsync(d => d.NameKey == key, cancellationToken);
    }

    /// <summary>The custom domain the route names; 404 when there is none.</summary>
    public async Task<DomainDefinition> GetAsync(string name, CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken) ?? throw new NotFoundException($"No such domain: '{Echo(name)}'.");

    /// <summary>The domain's name as defined (built-in or custom), or null when the tenant has no such domain.</summary>
    public async Task<string?> CanonicalNameAsync(string? name, CancellationToken cancellationToken) =>
        BuiltInDomain.Find(name) ?? (await FindAsync(name, cancellationToken))?.Name;

    /// <summary>
    /// The fields with each association's target domain spelled as defined; 400 naming the field whose target
    /// the tenant does not have.
    /// </summary>
    public async Task<IReadOnlyList<FieldDefinition>> ResolveTargetsAsync(
        IReadOnlyList<FieldDefinition> fields, string path, CancellationToken cancellationToken)
    {
        var resolved = new List<FieldDefinition>(fields.Count);
        foreach (var field in fields)
        {
            if (field.TargetDomain is null)
            {
                resolved.Add(field);
                continue;
            }

            var target = await CanonicalNameAsync(field.TargetDomain, cancellationToken)
                ?? throw new ValidationFailedException($"{path}.{field.Name}.targetDomain", $"There is no domain '{Echo(field.TargetDomain)}'.");
            resolved.Add(field with { TargetDomain = target });
        }

        return resolved;
    }

    private static string Echo(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
