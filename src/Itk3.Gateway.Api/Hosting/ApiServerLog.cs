using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Api.Hosting;

/// <summary>Source-generated log events of the API server's start.</summary>
internal static partial class ApiServerLog
{
    /// <summary>The event id of <see cref="PlainHttpBeyondLoopback"/>.</summary>
    public const int PlainHttpBeyondLoopbackId = 10;

    [LoggerMessage(EventId = PlainHttpBeyondLoopbackId, Level = LogLevel.Warning,
        Message = "SECURITY WARNING: the HTTP API listens on {Url}, reachable from the network over plain HTTP: API keys and patient data cross the network unencrypted. Configure apiCertificate with an https:// apiUrl, or listen on 127.0.0.1 behind a TLS proxy.")]
    public static partial void PlainHttpBeyondLoopback(ILogger logger, string url);
}
