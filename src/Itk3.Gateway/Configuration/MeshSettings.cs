using Itk3.Mesh.Models;

namespace Itk3.Gateway.Configuration;

/// <summary>How the node reaches MESH.</summary>
public sealed record MeshSettings
{
    /// <summary>The word that runs our MESH server in-process instead of connecting to a URL.</summary>
    public const string Embedded = "embedded";

    /// <summary>The MESH base URL, an NHS environment name (<c>int</c>, <c>dep</c>, <c>live</c>; see <see cref="MeshEnvironments"/>), or <c>embedded</c> (the default) to run our MESH server in-process.</summary>
    public string Url { get; init; } = Embedded;

    /// <summary>The mailbox password (<c>password</c> for the embedded MESH when not set).</summary>
    public string? Password { get; init; }

    /// <summary>A file holding the mailbox password (a mounted secret); used when <see cref="Password"/> is not set.</summary>
    public string? PasswordFile { get; init; }

    /// <summary>The MESH environment's shared key (<c>TestKey</c> for the embedded MESH when not set).</summary>
    public string? SharedKey { get; init; }

    /// <summary>A file holding the shared key (a mounted secret); used when <see cref="SharedKey"/> is not set.</summary>
    public string? SharedKeyFile { get; init; }

    /// <summary>The client certificate for mutual TLS (required by every NHS MESH environment).</summary>
    public MeshCertificateSettings? ClientCertificate { get; init; }

    /// <summary>A PEM bundle of the CAs trusted for the MESH server's certificate (for example the NHS INT bundle); the system store when null.</summary>
    public string? TrustedRootsPath { get; init; }

    /// <summary>An HTTP proxy URL for MESH calls, for example <c>http://proxy.trust.nhs.uk:3128</c>; the system default when null.</summary>
    public string? Proxy { get; init; }

    /// <summary>How long to wait between inbox polls when the last page was not full; by default 5 minutes for a real MESH (MESH.md §10: at most every 5 minutes) and 5 seconds for the embedded one.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>How a failing send to MESH is retried: fast retries, then waiting (needs attention) and retried at <c>maxDelay</c>, never given up.</summary>
    public RetrySettings SendRetry { get; init; } = new() { FastAttempts = 8 };

    /// <summary>How often the mailbox is validated with a handshake (also once at start); MESH.md §10 asks for at least once every 24 hours.</summary>
    public TimeSpan HandshakeInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How many message ids one inbox poll asks for (10 to 5000).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Where the embedded MESH server listens (port 0 picks a free port).</summary>
    public string EmbeddedListenUrl { get; init; } = "http://127.0.0.1:0";

    /// <summary>Per-recipient and per-workflow send settings (compress, chunk, chunkSize); the most specific match applies.</summary>
    public IReadOnlyList<MeshSendProfile> SendProfiles { get; init; } = [];

    /// <summary>The poll interval in force (<see cref="PollInterval"/> or its default).</summary>
    public TimeSpan EffectivePollInterval => PollInterval ?? (IsEmbedded ? TimeSpan.FromSeconds(5) : TimeSpan.FromMinutes(5));

    /// <summary>The base URL in force: an environment name resolved, else <see cref="Url"/>.</summary>
    public string ResolvedUrl => MeshEnvironments.Resolve(Url);

    /// <summary>Whether this is an embedded MESH.</summary>
    public bool IsEmbedded => string.Equals(Url, Embedded, StringComparison.OrdinalIgnoreCase);
}
