namespace Itk3.Mesh.Models;

/// <summary>
/// Inbox listing parameters (MESH.md §10): <paramref name="MaxResults"/> between 10 and 5000 (server default 500) and a
/// <paramref name="WorkflowFilter"/> such as <c>WF</c>, <c>!WF</c>, <c>WF*</c>, <c>*X*</c> (2 to 255 characters).
/// </summary>
public sealed record InboxQuery(int? MaxResults = null, string? WorkflowFilter = null)
{
    /// <summary>Smallest page size the API accepts.</summary>
    public const int MinPageSize = 10;

    /// <summary>Largest page size the API accepts.</summary>
    public const int MaxPageSize = 5000;
}
