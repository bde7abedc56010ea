namespace Linkage.Application.Common.Input;

/// <summary>A postal address as a request supplies it.</summary>
public sealed record AddressInput(string? Street, string? PostalCode, string? City, string? CountryCode)
{
    public Address ToDomain() => new(Street, PostalCode, City, CountryCode?.ToUpperInvariant());
}
