namespace Linkage.Application.Common.Exceptions;

/// <summary>A patch path, Merge Patch member or <c>$select</c> name that is no property of the resource (400 UnknownField).</summary>
public sealed class UnknownFieldException(string message) : LinkageException("UnknownField", message);

/// <summary>A patch tries to change a property only the server sets, such as <c>id</c> or <c>version</c> (400 ReadOnlyField).</summary>
public sealed class ReadOnlyFieldException(string message) : LinkageException("ReadOnlyField", message);

/// <summary>
/// A patch reads a value the caller may not see (API.md 6): the <c>from</c> of a copy or move, or the path of a test,
/// is a masked field (400 MaskedField). Refused before anything is compared, so the answer says nothing of the value.
/// </summary>
public sealed class MaskedFieldException(string message) : LinkageException("MaskedField", message);
