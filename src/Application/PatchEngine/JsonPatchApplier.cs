using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>
/// Applies operations one by one to a document the caller owns; every failure is a <see cref="JsonPatchException"/>.
/// With bounds, each operation is checked against them before it changes anything (<see cref="DocumentBudget"/>).
/// </summary>
internal sealed class JsonPatchApplier
{
    private readonly JsonPatchLocator _locator;
    private readonly DocumentBudget? _budget;

    public JsonPatchApplier(JsonNode? root, JsonPatchBounds? bounds = null)
    {
        _locator = new JsonPatchLocator(root);
        _budget = bounds is null ? null : new DocumentBudget(bounds, root);
    }

    public JsonNode? Root => _locator.Root;

    public void Apply(JsonPatchOperation operation, int index)
    {
        _locator.Reset(index, operation.ToString());
        var path = operation.Path ?? throw _locator.Invalid("The operation has no 'path'.");
        switch (operation.Op)
        {
            case JsonPatchOperationType.Add:
                Add(path, RequireValue(operation, index), copyOf: false, index);
                break;
            case JsonPatchOperationType.Remove:
                Remove(path, "path");
                break;
            case JsonPatchOperationType.Replace:
                Replace(path, RequireValue(operation, index));
                break;
            case JsonPatchOperationType.Move:
                Move(RequireFrom(operation), path, index);
                break;
            case JsonPatchOperationType.Copy:
                // The copy is made only once the budget has room for it: measuring the source costs no more than the room.
                Add(path, _locator.Resolve(RequireFrom(operation), "from"), copyOf: true, index);
                break;
            case JsonPatchOperationType.Test:
                Test(path, RequireValue(operation, index), operation, index);
                break;
            default:
                throw _locator.Invalid("The operation type is not supported.");
        }
    }

    /// <summary>Adds <paramref name="value"/>, or a copy of it when <paramref name="copyOf"/>, at <paramref name="path"/>.</summary>
    private void Add(JsonPointer path, JsonNode? value, bool copyOf, int operationIndex)
    {
        if (path.IsRoot)
        {
            _budget?.Adding(path, value, _locator.Root, isNew: false, intoArray: false, _locator.Invalid);
            _locator.Root = Owned(value, copyOf, operationIndex);
            return;
        }

        var (parent, token) = _locator.ResolveParent(path, "path");
        if (parent is JsonObject obj)
        {
            var exists = obj.TryGetPropertyValue(token, out var replaced);
            _budget?.Adding(path, value, replaced, isNew: !exists, intoArray: false, _locator.Invalid);
            obj[token] = Owned(value, copyOf, operationIndex);
            return;
        }

        var array = (JsonArray)parent;
        var index = array.Count;
        if (token != "-")
        {
            // Unlike the other operations, add accepts index == Count, which appends.
            index = _locator.RequireIndex(token, "path");
            if (index > array.Count)
            {
                throw _locator.Invalid(
                    $"Index {index} in \"{path}\" is out of bounds: the array has {array.Count} elements, so add accepts at most {array.Count}.");
            }
        }

        _budget?.Adding(path, value, replaced: null, isNew: true, intoArray: true, _locator.Invalid);
        array.Insert(index, Owned(value, copyOf, operationIndex));
    }

    private static JsonNode? Owned(JsonNode? value, bool copyOf, int operationIndex) =>
        copyOf ? JsonNodeCloner.Clone(value, "value at 'from'", operationIndex) : value;

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
            _budget?.Removed(removed, token, fromArray: false);
            return removed;
        }

        var array = (JsonArray)parent;
        var index = _locator.RequireExistingIndex(array, token, path, role);
        var element = array[index];
        array.RemoveAt(index);
        _budget?.Removed(element, token, fromArray: true);
        return element;
    }

    private void Replace(JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            _budget?.Adding(path, value, _locator.Root, isNew: false, intoArray: false, _locator.Invalid);
            _locator.Root = value;
            return;
        }

        var (parent, token) = _locator.ResolveParent(path, "path");
        if (parent is JsonObject obj)
        {
            if (!obj.TryGetPropertyValue(token, out var replaced))
            {
                throw _locator.Invalid($"The path \"{path}\" does not exist: the object has no member '{token}'.");
            }

            _budget?.Adding(path, value, replaced, isNew: false, intoArray: false, _locator.Invalid);
            obj[token] = value;
            return;
        }

        var array = (JsonArray)parent;
        var index = _locator.RequireExistingIndex(array, token, path, "path");
        _budget?.Adding(path, value, array[index], isNew: false, intoArray: true, _locator.Invalid);
        array[index] = value;
    }

    private void Move(JsonPointer from, JsonPointer path, int index)
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

        Add(path, Remove(from, "from"), copyOf: false, index);
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
