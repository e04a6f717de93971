namespace Itk3.Mesh.Models;

/// <summary>The kind of an inbox message (<c>mex-MessageType</c>).</summary>
public enum MeshMessageType
{
    /// <summary>A normal message carrying a payload.</summary>
    Data,

    /// <summary>An asynchronous error report about a message this mailbox sent (empty body).</summary>
    Report,

    /// <summary>A value this client does not recognise (the raw value stays in the header dictionary).</summary>
    Unknown,
}
