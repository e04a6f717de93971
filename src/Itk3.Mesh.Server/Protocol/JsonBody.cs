using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Protocol;

/// <summary>Writes a JSON response body with an exact member order and a Content-Length.</summary>
internal static class JsonBody
{
    public const string Json = "application/json";

    public static Task WriteAsync(HttpContext context, int status, string contentType, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return WriteBytesAsync(context, status, contentType, buffer.WrittenMemory);
    }

    public static async Task WriteBytesAsync(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A status with an empty body and <c>content-length: 0</c> (v2 handshake and acknowledge).</summary>
    public static Task EmptyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
