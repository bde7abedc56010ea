using System.Collections.Concurrent;
using System.Reflection;

namespace Linkage.Domain.Common;

/// <summary>
/// The writable fields of a <see cref="VersionedRecord{TDetails}"/>: the members of its details record, each read
/// from the details and from the record's property of the same name; named as the API names them (camelCase).
/// Worked out once per record type.
/// </summary>
internal sealed record WritableFields(string Name, Func<object, object?> OfRecord, Func<object, object?> OfDetails)
{
    private static readonly ConcurrentDictionary<(Type Record, Type Details), IReadOnlyList<WritableFields>> Cache = new();

    public static IReadOnlyList<WritableFields> Of(Type record, Type details) =>
        Cache.GetOrAdd((record, details), key => key.Details
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => new WritableFields(
                char.ToLowerInvariant(p.Name[0]) + p.Name[1..],
                (key.Record.GetProperty(p.Name) ?? throw new InvalidOperationException($"{key.Record.Name} has no property {p.Name}.")).GetValue,
                p.GetValue))
            .ToList());
}
