namespace Itk3.Mesh.Errors;

/// <summary>A MESH error as parsed from a response body; empty strings where the body said nothing.</summary>
public sealed record MeshError(string Code, string Event, string Description, string? MessageId)
{
    /// <summary>The error of a body that carried no MESH error information.</summary>
    public static MeshError Empty { get; } = new(string.Empty, string.Empty, string.Empty, null);
}
