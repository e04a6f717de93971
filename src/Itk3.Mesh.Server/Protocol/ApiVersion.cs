namespace Itk3.Mesh.Server.Protocol;

/// <summary>Picks the MESH API version from the <c>Accept</c> header (MESH.md §3).</summary>
internal static class ApiVersion
{
    public const string V2MediaType = "application/vnd.mesh.v2+json";
    public const string V1MediaType = "application/vnd.mesh.v1+json";

    /// <summary>1 or 2, or 0 when the header names an unknown MESH format or lists a MESH format with others.</summary>
    public static int Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept) || !accept.Contains("application/vnd.mesh.", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        if (accept.Contains(','))
        {
            return 0;
        }

        var media = accept.Split(';')[0].Trim();
        if (media.Equals(V2MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }

        return media.Equals(V1MediaType, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }
}
