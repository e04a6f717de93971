using Itk3.Mesh.Models;

namespace Itk3.Mesh;

/// <summary>
/// The MESH API for one mailbox (MESH.md §5; v2, or v1 when the options ask for it). Failures from the server throw <see cref="Errors.MeshApiException"/>
/// carrying the HTTP status and MESH error code; transport failures throw <see cref="HttpRequestException"/>.
/// </summary>
public interface IMeshClient
{
    /// <summary>Validates the mailbox (handshake); do it at start-up and at least once every 24 hours.</summary>
    Task HandshakeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends <paramref name="content"/> from its current position to the end, split into chunks (each gzipped on its own
    /// when asked) without holding the whole message in memory. The first POST is never retried; chunks 2..N are.
    /// </summary>
    Task<MeshSendResult> SendAsync(MeshSendRequest request, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Lists the first page of message IDs waiting in the inbox, oldest first.</summary>
    Task<InboxPage> ListInboxAsync(InboxQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Follows a page's <see cref="InboxPage.NextLink"/> (a path on the same server and mailbox).</summary>
    Task<InboxPage> ListInboxNextAsync(string nextLink, CancellationToken cancellationToken = default);

    /// <summary>Reads a message's metadata without its body (HEAD).</summary>
    Task<MeshMessageMetadata> GetMetadataAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a message: metadata from chunk 1, and a stream that reads chunk 1 then fetches chunks 2..N lazily,
    /// gunzipping each one separately. Dispose the result.
    /// </summary>
    Task<MeshDownload> DownloadAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens chunk <paramref name="chunkNumber"/> (1..N) of a message alone: its metadata (<c>mex-Chunk-Range</c> n:N) and
    /// its content, gunzipped. Dispose the result.
    /// </summary>
    Task<MeshDownload> DownloadChunkAsync(string messageId, int chunkNumber, CancellationToken cancellationToken = default);

    /// <summary>Acknowledges a downloaded message, removing it from the inbox; repeating it is harmless.</summary>
    Task AcknowledgeAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Tracks a message this mailbox sent.</summary>
    Task<TrackingInfo> TrackAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tracks a sent message by its <c>mex-LocalID</c> (deprecated by MESH): use it only to reconcile a send whose
    /// response was lost before sending again. 404 when none matches, 300 when several do.
    /// </summary>
    Task<TrackingInfo> TrackByLocalIdAsync(string localId, CancellationToken cancellationToken = default);

    /// <summary>Finds the mailboxes an organisation (ODS code) has registered for a workflow.</summary>
    Task<EndpointLookupResult> LookupEndpointAsync(string odsCode, string workflowId, CancellationToken cancellationToken = default);

    /// <summary>Finds the mailboxes that receive a workflow.</summary>
    Task<EndpointLookupResult> SearchWorkflowAsync(string workflowId, CancellationToken cancellationToken = default);
}
