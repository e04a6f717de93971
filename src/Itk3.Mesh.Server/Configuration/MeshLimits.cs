namespace Itk3.Mesh.Server.Configuration;

/// <summary>Size, time and paging limits the server enforces.</summary>
public sealed record MeshLimits
{
    /// <summary>Largest body of one request (a whole message or one chunk), in bytes; MESH allows 100 MB.</summary>
    public long MaxRequestBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Largest whole message (all chunks as uploaded), in bytes.</summary>
    public long MaxMessageBytes { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>Largest number of chunks one message may declare in <c>mex-Chunk-Range</c>.</summary>
    public int MaxChunks { get; set; } = 1000;

    /// <summary>Days a message may wait uncollected in an inbox before it expires and the sender gets a REPORT (code 14).</summary>
    public double InboxExpiryDays { get; set; } = 5;

    /// <summary>Days after upload when a message is deleted from the server.</summary>
    public double RetentionDays { get; set; } = 30;

    /// <summary>
    /// Inflate every gzip chunk at upload to check its deflate data and CRC (400 when broken). Off by default: the gzip
    /// framing is checked without inflating, and the CRC by whoever inflates (the receiving client, or this server for a
    /// client that does not accept gzip), which keeps chunked uploads at disk speed.
    /// </summary>
    public bool InflateGzipOnUpload { get; set; }

    /// <summary>How far (in minutes) a token timestamp may be from server time.</summary>
    public int TokenWindowMinutes { get; set; } = 120;

    /// <summary>Unauthenticated lookups (endpoint lookup, workflow search) one client address may make per minute; more get 429.</summary>
    public int LookupPermitsPerMinute { get; set; } = 60;
}
