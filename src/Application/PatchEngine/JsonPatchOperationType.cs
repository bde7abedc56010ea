namespace Linkage.Application.PatchEngine;

/// <summary>The six RFC 6902 operations.</summary>
public enum JsonPatchOperationType
{
    /// <summary>Insert a value, or replace an existing object member.</summary>
    Add,

    /// <summary>Remove the value at the target location.</summary>
    Remove,

    /// <summary>Replace the value at an existing target location.</summary>
    Replace,

    /// <summary>Remove the value at <c>from</c> and add it at <c>path</c>.</summary>
    Move,

    /// <summary>Add a copy of the value at <c>from</c> at <c>path</c>.</summary>
    Copy,

    /// <summary>Assert that the value at <c>path</c> equals <c>value</c>.</summary>
    Test,
}
