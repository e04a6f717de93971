namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>Reads a stream to its end in small buffers and counts bytes that differ from a <see cref="PatternStream"/>.</summary>
public static class PatternVerifier
{
    /// <summary>Returns (bytes read, first mismatching offset or -1).</summary>
    public static async Task<(long Length, long FirstMismatch)> VerifyAsync(Stream stream, ulong seed, CancellationToken ct = default)
    {
        var buffer = new byte[81920];
        var expected = new byte[buffer.Length];
        long position = 0;
        long mismatch = -1;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (mismatch < 0)
            {
                PatternStream.Fill(expected.AsSpan(0, read), position, seed);
                var index = buffer.AsSpan(0, read).CommonPrefixLength(expected.AsSpan(0, read));
                mismatch = index < read ? position + index : -1;
            }

            position += read;
        }

        return (position, mismatch);
    }
}
