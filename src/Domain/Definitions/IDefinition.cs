namespace Linkage.Domain.Definitions;

/// <summary>Something a tenant defines and names (a custom domain, a relationship type): found by its name in any case.</summary>
public interface IDefinition
{
    string Name { get; }

    /// <summary>The name in lower case, unique per tenant.</summary>
    string NameKey { get; }
}
