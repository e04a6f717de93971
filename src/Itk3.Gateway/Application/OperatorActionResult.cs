namespace Itk3.Gateway.Application;

/// <summary>What an operator action did.</summary>
public enum OperatorActionResult
{
    /// <summary>Done and recorded.</summary>
    Done,

    /// <summary>No item with that id.</summary>
    NotFound,

    /// <summary>The item is not in a state the action applies to (sent, delivered, resolved, or claimed right now).</summary>
    Conflict,
}
