namespace Itk3.Mesh.Server.Storage;

/// <summary>Where a message is in its life on the server.</summary>
internal enum MessageStatus
{
    /// <summary>Chunks are still missing; invisible to the recipient.</summary>
    Uploading,

    /// <summary>Complete and waiting in the recipient's inbox.</summary>
    Accepted,

    /// <summary>The recipient acknowledged it; it left the inbox.</summary>
    Acknowledged,

    /// <summary>Not collected in time (code 14); the sender got a REPORT.</summary>
    Undeliverable,

    /// <summary>Could not be routed (GPPROVIDER, EPL-15x); the sender got a REPORT.</summary>
    Error,
}
