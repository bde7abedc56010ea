using Microsoft.AspNetCore.Mvc.Controllers;
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
/// Describes the field values of a <see cref="FieldEqualityQueryAttribute"/> list as one free-form query object
/// (<c>style: form, explode: true</c>): each of its members is a query parameter, named after the field.
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
                Name = "fields",
                Kind = OpenApiParameterKind.Query,
                Style = OpenApiParameterStyle.Form,
                Explode = true,
                IsRequired = false,
                Description = "Field values the records must equal, one query parameter per field (text and number fields): ?policyNumber=POL-1.",
                Schema = new JsonSchema { Type = JsonObjectType.Object, AdditionalPropertiesSchema = new JsonSchema { Type = JsonObjectType.String } },
            });
        }

        return true;
    }
}
