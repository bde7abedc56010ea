using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>Applies operations one by one to a document the caller owns; every failure is a <see cref="JsonPatchException"/>.</summary>
internal sealed class JsonPatchApplier
{
    private readonly JsonPatchLocator _locator;

    public JsonPatchApplier(JsonNode? root) => _locator = new JsonPatchLocator(root);

    public JsonNode? Root => _locator.Root;

    public void Apply(JsonPatchOperation operation, int index)
    {
        _locator.Reset(index, operation.ToString());
        var path = operation.Path ?? throw _locator.Invalid("The operation has no 'path'.");
        switch (operation.Op)
        {
            case JsonPatchOperationType.Add:
                Add(path, RequireValue(operation, index));
                break;
            case JsonPatchOperationType.Remove:
                Remove(path, "path");
                break;
            case JsonPatchOperationType.Replace:
                Replace(path, RequireValue(operation, index));
                break;
            case JsonPatchOperationType.Move:
                Move(RequireFrom(operation), path);
                break;
            case JsonPatchOperationType.Copy:
                var source = _locator.Resolve(RequireFrom(operation), "from");
                Add(path, JsonNodeCloner.Clone(source, "value at 'from'", index));
                break;
            case JsonPatchOperationType.Test:
                Test(path, RequireValue(operation, index), operation, index);
                break;
            default:
                throw _locator.Invalid("The operation type is not supported.");
        }
    }

    private void Add(JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            _locator.Root = value;
            return;
        }

        var (parent, token) = _locator.ResolveParent(path, "path");
        if (parent is JsonObject obj)
        {
            obj[token] = value;
            return;
        }

        var array = (JsonArray)parent;
        if (token == "-")
        {
            array.Add(value);
            return;
        }

        // Unlike the other operations, add accepts index == Count, which appends.
        var index = _locator.RequireIndex(token, "path");
        if (index > array.Count)
        {
            throw _locator.Invalid(
                $"Index {index} in \"{path}\" is out of bounds: the array has {array.Count} elements, so add accepts at most {array.Count}.");
        }

        array.Insert(index, value);
    }

    private JsonNode? Remove(JsonPointer path, string role)
    {
        if (path.IsRoot)
        {
            // RFC 6902 leaves this undefined; the result would be "no document", which no resource can store.
            throw _locator.Invalid("The whole document cannot be removed.");
        }

        var (parent, token) = _locator.ResolveParent(path, role);
        if (parent is JsonObject obj)
        {
            if (!obj.TryGetPropertyValue(token, out var removed))
            {
                throw _locator.Invalid($"The {role} \"{path}\" does not exist: the object has no member '{token}'.");
            }

            obj.Remove(token);
            return removed;
        }

        var array = (JsonArray)parent;
        var index = _locator.RequireExistingIndex(array, token, path, role);
        var element = array[index];
        array.RemoveAt(index);
        return element;
    }

    private void Replace(JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            _locator.Root = value;
            return;
        }

        var (parent, token) = _locator.ResolveParent(path, "path");
        if (parent is JsonObject obj)
        {
            if (!obj.ContainsKey(token))
            {
                throw _locator.Invalid($"The path \"{path}\" does not exist: the object has no member '{token}'.");
            }

            obj[token] = value;
            return;
        }

        var array = (JsonArray)parent;
        array[_locator.RequireExistingIndex(array, token, path, "path")] = value;
    }

    private void Move(JsonPointer from, JsonPointer path)
    {
        if (from.Equals(path))
        {
            // A no-op, but RFC 6902 still requires the source to exist.
            _locator.Resolve(from, "from");
            return;
        }

        if (from.IsProperPrefixOf(path))
        {
            throw _locator.Invalid($"Cannot move \"{from}\" into its own child \"{path}\".");
        }

        Add(path, Remove(from, "from"));
    }

    private void Test(JsonPointer path, JsonNode? expected, JsonPatchOperation operation, int index)
    {
        var actual = _locator.Resolve(path, "path");
        if (!JsonNodeEquality.DeepEquals(actual, expected))
        {
            throw new PatchTestFailedException(
                $"The value at \"{path}\" is not equal to the expected value.", index, operation.ToString());
        }
    }

    private JsonNode? RequireValue(JsonPatchOperation operation, int index)
    {
        if (!operation.HasValue && operation.Value is null)
        {
            throw _locator.Invalid($"The '{operation.Name}' operation requires a 'value'.");
        }

        // A fresh copy per use: the operation may be applied to many documents, and a node can have only one parent.
        return JsonNodeCloner.Clone(operation.Value, "'value' member", index);
    }

    private JsonPointer RequireFrom(JsonPatchOperation operation) =>
        operation.From ?? throw _locator.Invalid($"The '{operation.Name}' operation requires a 'from' location.");
}
