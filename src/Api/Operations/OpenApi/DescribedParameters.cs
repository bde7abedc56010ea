using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// The start-up check that every parameter of every operation is described in a sentence: generated clients turn the
/// description into the option's documentation, and an option documented by its own name (<c>/** reveal */</c>) tells a
/// front-end developer nothing. A new parameter without one fails every test until it gets a <c>&lt;param&gt;</c> doc
/// (or a line in <see cref="OperationDocs"/>, for a query parameter several actions share).
/// </summary>
public sealed class DescribedParameters : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var undescribed = context.Document.Operations
            .SelectMany(o => o.Operation.Parameters.Where(p => p.Kind != NSwag.OpenApiParameterKind.Body)
                .Select(p => (Operation: o.Operation.OperationId, Parameter: p)))
            .Where(x => !IsSentence(x.Parameter.Description, x.Parameter.Name))
            .Select(x => $"{x.Parameter.Name} of {x.Operation}")
            .ToList();
        if (undescribed.Count > 0)
        {
            throw new InvalidOperationException($"Describe these parameters in a sentence: {string.Join(", ", undescribed.Distinct().Take(10))}.");
        }
    }

    /// <summary>Several words ending in a full stop, more than the parameter's name.</summary>
    public static bool IsSentence(string? text, string name) =>
        text is { Length: > 0 } && text.TrimEnd().EndsWith('.') && text.Trim().Contains(' ', StringComparison.Ordinal)
        && !string.Equals(text.Trim().TrimEnd('.'), name, StringComparison.OrdinalIgnoreCase);
}
