namespace Itk3.Gateway.Transactions;

/// <summary>Which key finds a transaction when correlating a response or a MESH report.</summary>
public enum TransactionLookup
{
    /// <summary>The MessageHeader id of the sent message (a response's response.identifier).</summary>
    MessageHeaderId,

    /// <summary>The sent Bundle's identifier.</summary>
    BundleIdentifier,

    /// <summary>The MESH message id of the send (a MESH report's linked message id).</summary>
    MeshMessageId,

    /// <summary>The MESH local id of the send.</summary>
    LocalId,
}
