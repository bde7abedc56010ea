namespace Linkage.Api.Problems;

/// <summary>A kind of problem: HTTP status, stable code and title (API.md 1.3).</summary>
public sealed record ProblemKind(int Status, string Code, string Title)
{
    public string Type => $"urn:linkage:problem:{Code}";
}

/// <summary>The one table that maps problem codes to HTTP statuses.</summary>
public static class ProblemCatalog
{
    public static readonly ProblemKind ValidationFailed = new(400, "ValidationFailed", "The request is invalid.");
    public static readonly ProblemKind Unauthenticated = new(401, "Unauthenticated", "Authentication is required.");
    public static readonly ProblemKind Forbidden = new(403, "Forbidden", "A permission is missing.");
    public static readonly ProblemKind NotFound = new(404, "NotFound", "The resource was not found.");
    public static readonly ProblemKind MethodNotAllowed = new(405, "MethodNotAllowed", "The method is not allowed on this resource.");
    public static readonly ProblemKind NotAcceptable = new(406, "NotAcceptable", "The requested media type cannot be produced.");
    public static readonly ProblemKind Conflict = new(409, "Conflict", "The change conflicts with an existing resource.");
    public static readonly ProblemKind PreconditionFailed = new(412, "PreconditionFailed", "The resource has changed.");
    public static readonly ProblemKind PayloadTooLarge = new(413, "PayloadTooLarge", "The request body is too large.");
    public static readonly ProblemKind UnsupportedMediaType = new(415, "UnsupportedMediaType", "The body's content type is not accepted.");
    public static readonly ProblemKind PreconditionRequired = new(428, "PreconditionRequired", "A precondition header is required.");
    public static readonly ProblemKind RateLimited = new(429, "RateLimited", "Too many requests.");
    public static readonly ProblemKind Unavailable = new(503, "Unavailable", "The service is temporarily unavailable.");
    public static readonly ProblemKind InternalError = new(500, "InternalError", "An unexpected error occurred.");

    private static readonly Dictionary<string, ProblemKind> ByCode = new ProblemKind[]
    {
        ValidationFailed, Unauthenticated, Forbidden, NotFound, MethodNotAllowed, NotAcceptable, Conflict,
        PreconditionFailed, PayloadTooLarge, UnsupportedMediaType, PreconditionRequired, RateLimited, Unavailable, InternalError,
        new(400, "NoteSuperseded", "The note has been superseded."),
        new(400, "NoteArchived", "The note is archived."),
        new(400, "UnknownField", "The request names an unknown field."),
        new(400, "ReadOnlyField", "The request changes a read-only field."),
        new(400, "InvalidPatch", "The patch is invalid."),
        new(400, "MaskedField", "The patch uses a masked field."),
        new(409, "PatchTestFailed", "A test operation of the patch failed."),
        new(409, "AmbiguousMatch", "The match found more than one record."),
        new(409, "IdempotencyKeyInFlight", "A request with this Idempotency-Key is in flight."),
        new(422, "IdempotencyKeyReused", "The Idempotency-Key was used for a different request."),
        new(410, "CursorExpired", "The cursor is older than the events kept."),
    }.ToDictionary(k => k.Code, StringComparer.Ordinal);

    /// <summary>Every known problem kind; the OpenAPI document lists their codes.</summary>
    public static IEnumerable<ProblemKind> All => ByCode.Values;

    public static ProblemKind ForCode(string code) => ByCode.GetValueOrDefault(code) ?? ValidationFailed;

    /// <summary>For responses the framework produces without a code (415, 405, an unknown route's 404).</summary>
    public static ProblemKind ForStatus(int status) =>
        ByCode.Values.FirstOrDefault(k => k.Status == status && k == ForCode(k.Code) && IsDefaultFor(k))
        ?? new ProblemKind(status, status >= 500 ? "InternalError" : "BadRequest", "The request failed.");

    private static bool IsDefaultFor(ProblemKind kind) => kind.Code is
        "ValidationFailed" or "Unauthenticated" or "Forbidden" or "NotFound" or "MethodNotAllowed" or "NotAcceptable"
        or "Conflict" or "PreconditionFailed" or "PayloadTooLarge" or "UnsupportedMediaType" or "PreconditionRequired"
        or "RateLimited" or "Unavailable" or "InternalError" or "IdempotencyKeyReused";
}
