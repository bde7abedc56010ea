using Microsoft.AspNetCore.Mvc.Controllers;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// operationId = <c>{Controller}_{Action}</c> for every controller action (e.g. <c>Contacts_CreateContact</c>),
/// which the TypeScript generator turns into <c>ContactsClient.createContact</c>. Action names are
/// therefore written as verb + resource and are unique within their controller.
/// </summary>
public sealed class OperationNaming : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is AspNetCoreOperationProcessorContext { ApiDescription.ActionDescriptor: ControllerActionDescriptor action })
        {
            var name = action.ActionName.EndsWith("Async", StringComparison.Ordinal) ? action.ActionName[..^5] : action.ActionName;
            context.OperationDescription.Operation.OperationId = $"{action.ControllerName}_{name}";
        }

        return true;
    }
}
