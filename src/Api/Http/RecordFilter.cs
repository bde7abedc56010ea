using Linkage.Application.Common.Exceptions;

namespace Linkage.Api.Http;

/// <summary>
/// The field values a record list must equal (API.md 5.1), read off the query in either of its two forms:
/// <c>?policyNumber=POL-1</c> (every parameter but the list's own is a field), and <c>?$where=policyNumber=POL-1</c>
/// (repeatable), the form the OpenAPI document describes because every generated client serialises an array of strings,
/// while NSwag's TypeScript client sends an exploded object as one <c>[object Object]</c> (ADR 0020).
/// </summary>
public static class RecordFilter
{
    public const string Where = "$where";

    public static IReadOnlyDictionary<string, string> Read(IQueryCollection query, IReadOnlyCollection<string> listParameters)
    {
        var equal = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, string value)
        {
            if (!equal.TryAdd(field, value))
            {
                throw new ValidationFailedException(field, "A field is matched against one value.");
            }
        }

        foreach (var (name, values) in query)
        {
            if (listParameters.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!string.Equals(name, Where, StringComparison.OrdinalIgnoreCase))
            {
                if (values.Count > 1)
                {
                    throw new ValidationFailedException(name, "A field is matched against one value.");
                }

                Add(name, values.ToString());
                continue;
            }

            foreach (var pair in values)
            {
                var separator = pair?.IndexOf('=', StringComparison.Ordinal) ?? -1;
                if (separator <= 0)
                {
                    throw new ValidationFailedException(Where, "Each $where is field=value, e.g. $where=policyNumber=POL-1.");
                }

                Add(pair![..separator], pair[(separator + 1)..]);
            }
        }

        return equal;
    }
}
