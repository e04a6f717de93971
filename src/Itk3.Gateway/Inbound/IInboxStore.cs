using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Inbound;

/// <summary>The inbox side of a unit of work: received MESH messages, deduplicated by MESH message id.</summary>
public interface IInboxStore
{
    /// <summary>Registers a received message with its raw bytes; false when the MESH message id is already registered (a MESH redelivery: process nothing).</summary>
    Task<bool> RegisterAsync(InboundMessage message, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The registered message with this MESH message id, or null.</summary>
    Task<InboundMessage?> GetAsync(string meshMessageId, CancellationToken cancellationToken);

    /// <summary>Replaces the mutable fields (state, ITK fields, detail, transaction, times) of a registered message; false when it is not registered.</summary>
    Task<bool> UpdateAsync(InboundMessage message, CancellationToken cancellationToken);

    /// <summary>Whether another registered message (not <paramref name="exceptMeshMessageId"/>) carries this ITK3 MessageHeader id (response code 20007).</summary>
    Task<bool> IsMessageHeaderIdKnownAsync(string messageHeaderId, string exceptMeshMessageId, CancellationToken cancellationToken);

    /// <summary>Whether another registered message (not <paramref name="exceptMeshMessageId"/>) carries this document id (response code 20008).</summary>
    Task<bool> IsDocumentIdKnownAsync(string documentId, string exceptMeshMessageId, CancellationToken cancellationToken);

    /// <summary>Remembers an accepted document for replacement checks (20014); a document id already remembered is kept as it was.</summary>
    Task RecordDocumentAsync(ReceivedDocument document, string meshMessageId, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>The accepted document with this document id or Composition.identifier (the newest), or null.</summary>
    Task<ReceivedDocument?> FindDocumentAsync(string documentIdOrIdentifier, CancellationToken cancellationToken);

    /// <summary>Records that the message was acknowledged to MESH; false when it is not registered.</summary>
    Task<bool> MarkAcknowledgedAsync(string meshMessageId, DateTimeOffset acknowledgedAt, CancellationToken cancellationToken);

    /// <summary>Records the MESH acknowledgement of several messages, changing their rows in id order (ordinal); returns how many were
    /// registered. A store may do it in one statement; by default one <see cref="MarkAcknowledgedAsync(string, DateTimeOffset, CancellationToken)"/> each.</summary>
    async Task<int> MarkAllAcknowledgedAsync(IReadOnlyCollection<string> meshMessageIds, DateTimeOffset acknowledgedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meshMessageIds);
        var marked = 0;
        foreach (var id in meshMessageIds.Order(StringComparer.Ordinal))
        {
            marked += await MarkAcknowledgedAsync(id, acknowledgedAt, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return marked;
    }

    /// <summary>Registered messages not yet acknowledged to MESH, oldest first (to acknowledge after a crash between commit and acknowledgement).</summary>
    Task<IReadOnlyList<InboundMessage>> ListUnacknowledgedAsync(int maxItems, CancellationToken cancellationToken);
}
