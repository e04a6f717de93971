using System.Globalization;
using Itk3.Mesh.Models;

namespace Itk3.Mesh.Http;

/// <summary>Turns the headers of a download or HEAD response into <see cref="MeshMessageMetadata"/> (MESH.md §6.3).</summary>
internal static class MeshMetadataReader
{
    /// <summary>Reads every mex-* header; <paramref name="fallbackId"/> is used when mex-MessageID is missing.</summary>
    public static MeshMessageMetadata Read(HttpResponseMessage response, string fallbackId)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name.StartsWith(MeshHeaders.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                headers[name] = string.Join(",", values);
            }
        }

        string? Get(string name) => headers.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        var (chunk, total) = ParseChunkRange(Get(MeshHeaders.ChunkRange));
        return new MeshMessageMetadata
        {
            MessageId = Get(MeshHeaders.MessageId) ?? fallbackId,
            MessageType = ParseType(Get(MeshHeaders.MessageType)),
            From = Get(MeshHeaders.From),
            To = Get(MeshHeaders.To),
            WorkflowId = Get(MeshHeaders.WorkflowId),
            Subject = Get(MeshHeaders.Subject),
            LocalId = Get(MeshHeaders.LocalId),
            FileName = Get(MeshHeaders.FileName),
            PartnerId = Get(MeshHeaders.PartnerId),
            ChunkNumber = chunk,
            TotalChunks = ParseInt(Get(MeshHeaders.TotalChunks)) ?? total,
            ContentType = Get(MeshHeaders.ContentType) ?? response.Content.Headers.ContentType?.ToString(),
            ContentChecksum = Get(MeshHeaders.ContentChecksum),
            ContentCompressed = IsYes(Get(MeshHeaders.ContentCompressed)),
            ContentEncrypted = IsYes(Get(MeshHeaders.ContentEncrypted)),
            StatusCode = Get(MeshHeaders.StatusCode),
            StatusEvent = Get(MeshHeaders.StatusEvent),
            StatusDescription = Get(MeshHeaders.StatusDescription),
            StatusSuccess = string.Equals(Get(MeshHeaders.StatusSuccess), "SUCCESS", StringComparison.OrdinalIgnoreCase),
            StatusTimestamp = MeshTimestamps.Parse(Get(MeshHeaders.StatusTimestamp)),
            LinkedMessageId = Get(MeshHeaders.LinkedMessageId),
            AddressType = Get(MeshHeaders.AddressType),
            Version = Get(MeshHeaders.Version),
            Headers = headers,
        };
    }

    /// <summary>Parses <c>n:N</c>; a missing or malformed range means a single chunk (1:1).</summary>
    public static (int Chunk, int Total) ParseChunkRange(string? range)
    {
        if (range is null)
        {
            return (1, 1);
        }

        var colon = range.IndexOf(':', StringComparison.Ordinal);
        var chunk = colon > 0 ? ParseInt(range[..colon]) : null;
        var total = colon > 0 ? ParseInt(range[(colon + 1)..]) : null;
        return chunk is null || total is null ? (1, 1) : (chunk.Value, total.Value);
    }

    private static MeshMessageType ParseType(string? value) => value?.ToUpperInvariant() switch
    {
        "DATA" or null => MeshMessageType.Data,
        "REPORT" => MeshMessageType.Report,
        _ => MeshMessageType.Unknown,
    };

    private static int? ParseInt(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool IsYes(string? value) =>
        string.Equals(value, "Y", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
