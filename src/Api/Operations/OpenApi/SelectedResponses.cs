using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// An operation that takes <c>$select</c> answers 200 with only the selected properties (API.md 2.1), so its 200 is
/// described by the view's selection (<see cref="ResourceSchemas.Selection"/>) rather than the view with all its required
/// properties, which a <c>$select</c> answer would break.
/// </summary>
public sealed class SelectedResponses : IOperationProcessor
{
    public const string SelectParameter = "$select";

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        if (!operation.Parameters.Any(p => p.Name == SelectParameter) || !operation.Responses.TryGetValue("200", out var ok))
        {
            return true;
        }

        var select = operation.Parameters.First(p => p.Name == SelectParameter);
        select.Description = "Property names, comma-separated, in any case: the answer holds only those and id, version and etag. "
            + "An unknown name is 400 UnknownField.";
        foreach (var content in ok.Content.Values)
        {
            if (ResourceSchemas.ComponentName(context.Document, content.Schema) is { } view && !view.EndsWith(ResourceSchemas.SelectionSuffix, StringComparison.Ordinal))
            {
                content.Schema = new JsonSchema { Reference = ResourceSchemas.Selection(context.Document, view) };
            }
        }

        return true;
    }
}
