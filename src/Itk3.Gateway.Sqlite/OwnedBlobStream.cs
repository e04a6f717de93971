using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>A read-only blob of the database read as it is consumed, which closes its own connection when disposed.</summary>
internal sealed class OwnedBlobStream(SqliteBlob blob, SqliteConnection connection) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => blob.Length;

    public override long Position
    {
        get => blob.Position;
        set => blob.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => blob.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => blob.Read(buffer);

    public override long Seek(long offset, SeekOrigin origin) => blob.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            blob.Dispose();
            connection.Dispose();
        }

        base.Dispose(disposing);
    }
}
