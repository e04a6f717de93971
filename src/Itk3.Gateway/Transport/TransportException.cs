namespace Itk3.Gateway.Transport;

/// <summary>A transport call failed; <see cref="IsTransient"/> says whether retrying later can help.</summary>
public sealed class TransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TransportException(string code, string message, bool isTransient, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        IsTransient = isTransient;
    }

    /// <summary>Creates a transient failure.</summary>
    public TransportException()
        : this("unavailable", "The transport failed.", true)
    {
    }

    /// <summary>Creates a transient failure with a message.</summary>
    public TransportException(string message)
        : this("unavailable", message, true)
    {
    }

    /// <summary>Creates a transient failure with a message and a cause.</summary>
    public TransportException(string message, Exception innerException)
        : this("unavailable", message, true, innerException)
    {
    }

    /// <summary>A stable code: the MESH error code, or <c>unavailable</c> when MESH could not be reached.</summary>
    public string Code { get; }

    /// <summary>Whether retrying later can help (MESH unavailable, timeouts, 429/5xx).</summary>
    public bool IsTransient { get; }

    /// <summary>Whether the transport says the message no longer exists (MESH 404/410): there is nothing left to download or acknowledge.</summary>
    public bool IsGone { get; init; }
}
