using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Linkage.Api.Http;

/// <summary>
/// Names the actions a controller inherits from <see cref="ResourceController{TAggregate,TView,TCreate}"/> after its
/// resource: on <c>ContactsController</c>, <c>GetResource</c> is <c>GetContact</c> and <c>ListResources</c> is
/// <c>ListContacts</c>. The OpenAPI operation ids, and so the client's method names, come from these names.
/// </summary>
public sealed class ResourceActionNames : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (ResourceOf(controller.ControllerType) is not { } aggregate)
        {
            return;
        }

        foreach (var action in controller.Actions)
        {
            action.ActionName = action.ActionName
                .Replace("Resources", controller.ControllerName, StringComparison.Ordinal)
                .Replace("Resource", aggregate.Name, StringComparison.Ordinal);
        }
    }

    private static Type? ResourceOf(Type controller)
    {
        for (var type = controller.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ResourceController<,,>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
