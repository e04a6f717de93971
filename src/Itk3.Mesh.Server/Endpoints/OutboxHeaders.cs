using System.Globalization;
using Itk3.Mesh.Server.Protocol;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>Reads and validates the <c>mex-*</c> headers of a send (MESH.md §6.1).</summary>
internal static class OutboxHeaders
{
    private static readonly (string Name, int MaxLength)[] Limits =
    [
        ("mex-to", 100), ("mex-workflowid", 300), ("mex-chunk-range", 20), ("mex-subject", 500), ("mex-localid", 300),
        ("mex-filename", 300), ("mex-partnerid", 500), ("mex-content-checksum", 100), ("mex-content-type", 100),
        ("mex-content-compressed", 20), ("mex-content-encrypted", 20), ("mex-from", 100),
    ];

    private static readonly string[] NoUrlHeaders = ["mex-to", "mex-workflowid", "mex-content-checksum"];

    public static string? Get(HttpRequest request, string name)
    {
        var value = request.Headers[name].ToString();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The missing required headers (<c>mex-To</c>, <c>mex-WorkflowID</c>).</summary>
    public static List<ValidationFailure> Missing(HttpRequest request) =>
        new[] { "mex-to", "mex-workflowid" }
            .Where(h => string.IsNullOrWhiteSpace(request.Headers[h].ToString()))
            .Select(ValidationFailure.MissingHeader).ToList();

    /// <summary>Control characters, URLs, over-long values or a bad checksum: the first problem found, or null.</summary>
    public static MeshError? Validate(HttpRequest request)
    {
        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith("mex-", StringComparison.OrdinalIgnoreCase) && header.Value.ToString().Any(char.IsControl))
            {
                return MeshError.MalformedHeaders;
            }
        }

        foreach (var name in NoUrlHeaders)
        {
            var value = request.Headers[name].ToString().TrimStart();
            if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return MeshError.MalformedHeaders;
            }
        }

        if (Limits.Any(l => request.Headers[l.Name].ToString().Length > l.MaxLength))
        {
            return MeshError.MalformedHeaders;
        }

        var checksum = request.Headers["mex-content-checksum"].ToString();
        return checksum.All(c => char.IsAsciiLetterOrDigit(c) || char.IsWhiteSpace(c) || c is ':' or '-' or '/')
            ? null : MeshError.InvalidChecksum;
    }

    /// <summary>The normalised <c>Content-Encoding</c> (null or <c>gzip</c>); false when it is some other encoding.</summary>
    public static bool TryGetEncoding(HttpRequest request, out string? encoding)
    {
        var value = request.Headers.ContentEncoding.ToString().Trim();
        encoding = value.Length == 0 ? null : value.ToLowerInvariant();
        return encoding is null or "gzip";
    }

    /// <summary>Parses <c>mex-Chunk-Range: n:N</c> (1 ≤ n ≤ N); null when absent or malformed.</summary>
    public static (int Number, int Total)? ParseRange(string? value)
    {
        var parts = value?.Split(':');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            || number < 1 || number > total)
        {
            return null;
        }

        return (number, total);
    }
}
