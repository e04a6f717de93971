using System.Text.Json;
using Itk3.Mesh.Http;

namespace Itk3.Mesh.Errors;

/// <summary>
/// Reads MESH error bodies defensively (MESH.md §9.1): v1 <c>{"errorEvent","errorCode","errorDescription"}</c>,
/// v2 <c>{"message_id","detail":[{"event","code","msg"}]}</c>, the validation shape <c>{"detail":[{"loc","msg"}]}</c>,
/// and anything else (HTML, SOAP, empty) as no MESH code.
/// </summary>
internal static class MeshErrorParser
{
    /// <summary>Parses <paramref name="body"/>; never throws.</summary>
    public static MeshError Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return MeshError.Empty;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? FromObject(doc.RootElement) : MeshError.Empty;
        }
        catch (JsonException)
        {
            return MeshError.Empty;
        }
    }

    private static MeshError FromObject(JsonElement root)
    {
        var messageId = MeshJson.Text(root, "message_id") ?? MeshJson.Text(root, "messageID") ?? MeshJson.Text(root, "messageId");
        if (root.TryGetProperty("detail", out var detail))
        {
            return FromDetail(detail, messageId);
        }

        return new MeshError(
            MeshJson.Text(root, "errorCode") ?? string.Empty,
            MeshJson.Text(root, "errorEvent") ?? string.Empty,
            MeshJson.Text(root, "errorDescription") ?? MeshJson.Text(root, "message") ?? string.Empty,
            messageId);
    }

    private static MeshError FromDetail(JsonElement detail, string? messageId)
    {
        if (detail.ValueKind == JsonValueKind.String)
        {
            return new MeshError(string.Empty, string.Empty, detail.GetString() ?? string.Empty, messageId);
        }

        if (detail.ValueKind != JsonValueKind.Array || detail.GetArrayLength() == 0 ||
            detail[0].ValueKind != JsonValueKind.Object)
        {
            return new MeshError(string.Empty, string.Empty, string.Empty, messageId);
        }

        var first = detail[0];
        var description = MeshJson.Text(first, "msg") ?? string.Empty;
        if (first.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
        {
            description = $"{string.Join('.', loc.EnumerateArray().Select(e => e.ToString()))}: {description}";
        }

        return new MeshError(MeshJson.Text(first, "code") ?? string.Empty, MeshJson.Text(first, "event") ?? string.Empty, description, messageId);
    }
}
