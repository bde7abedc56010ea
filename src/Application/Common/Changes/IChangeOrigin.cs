namespace Linkage.Application.Common.Changes;

/// <summary>The validated <c>X-Change-Origin</c> of the current request (default <c>api</c>).</summary>
public interface IChangeOrigin
{
    string Value { get; }
}
