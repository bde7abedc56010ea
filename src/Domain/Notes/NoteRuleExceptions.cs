namespace Linkage.Domain.Notes;

/// <summary>The note has been superseded: only the head of its revision chain can be archived, unarchived or superseded.</summary>
public sealed class NoteSupersededException(string verb)
    : DomainRuleException($"The note has been superseded and cannot be {verb}; act on the head of its revision chain.");

/// <summary>The note is archived: it must be unarchived before it is superseded.</summary>
public sealed class NoteArchivedException()
    : DomainRuleException("The note is archived: unarchive it before superseding it.");
