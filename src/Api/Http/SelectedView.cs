using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Linkage.Api.Http;

/// <summary>Shapes a response to a <c>$select</c> (API.md 2.1); the names were checked by the Application.</summary>
public static class SelectedView
{
    /// <summary>The view itself when everything is selected, else its JSON with only the selected properties (and id, version, etag).</summary>
    public static object Shape(this FieldSelection selection, object view, HttpContext context)
    {
        if (selection.IsAll)
        {
            return view;
        }

        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions;
        // Default node options compare names case-sensitively: custom fields "Tier" and "tier" stay two members.
        var shaped = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(view, view.GetType(), json))!.AsObject();
        foreach (var name in shaped.Select(p => p.Key).Where(n => !selection.Includes(n)).ToList())
        {
            shaped.Remove(name);
        }

        return shaped;
    }
}
