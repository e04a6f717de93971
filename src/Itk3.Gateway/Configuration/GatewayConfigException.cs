namespace Itk3.Gateway.Configuration;

/// <summary>The configuration is invalid; <see cref="Errors"/> lists every field at fault (JSON path and what is wrong), <see cref="Field"/> the first.</summary>
public sealed class GatewayConfigException : Exception
{
    /// <summary>Creates the exception for one field.</summary>
    public GatewayConfigException(string field, string message, Exception? inner = null)
        : this([new GatewayConfigError(field, message)], inner)
    {
    }

    /// <summary>Creates the exception for several fields (at least one).</summary>
    public GatewayConfigException(IReadOnlyList<GatewayConfigError> errors, Exception? inner = null)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())), inner)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        Errors = errors;
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

    /// <summary>Every error found, in document order.</summary>
    public IReadOnlyList<GatewayConfigError> Errors { get; }

    /// <summary>The JSON path of the first field at fault (for example <c>$.flows[0].workflowId</c>).</summary>
    public string Field => Errors[0].Field;
}
