using System.Globalization;

namespace Itk3.Mesh.Http;

/// <summary>Parses the timestamp forms MESH uses: <c>yyyyMMddHHmmss</c> and ISO 8601 with or without an offset (UTC).</summary>
internal static class MeshTimestamps
{
    private static readonly string[] CompactFormats = ["yyyyMMddHHmmss", "yyyyMMddHHmm"];

    /// <summary>The instant, or null when <paramref name="text"/> is absent or in no known form.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, CompactFormats, CultureInfo.InvariantCulture, utc, out var compact))
        {
            return compact;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, utc, out var iso) ? iso : null;
    }
}
