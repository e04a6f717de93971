namespace Itk3.Gateway.Transport;

/// <summary>A downloaded message whose bytes are not yet in memory when large: they wait in an owner-only temporary file
/// (deleted on dispose) until <see cref="LoadAsync"/>, so a node can download many messages and hold only a budget's worth.</summary>
public sealed class SpooledEnvelope : IAsyncDisposable
{
    private readonly IncomingEnvelope _envelope;
    private readonly FileStream? _file;

    private SpooledEnvelope(IncomingEnvelope envelope, FileStream? file, long length)
    {
        _envelope = envelope;
        _file = file;
        Length = length;
    }

    /// <summary>The transport's message id.</summary>
    public string MessageId => _envelope.MessageId;

    /// <summary>The body's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Whether the body waits in a file rather than in memory.</summary>
    public bool IsSpooled => _file is not null;

    /// <summary>An envelope whose bytes are already in memory.</summary>
    public static SpooledEnvelope InMemory(IncomingEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new(envelope, null, envelope.Content.Length);
    }

    /// <summary>An envelope whose bytes are in <paramref name="file"/> (positioned anywhere; it is owned and deleted on dispose).</summary>
    public static SpooledEnvelope InFile(IncomingEnvelope headers, FileStream file)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(file);
        return new(headers with { Content = ReadOnlyMemory<byte>.Empty }, file, file.Length);
    }

    /// <summary>The envelope with its bytes in memory (read from the file in one exact-size buffer when spooled).</summary>
    public async Task<IncomingEnvelope> LoadAsync(CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            return _envelope;
        }

        var bytes = new byte[Length];
        _file.Position = 0;
        await _file.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        return _envelope with { Content = bytes };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }
    }
}
