using System.Text;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>Small helpers for payloads and downloads.</summary>
public static class Bytes
{
    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    public static byte[] Pattern(int length, ulong seed = 1)
    {
        var bytes = new byte[length];
        PatternStream.Fill(bytes, 0, seed);
        return bytes;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static async Task<byte[]> ReadAllAsync(MeshDownload download)
    {
        using var target = new MemoryStream();
        await download.Content.CopyToAsync(target);
        return target.ToArray();
    }

    public static async Task<byte[]> DownloadAllAsync(IMeshClient client, string messageId)
    {
        await using var download = await client.DownloadAsync(messageId);
        return await ReadAllAsync(download);
    }
}
