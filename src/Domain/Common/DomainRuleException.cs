namespace Linkage.Domain.Common;

/// <summary>
/// An aggregate refused a change because its state forbids it (e.g. superseding a superseded note).
/// <see cref="Code"/> is the stable problem code the API answers with.
/// </summary>
public class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
