using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using Itk3.Mesh;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Models;

namespace Itk3.Gateway.Transport.Mesh;

/// <summary><see cref="IMessageTransport"/> over a MESH mailbox (<see cref="IMeshClient"/>); MESH failures become <see cref="TransportException"/>.</summary>
public sealed class MeshMessageTransport : IMessageTransport
{
    private readonly IMeshClient _client;
    private readonly long _maxMessageBytes;

    /// <summary>Creates the transport for <paramref name="mailbox"/>; downloads larger than <paramref name="maxMessageBytes"/> are refused.</summary>
    public MeshMessageTransport(IMeshClient client, string mailbox, long maxMessageBytes = 100L * 1024 * 1024)
    {
        _client = client;
        Mailbox = mailbox.Trim().ToUpperInvariant();
        _maxMessageBytes = maxMessageBytes;
    }

    /// <inheritdoc />
    public string Mailbox { get; }

    /// <summary>Where <see cref="ReceiveSpooledAsync"/> keeps large bodies (owner-only files deleted on dispose); the system temporary folder when null.</summary>
    public string? SpoolDirectory { get; init; }

    /// <summary>Bodies up to this many bytes stay in memory; larger ones go to a spool file.</summary>
    public int SpoolThreshold { get; init; } = 1024 * 1024;

    /// <inheritdoc />
    public Task<string> SendAsync(OutgoingEnvelope envelope, CancellationToken cancellationToken) => Guard(async () =>
    {
        var request = new MeshSendRequest(envelope.To, envelope.WorkflowId)
        {
            LocalId = envelope.LocalId,
            Subject = envelope.Subject,
            ContentType = envelope.ContentType,
        };
        using var held = envelope.ContentStream is null ? ContentOf(envelope.Content) : null;
        var result = await _client.SendAsync(request, envelope.ContentStream ?? held!, cancellationToken).ConfigureAwait(false);
        return result.MessageId;
    });

    private static MemoryStream ContentOf(ReadOnlyMemory<byte> content) => MemoryMarshal.TryGetArray(content, out var segment)
        ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
        : new MemoryStream(content.ToArray(), writable: false);

    /// <inheritdoc />
    public Task<string?> FindSentAsync(string localId, CancellationToken cancellationToken) => Guard(async () =>
    {
        try
        {
            // An upload MESH never completed is not a send: it is sent again.
            var info = await _client.TrackByLocalIdAsync(localId, cancellationToken).ConfigureAwait(false);
            return info.Status == "uploading" ? null : (string?)info.MessageId;
        }
        catch (MeshApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    });

    /// <inheritdoc />
    public Task<InboxListing> ListAsync(int maxItems, CancellationToken cancellationToken) => Guard(async () =>
    {
        var size = Math.Clamp(maxItems, InboxQuery.MinPageSize, InboxQuery.MaxPageSize);
        var page = await _client.ListInboxAsync(new InboxQuery(size), cancellationToken).ConfigureAwait(false);
        return new InboxListing(page.MessageIds, page.HasMore || page.MessageIds.Count >= size);
    });

    /// <inheritdoc />
    public async Task<IncomingEnvelope> ReceiveAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var received = await DownloadAsync(messageId, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return await received.LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<SpooledEnvelope> ReceiveSpooledAsync(string messageId, CancellationToken cancellationToken) =>
        DownloadAsync(messageId, SpoolThreshold, cancellationToken);

    private Task<SpooledEnvelope> DownloadAsync(string messageId, int spoolThreshold, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var download = await _client.DownloadAsync(messageId, cancellationToken).ConfigureAwait(false);
        var memory = new MemoryStream();
        FileStream? file = null;
        try
        {
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = await download.Content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > _maxMessageBytes)
                {
                    throw new TransportException("too-large", $"The message exceeds {_maxMessageBytes} bytes.", isTransient: false);
                }

                if (file is null && total > spoolThreshold)
                {
                    file = SpoolFiles.Create(SpoolDirectory);
                    memory.Position = 0;
                    await memory.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                    memory = new MemoryStream();
                }

                await (file ?? (Stream)memory).WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            if (file is null)
            {
                return SpooledEnvelope.InMemory(ToEnvelope(download.Metadata, memory.ToArray()));
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            var spooled = SpooledEnvelope.InFile(ToEnvelope(download.Metadata, []), file);
            file = null;
            return spooled;
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }
    });

    /// <inheritdoc />
    public Task CompleteAsync(string messageId, CancellationToken cancellationToken) => Guard(async () =>
    {
        await _client.AcknowledgeAsync(messageId, cancellationToken).ConfigureAwait(false);
        return true;
    });

    /// <inheritdoc />
    public Task<string?> LookupMailboxAsync(string odsCode, string workflowId, CancellationToken cancellationToken) => Guard(async () =>
    {
        var result = await _client.LookupEndpointAsync(odsCode, workflowId, cancellationToken).ConfigureAwait(false);
        return result.Found ? result.Results[0].MailboxId : null;
    });

    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await _client.HandshakeAsync(cancellationToken).ConfigureAwait(false);
        return true;
    });

    private static IncomingEnvelope ToEnvelope(MeshMessageMetadata m, byte[] bytes) =>
        new(m.MessageId, m.IsReport, m.From ?? string.Empty, m.To ?? string.Empty, m.WorkflowId, bytes)
        {
            LocalId = m.LocalId,
            Subject = m.Subject,
            FileName = m.FileName,
            LinkedMessageId = m.LinkedMessageId,
            StatusCode = m.StatusCode,
            StatusDescription = m.StatusDescription,
            StatusSuccess = m.StatusSuccess,
        };

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (MeshApiException e)
        {
            throw new TransportException(e.ErrorCode, $"MESH {(int)e.StatusCode} {e.ErrorCode}: {e.ErrorDescription}", e.IsTransient, e)
            {
                IsGone = e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone,
            };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or MeshSendIncompleteException
                                  || (e is TaskCanceledException && e.InnerException is TimeoutException))
        {
            throw new TransportException("unavailable", $"MESH unreachable: {e.GetType().Name}", isTransient: true, e);
        }
    }
}
