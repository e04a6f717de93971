using System.Security.Authentication;
using Microsoft.AspNetCore.Hosting;

namespace Itk3.Gateway.Api.Hosting;

/// <summary>Kestrel for the gateway API: its listen URLs, no Server header, and HTTPS with the configured certificate (TLS 1.2+).</summary>
public static class GatewayApiKestrel
{
    /// <summary>Listens on <see cref="GatewayApiOptions.Urls"/>; throws <see cref="ArgumentException"/> for an https URL without <see cref="GatewayApiOptions.Certificate"/>.</summary>
    public static IWebHostBuilder UseItk3GatewayApiKestrel(this IWebHostBuilder web, GatewayApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(web);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Certificate is null && options.Urls.FirstOrDefault(ListenAddresses.IsHttps) is { } https)
        {
            throw new ArgumentException($"{https} is https but no server certificate is configured (node config apiCertificate)", nameof(options));
        }

        web.UseUrls([.. options.Urls]);
        // The slim builder leaves HTTPS out unless asked: without this an https:// URL fails with a developer message.
        web.UseKestrelHttpsConfiguration();
        return web.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            if (options.Certificate is { } certificate)
            {
                k.ConfigureHttpsDefaults(h =>
                {
                    h.ServerCertificate = certificate;
                    h.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                });
            }
        });
    }
}
