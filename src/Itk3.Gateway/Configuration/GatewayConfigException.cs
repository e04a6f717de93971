namespace Itk3.Gateway.Configuration;

/// <summary>The configuration is invalid; <see cref="Field"/> names the JSON field at fault.</summary>
public sealed class GatewayConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayConfigException(string field, string message, Exception? inner = null)
        : base($"{field}: {message}", inner)
    {
        Field = field;
    }

    /// <summary>Creates the exception.</summary>
    public GatewayConfigException()
        : this("$", "invalid configuration")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GatewayConfigException(string message)
        : this("$", message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public GatewayConfigException(string message, Exception innerException)
        : this("$", message, innerException)
    {
    }

    /// <summary>The JSON path of the field at fault (for example <c>$.flows[0].workflowId</c>).</summary>
    public string Field { get; }
}
