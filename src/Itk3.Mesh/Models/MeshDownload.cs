namespace Itk3.Mesh.Models;

/// <summary>An opened inbox message: its metadata and a forward-only stream over all its chunks, fetched lazily.</summary>
public sealed class MeshDownload : IAsyncDisposable, IDisposable
{
    /// <summary>Wraps metadata and the content stream; the download owns the stream.</summary>
    public MeshDownload(MeshMessageMetadata metadata, Stream content)
    {
        Metadata = metadata;
        Content = content;
    }

    /// <summary>The message's mex-* metadata, read from chunk 1.</summary>
    public MeshMessageMetadata Metadata { get; }

    /// <summary>The whole message body, decompressed; read it with the async methods (empty for a REPORT).</summary>
    public Stream Content { get; }

    /// <summary>Releases the open HTTP response.</summary>
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <summary>Releases the open HTTP response.</summary>
    public void Dispose() => Content.Dispose();
}
