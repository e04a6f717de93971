using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Itk3.Mesh.Http;

/// <summary>
/// Builds the socket-level handler for MESH: TLS 1.2+, optional client certificate, custom trust roots (never a
/// validation bypass), proxy, no automatic decompression (the client gunzips each chunk itself).
/// </summary>
public static class MeshTransport
{
    /// <summary>A new handler configured from <paramref name="options"/>.</summary>
    public static SocketsHttpHandler CreateHandler(MeshClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            },
        };
        if (options.Proxy is not null)
        {
            handler.Proxy = options.Proxy;
            handler.UseProxy = true;
        }

        if (options.ClientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [options.ClientCertificate];
        }

        handler.SslOptions.RemoteCertificateValidationCallback =
            options.ServerCertificateValidation ?? CustomRootValidator(options.TrustedRoots);
        return handler;
    }

    /// <summary>Validates a server chain against <paramref name="roots"/> only, keeping host-name checks.</summary>
    public static RemoteCertificateValidationCallback? CustomRootValidator(X509Certificate2Collection? roots)
    {
        if (roots is null || roots.Count == 0)
        {
            return null;
        }

        return (_, certificate, chain, errors) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 ||
                (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return false;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(roots);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                foreach (var element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
    }
}
