namespace Itk3.Gateway.Postgres;

/// <summary>MESH message ids are opaque and compared case-insensitively (MESH §10): they are stored upper-case.</summary>
internal static class MeshIds
{
    public static string Normalize(string id) => id.ToUpperInvariant();

    public static string? NormalizeOrNull(string? id) => id?.ToUpperInvariant();
}
