using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Linkage.Api.Http;

/// <summary>
/// Names the actions a controller inherits from a generic base (<see cref="ResourceController{TView,TCreate}"/>,
/// <see cref="DefinitionController{TView,TDefine}"/>) after its resource, the view's name without
/// <c>View</c>: on <c>ContactsController</c>, <c>GetResource</c> is <c>GetContact</c> and <c>ListResources</c> is
/// <c>ListContacts</c>. The OpenAPI operation ids, and so the client's method names, come from these names.
/// </summary>
public sealed class ResourceActionNames : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (ResourceNameOf(controller.ControllerType) is not { } resource)
        {
            return;
        }

        foreach (var action in controller.Actions)
        {
            action.ActionName = action.ActionName
                .Replace("Resources", controller.ControllerName, StringComparison.Ordinal)
                .Replace("Resource", resource, StringComparison.Ordinal)
                .Replace("Definitions", controller.ControllerName, StringComparison.Ordinal)
                .Replace("Definition", resource, StringComparison.Ordinal);
        }
    }

    private static readonly Type[] GenericBases = [typeof(ResourceController<,>), typeof(DefinitionController<,>)];

    /// <summary>The resource's name: its view's, without <c>View</c> (<c>ContactView</c>: <c>Contact</c>).</summary>
    private static string? ResourceNameOf(Type controller)
    {
        for (var type = controller.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && GenericBases.Contains(type.GetGenericTypeDefinition()))
            {
                var view = type.GetGenericArguments()[0].Name;
                return view.EndsWith("View", StringComparison.Ordinal) ? view[..^4] : view;
            }
        }

        return null;
    }
}
