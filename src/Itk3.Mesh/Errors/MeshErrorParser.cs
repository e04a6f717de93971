using System.Text.Json;

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
        var messageId = Text(root, "message_id") ?? Text(root, "messageID") ?? Text(root, "messageId");
        if (root.TryGetProperty("detail", out var detail))
        {
            return FromDetail(detail, messageId);
        }

        return new MeshError(
            Text(root, "errorCode") ?? string.Empty,
            Text(root, "errorEvent") ?? string.Empty,
            Text(root, "errorDescription") ?? Text(root, "message") ?? string.Empty,
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
        var description = Text(first, "msg") ?? string.Empty;
        if (first.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
        {
            description = $"{string.Join('.', loc.EnumerateArray().Select(e => e.ToString()))}: {description}";
        }

        return new MeshError(Text(first, "code") ?? string.Empty, Text(first, "event") ?? string.Empty, description, messageId);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
