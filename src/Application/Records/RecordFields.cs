namespace Linkage.Application.Records;

/// <summary>
/// Turns a request's field values into what a record stores, checked against its domain's definition (API.md 5.1):
/// types and required fields by the domain (<see cref="DomainRecord"/>), and here what only the store can say: an
/// association names a live record of its target domain.
/// </summary>
public sealed class RecordFields(ILinkageDbContext db, IRowLocks locks)
{
    /// <summary>The values read from a request (<see cref="FieldValueInput"/>), checked; the definition is held (ADR 12) until the transaction ends.</summary>
    public async Task<IReadOnlyDictionary<string, object?>> CheckAsync(
        DomainDefinition definition, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        await locks.ShareDefinitionAsync(definition.Id, cancellationToken);

        foreach (var field in definition.Fields.Where(f => f.Type == FieldType.Association))
        {
            if (values.FirstOrDefault(v => string.Equals(v.Key, field.Name, StringComparison.OrdinalIgnoreCase)).Value is string id
                && !await TargetExistsAsync(field.TargetDomain!, id, cancellationToken))
            {
                throw new ValidationFailedException($"fields.{field.Name}", $"There is no {field.TargetDomain} record {id}.");
            }
        }

        return values;
    }

    private Task<bool> TargetExistsAsync(string domain, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var target))
        {
            return Task.FromResult(true); // not an id at all: the domain's type check says so
        }

        return domain switch
        {
            BuiltInDomain.Contact => db.Contacts.AnyAsync(c => c.Id == target, cancellationToken),
            BuiltInDomain.Company => db.Companies.AnyAsync(c => c.Id == target, cancellationToken),
            BuiltInDomain.File => db.Files.AnyAsync(f => f.Id == target, cancellationToken),
            _ => db.Records.AnyAsync(r => r.Id == target && r.Domain == domain, cancellationToken),
        };
    }
}
