namespace Linkage.Application.Common.Concurrency;

/// <summary>
/// A command that changes an existing aggregate and so must carry the caller's precondition.
/// The precondition behavior compares it with the aggregate's version before the handler runs,
/// and the unit of work makes the update itself conditional on that same version.
/// </summary>
public interface IConditionalCommand
{
    Precondition Precondition { get; }

    /// <summary>The aggregate's CLR type (e.g. <c>typeof(Contact)</c>).</summary>
    Type AggregateType { get; }

    Guid AggregateId { get; }

    /// <summary>Contacts and companies also accept If-Unmodified-Since (seed 003).</summary>
    bool AcceptsIfUnmodifiedSince => false;
}
