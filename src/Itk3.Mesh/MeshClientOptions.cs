using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Itk3.Mesh.Retry;

namespace Itk3.Mesh;

/// <summary>
/// How a <see cref="MeshClient"/> reaches one mailbox: base URL, credentials (mailbox, password, environment shared
/// key), TLS (client certificate, custom trust roots), proxy, chunk size, retries, and the injected clock and nonces.
/// </summary>
public sealed record MeshClientOptions
{
    /// <summary>Default chunk size: 20 MiB (MESH.md §7; each request is limited to 100 MB).</summary>
    public const int DefaultChunkSize = 20 * 1024 * 1024;

    /// <summary>Base URL of the MESH service, e.g. https://msg.intspineservices.nhs.uk (paths start /messageexchange/).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Your mailbox ID; upper-cased for the path and the token.</summary>
    public required string MailboxId { get; init; }

    /// <summary>Your mailbox password (goes into the token HMAC, never on the wire).</summary>
    public required string Password { get; init; }

    /// <summary>The environment's shared secret, the HMAC key of the token.</summary>
    public required string SharedKey { get; init; }

    /// <summary>Client certificate (with private key) for mutual TLS; required by real MESH environments.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Trust roots for the server certificate (e.g. the NHS CA bundle); null uses the system store.</summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>Full override of server-certificate validation (for pinning); takes precedence over TrustedRoots.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>HTTP proxy; null uses the system default proxy.</summary>
    public IWebProxy? Proxy { get; init; }

    /// <summary>Size of each uncompressed chunk in bytes (MESH advises more than 5 MiB for all but the last).</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>Largest request sent when a message must not be chunked (MESH limits one request to 100 MB).</summary>
    public const long MaxSingleRequestBytes = 100_000_000;

    /// <summary>Per-recipient and per-workflow send settings; the most specific match applies (see <see cref="Models.MeshSendProfile"/>).</summary>
    public IReadOnlyList<Models.MeshSendProfile> SendProfiles { get; init; } = [];

    /// <summary>MESH API version to speak: 2 (default) or 1, for a peer that only answers v1 (sends <c>Accept: application/json</c>).</summary>
    public int ApiVersion { get; init; } = 2;

    /// <summary>Ask for gzip transport compression on downloads (each chunk is gunzipped by the client).</summary>
    public bool AcceptGzip { get; init; } = true;

    /// <summary>Retries for idempotent calls and chunks 2..N.</summary>
    public MeshRetryPolicy Retry { get; init; } = MeshRetryPolicy.Default;

    /// <summary>Timeout of one HTTP request (MESH clients use 10 minutes).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Clock for token timestamps and retry delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of token nonces; called once per request. Defaults to random GUIDs.</summary>
    public Func<string> NonceSource { get; init; } = static () => Guid.NewGuid().ToString("D");

    /// <summary>Sent as mex-ClientVersion and in User-Agent.</summary>
    public string ClientVersion { get; init; } = MeshClientIdentity.DefaultClientVersion;

    /// <summary>The mailbox ID as it goes into paths and tokens (trimmed, upper case).</summary>
    public string NormalizedMailboxId => MailboxId.Trim().ToUpperInvariant();

    /// <summary>Throws <see cref="ArgumentException"/> when a setting cannot work.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseUrl);
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("BaseUrl must be an absolute http(s) URL.", nameof(BaseUrl));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(MailboxId);
        ArgumentNullException.ThrowIfNull(Password);
        ArgumentNullException.ThrowIfNull(SharedKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkSize, 1);
        if (ApiVersion is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(ApiVersion), ApiVersion, "ApiVersion must be 1 or 2.");
        }

        ArgumentNullException.ThrowIfNull(SendProfiles);
        if (SendProfiles.Any(p => p.ChunkSize < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SendProfiles), "A send profile's ChunkSize must be at least 1.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(Retry.MaxRetries);
    }
}
