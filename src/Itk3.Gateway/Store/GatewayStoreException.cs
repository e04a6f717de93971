namespace Itk3.Gateway.Store;

/// <summary>An infrastructure failure of the store, with a stable code; caught at the pump or dispatcher boundary.</summary>
public sealed class GatewayStoreException : Exception
{
    /// <summary>Creates the exception with its code and a message for the operator.</summary>
    public GatewayStoreException(GatewayStoreError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>The stable code.</summary>
    public GatewayStoreError Error { get; }
}
