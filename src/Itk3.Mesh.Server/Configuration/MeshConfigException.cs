namespace Itk3.Mesh.Server.Configuration;

/// <summary>The server configuration is invalid; <see cref="Field"/> names the offending field (a JSON path).</summary>
public sealed class MeshConfigException : Exception
{
    /// <summary>Creates the exception for a field.</summary>
    public MeshConfigException(string field, string message, Exception? inner = null)
        : base($"MESH server config: {field}: {message}", inner)
    {
        Field = field;
    }

    /// <summary>The JSON path of the field at fault, e.g. <c>mailboxes[1].password</c>.</summary>
    public string Field { get; }
}
