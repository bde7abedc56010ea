namespace Linkage.Domain.Common;

/// <summary>
/// An aggregate refused a change because one of its rules forbids it. Each subclass names the rule it
/// keeps; what a caller is told about it (an HTTP status, a problem code) is the API's business.
/// </summary>
public abstract class DomainRuleException(string message) : Exception(message);

/// <summary>A value breaks a rule on what the aggregate may hold (a contact without a name, a job title too long).</summary>
public sealed class InvalidValueException(string field, string message) : DomainRuleException(message)
{
    /// <summary>The property, as the API names it (<c>jobTitle</c>).</summary>
    public string Field { get; } = field;
}
