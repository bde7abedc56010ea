using System.Text;
using System.Text.RegularExpressions;
using Linkage.Application.Common.Paging;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Every operation's summary and description, by convention: the summary is its action's name in words ("Create
/// contact"), the description the action's XML summary (if any) followed by what its shape promises (API.md 1.4 to 1.6).
/// A list's <c>limit</c> is described with its bounds. A new endpoint is documented without any attribute.
/// </summary>
public sealed partial class OperationDocs : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var shape = OperationShape.Of(context.OperationDescription);
        var written = string.Join(" ", new[] { operation.Summary, operation.Description }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(OneLine));
        operation.Summary = Words(operation.OperationId?.Split('_').Last() ?? context.MethodInfo?.Name ?? shape.Method);
        operation.Description = string.Join(" ", new[] { written, Promise(shape) }.Where(t => t.Length > 0));

        if (shape.ReturnsPage)
        {
            DescribePaging(operation);
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Query && string.IsNullOrWhiteSpace(p.Description)))
        {
            parameter.Description = QueryParameters.GetValueOrDefault(parameter.Name);
        }

        return true;
    }

    /// <summary>Query parameters several actions share, described once (an action's own <c>&lt;param&gt;</c> doc wins).</summary>
    private static readonly Dictionary<string, string> QueryParameters = new(StringComparer.Ordinal)
    {
        ["kind"] = "Only actions whose kind starts with this (e.g. note or link.updated).",
        ["includeEntityLabels"] = "true: also the display labels of the link's ends (a contact's full name, a company's name, a record's first text field).",
        ["reveal"] = "true: show restricted field values to a caller with Reveal on the domain; each such read is recorded on the timeline.",
    };

    /// <summary>What the contract's conventions promise for an operation of this shape.</summary>
    private static string Promise(OperationShape shape) => shape switch
    {
        { IsCreate: true } => "Answers 201 with the new resource, its Location and its ETag. Send an Idempotency-Key to make a retry safe: "
            + "the same request with the same key is answered from the stored response (Idempotent-Replayed: true).",
        { Method: "DELETE" } => "A soft delete: the resource then answers 404. Requires If-Match with the ETag you hold "
            + "(412 with the current ETag when it is stale, 428 without it).",
        { IsConditional: true } => "Requires a precondition: If-Match with the ETag you hold (412 with the current ETag when it is stale, "
            + "428 without it). A change that changes nothing moves no version.",
        { IsSingleRead: true } => "Answers the resource and its ETag; with If-None-Match naming the current ETag, 304 without a body.",
        { ReturnsPage: true } => $"Answers one page of at most limit items (default {PageRequest.DefaultLimit}) in a stable order; "
            + "pass nextCursor as cursor to read the next page, until nextCursor is null.",
        _ => string.Empty,
    };

    private static void DescribePaging(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Query))
        {
            var schema = parameter.Schema ?? parameter;
            if (parameter.Name == "limit")
            {
                schema.Minimum = 1;
                schema.Maximum = PageRequest.MaxLimit;
                schema.Default = PageRequest.DefaultLimit;
                parameter.Description = $"Items per page, 1 to {PageRequest.MaxLimit} (default {PageRequest.DefaultLimit}).";
            }
            else if (parameter.Name == "cursor")
            {
                parameter.Description = "The nextCursor of the previous page; omit it for the first page.";
            }
        }
    }

    private static string OneLine(string text) => WhiteSpace().Replace(text.Trim(), " ");

    /// <summary>"ListContactActions" -> "List contact actions".</summary>
    private static string Words(string name)
    {
        var words = new StringBuilder();
        foreach (var (c, i) in name.Select((c, i) => (c, i)))
        {
            words.Append(i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString());
        }

        return words.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
