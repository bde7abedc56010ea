using Microsoft.AspNetCore.Mvc.Controllers;
using Linkage.Application.Records.ListRecords;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>Marks a list whose other query parameters are field values to match (<c>GET /records/{domain}?policyNumber=POL-1</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FieldEqualityQueryAttribute : Attribute;

/// <summary>
/// Describes the field values of a <see cref="FieldEqualityQueryAttribute"/> list as <c>$where</c>, a repeatable query
/// parameter of <c>field=value</c> strings (<see cref="RecordFilter"/>). API.md 5.1's own form, <c>?policyNumber=POL-1</c>,
/// is an exploded free-form object in OpenAPI, which NSwag's TypeScript templates send as <c>fields=[object Object]</c>;
/// an array of strings every generator sends right (ADR 0020). The API takes both; the description names the other.
/// </summary>
public sealed class FieldEqualityParameters : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is AspNetCoreOperationProcessorContext { ApiDescription.ActionDescriptor: ControllerActionDescriptor action }
            && action.MethodInfo.GetCustomAttributes(typeof(FieldEqualityQueryAttribute), inherit: true).Length > 0)
        {
            context.OperationDescription.Operation.Parameters.Add(new OpenApiParameter
            {
                Name = RecordFilter.Where,
                Kind = OpenApiParameterKind.Query,
                Style = OpenApiParameterStyle.Form,
                Explode = true,
                IsRequired = false,
                Description = "Field values the records must equal, each as field=value, one $where per field (text and number fields): "
                    + "$where=policyNumber=POL-1&$where=amount=100. The same filter can be written ?policyNumber=POL-1&amount=100 (API.md 5.1).",
                Schema = new JsonSchema
                {
                    Type = JsonObjectType.Array,
                    MaxItems = ListRecordsValidator.MaxFields,
                    Item = new JsonSchema { Type = JsonObjectType.String, Pattern = "^[A-Za-z][A-Za-z0-9_]{0,63}=" },
                },
            });
        }

        return true;
    }
}
