using Linkage.Application.Common.Exceptions;
using Linkage.Application.PatchEngine;
using Linkage.Domain.Notes;

namespace Linkage.Api.Problems;

/// <summary>
/// The one mapping of known failures to problem responses. Both the MVC exception filter (which can
/// keep headers like ETag on the response) and the global exception handler use it.
/// </summary>
public static class ProblemMapping
{
    /// <summary>
    /// Returns the problem for a known failure, or null for an exception that is a bug. A known failure is the caller's
    /// business, not an incident: it is logged here, once, at Information, with its code and without its stack trace.
    /// </summary>
    public static ProblemDetails? TryMap(HttpContext context, Exception exception)
    {
        var problem = Map(context, exception);
        if (problem is not null)
        {
            RefusalLog.Write(context, problem, exception);
        }

        return problem;
    }

    private static ProblemDetails? Map(HttpContext context, Exception exception)
    {
        switch (exception)
        {
            case ValidationFailedException validation:
                return ProblemWriter.Create(context, ProblemCatalog.ValidationFailed, validation.Message, validation.Errors);
            case PreconditionFailedException stale:
                context.Response.Headers.ETag = EntityTagCondition.Format(stale.CurrentVersion);
                return ProblemWriter.Create(context, ProblemCatalog.PreconditionFailed, stale.Message);
            case ConflictException conflict:
                var problem = ProblemWriter.Create(context, ProblemCatalog.Conflict, conflict.Message);
                if (conflict.ExistingId is { } existing)
                {
                    problem.Extensions["existingId"] = existing;
                }

                return problem;
            case AmbiguousMatchException ambiguous:
                var candidates = ProblemWriter.Create(context, ProblemCatalog.ForCode(ambiguous.Code), ambiguous.Message);
                candidates.Extensions["candidates"] = ambiguous.Candidates;
                return candidates;
            case PatchTestFailedException testFailed:
                return ProblemWriter.Create(context, ProblemCatalog.ForCode("PatchTestFailed"), testFailed.Message);
            case JsonPatchException invalidPatch:
                return ProblemWriter.Create(context, ProblemCatalog.ForCode("InvalidPatch"), invalidPatch.Message);
            case ContentionException or CommitOutcomeUnknownException:
                context.Response.Headers.RetryAfter = "1";
                return ProblemWriter.Create(context, ProblemCatalog.Unavailable, exception.Message);
            case LinkageException known:
                return ProblemWriter.Create(context, ProblemCatalog.ForCode(known.Code), known.Message);
            case InvalidValueException invalid:
                return ProblemWriter.Create(context, ProblemCatalog.ValidationFailed, invalid.Message,
                    new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] });
            case NoteSupersededException superseded:
                return ProblemWriter.Create(context, ProblemCatalog.ForCode("NoteSuperseded"), superseded.Message);
            case NoteArchivedException archived:
                return ProblemWriter.Create(context, ProblemCatalog.ForCode("NoteArchived"), archived.Message);
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return ProblemWriter.Create(context, ProblemCatalog.PayloadTooLarge, "The request body is larger than 256 KiB.");
            case BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } unsupported:
                return ProblemWriter.Create(context, ProblemCatalog.UnsupportedMediaType, unsupported.Message);
            case BadHttpRequestException bad:
                return ProblemWriter.Create(context, ProblemCatalog.ValidationFailed, bad.Message);
            case var _ when IsUnstorableText(exception):
                return ProblemWriter.Create(context, ProblemCatalog.ValidationFailed, "Text may not contain the NUL character (U+0000).");
            default:
                return null;
        }
    }

    /// <summary>
    /// PostgreSQL refuses U+0000 in text and jsonb (22021, 22P05). Catching it here, where every write and
    /// query fails the same way, keeps one rule instead of a NUL check on every string field.
    /// </summary>
    private static bool IsUnstorableText(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "22021" or "22P05" })
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Turns known failures thrown inside MVC into problem results, so headers set with them survive.</summary>
public sealed class ProblemExceptionFilter : Microsoft.AspNetCore.Mvc.Filters.IExceptionFilter
{
    public void OnException(Microsoft.AspNetCore.Mvc.Filters.ExceptionContext context)
    {
        if (ProblemMapping.TryMap(context.HttpContext, context.Exception) is { } problem)
        {
            context.Result = ProblemWriter.Result(problem);
            context.ExceptionHandled = true;
        }
    }
}
