using System.Security.Cryptography.X509Certificates;
using Itk3.Mesh.Server.Configuration;
using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Server;

/// <summary>How to run a <see cref="MeshServer"/>: what it hosts, where it stores, how it listens, and what it injects.</summary>
public sealed record MeshServerOptions
{
    /// <summary>Mailboxes, workflows, GPPROVIDER table, shared key and limits.</summary>
    public required MeshServerConfig Config { get; init; }

    /// <summary>Where messages are stored durably; null uses a fresh temporary directory deleted on dispose.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The clock (token window, message IDs, timestamps, expiry); inject a fake one in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The random source for message ID suffixes and v1 query IDs; inject a seeded one for stable IDs.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>The URL to listen on, e.g. <c>http://127.0.0.1:0</c> (port 0 picks a free port) or <c>https://0.0.0.0:8700</c>.</summary>
    public string ListenUrl { get; init; } = "http://127.0.0.1:0";

    /// <summary>The server certificate (with private key); required for an <c>https</c> listen URL.</summary>
    public X509Certificate2? HttpsCertificate { get; init; }

    /// <summary>When true (with HTTPS), every connection must present a client certificate, as MESH requires.</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>The CA that client certificates must chain to; null uses the machine's trust store.</summary>
    public X509Certificate2? TrustedClientCa { get; init; }

    /// <summary>How often the expiry sweep runs by itself; null runs it only on demand (<see cref="MeshAdmin.RunExpiryAsync"/>).</summary>
    public TimeSpan? ExpiryInterval { get; init; }

    /// <summary>The window of the lookup rate limit (<c>limits.lookupPermitsPerMinute</c> per window); tests lengthen it so it cannot roll over mid-test.</summary>
    internal TimeSpan LookupWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Journal tuning and fault-injection hooks (tests).</summary>
    internal Storage.JournalOptions Journal { get; init; } = new();

    /// <summary>Where the server logs (never message bodies); null logs nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
