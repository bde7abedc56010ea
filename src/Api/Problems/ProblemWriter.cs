using System.Diagnostics;

namespace Linkage.Api.Problems;

/// <summary>Builds and writes RFC 9457 problem details with every field of API.md 1.3.</summary>
public static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    public static ProblemDetails Create(
        HttpContext context,
        ProblemKind kind,
        string? detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Type = kind.Type,
            Title = kind.Title,
            Status = kind.Status,
            Detail = detail ?? kind.Title,
            Instance = context.Request.Path,
        };
        Complete(problem, context, kind.Code);
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }

    /// <summary>Adds the fields the framework's own problem details lack (code, traceId, type, instance).</summary>
    public static void Complete(ProblemDetails problem, HttpContext context, string? code = null)
    {
        var kind = code is null ? ProblemCatalog.ForStatus(problem.Status ?? context.Response.StatusCode) : ProblemCatalog.ForCode(code);
        problem.Status ??= kind.Status;
        problem.Type = kind.Type;
        problem.Title ??= kind.Title;
        problem.Detail ??= problem.Title;
        problem.Instance ??= context.Request.Path;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        problem.Extensions["code"] = code ?? kind.Code;
    }

    public static Task WriteAsync(
        HttpContext context,
        ProblemKind kind,
        string? detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = Create(context, kind, detail, errors);
        context.Response.StatusCode = kind.Status;
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, ContentType);
    }

    /// <summary>An MVC result for a problem; unaffected by <c>[Produces]</c>, so it keeps the problem media type.</summary>
    public static IActionResult Result(ProblemDetails problem) =>
        new JsonResult(problem) { StatusCode = problem.Status, ContentType = ContentType };
}
