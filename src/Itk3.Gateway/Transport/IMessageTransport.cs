namespace Itk3.Gateway.Transport;

/// <summary>Moves envelopes between mailboxes (MESH in production); the gateway never talks to MESH except through it.</summary>
public interface IMessageTransport
{
    /// <summary>This node's mailbox.</summary>
    string Mailbox { get; }

    /// <summary>Sends an envelope; returns the transport's message id. Throws <see cref="TransportException"/> (transient or not).</summary>
    Task<string> SendAsync(OutgoingEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>The transport's message id of an earlier send with this local id, or null when it never arrived (reconciles a send whose answer was lost).</summary>
    Task<string?> FindSentAsync(string localId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxItems"/> waiting message ids, oldest first.</summary>
    Task<InboxListing> ListAsync(int maxItems, CancellationToken cancellationToken);

    /// <summary>Downloads one message (headers and all its bytes).</summary>
    Task<IncomingEnvelope> ReceiveAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Downloads one message, keeping a large body out of memory (in a temporary file) until it is loaded; by default the whole body is read into memory.</summary>
    async Task<SpooledEnvelope> ReceiveSpooledAsync(string messageId, CancellationToken cancellationToken) =>
        SpooledEnvelope.InMemory(await ReceiveAsync(messageId, cancellationToken).ConfigureAwait(false));

    /// <summary>Acknowledges a message: the transport stops offering it. Call only after it is durably stored.</summary>
    Task CompleteAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>The mailbox registered for an ODS code on a workflow, or null when none.</summary>
    Task<string?> LookupMailboxAsync(string odsCode, string workflowId, CancellationToken cancellationToken);

    /// <summary>Checks the transport answers (a handshake).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
