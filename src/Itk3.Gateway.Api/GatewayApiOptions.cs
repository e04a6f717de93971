using System.Security.Cryptography.X509Certificates;
using Itk3.Gateway.Configuration;

namespace Itk3.Gateway.Api;

/// <summary>How the HTTP API listens and whom it lets in.</summary>
public sealed record GatewayApiOptions
{
    /// <summary>The default listen URL (loopback only).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The URLs Kestrel listens on (port 0 picks a free port).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The accepted API keys with their names and scopes (each key the key itself or <c>sha256:</c> and its hex SHA-256); none means every /api call is refused.</summary>
    public IReadOnlyList<ApiKeySettings> ApiKeys { get; init; } = [];

    /// <summary>What else the application serves (the dashboard, mapped at <c>/</c>); none by default.</summary>
    public IReadOnlyList<IGatewayApiExtension> Extensions { get; init; } = [];

    /// <summary>Thresholds of <c>/health/ready</c>.</summary>
    public Configuration.HealthSettings Health { get; init; } = new();

    /// <summary>The server certificate (with private key) for <c>https</c> URLs; an https URL without one is refused at start.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>The largest request body accepted, in bytes (a base64 payload is a third larger than the payload).</summary>
    public long MaxRequestBodyBytes { get; init; } = 20L * 1024 * 1024;
}
