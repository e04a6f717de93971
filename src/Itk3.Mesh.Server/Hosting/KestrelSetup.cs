using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Itk3.Mesh.Server.Hosting;

/// <summary>Binds Kestrel to the listen URL, with optional HTTPS that demands and checks client certificates.</summary>
internal static class KestrelSetup
{
    public static void Configure(KestrelServerOptions kestrel, MeshServerOptions options)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = null;
        var uri = new Uri(options.ListenUrl.Replace("://*", "://0.0.0.0", StringComparison.Ordinal)
            .Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
        var https = uri.Scheme == Uri.UriSchemeHttps;
        if (!https && uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"Listen URL '{options.ListenUrl}' must be http:// or https://.", nameof(options));
        }

        if (https && options.HttpsCertificate is null)
        {
            throw new ArgumentException("An https listen URL needs HttpsCertificate.", nameof(options));
        }

        var address = uri.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host, out var ip) ? ip
            : throw new ArgumentException($"Listen URL host '{uri.Host}' must be an IP address or localhost.", nameof(options));
        kestrel.Listen(address, uri.Port, listen =>
        {
            if (https)
            {
                listen.UseHttps(adapter => ConfigureHttps(adapter, options));
            }
        });
    }

    private static void ConfigureHttps(HttpsConnectionAdapterOptions adapter, MeshServerOptions options)
    {
        adapter.ServerCertificate = options.HttpsCertificate;
        adapter.SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
        if (!options.RequireClientCertificate)
        {
            return;
        }

        adapter.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        adapter.ClientCertificateValidation = (certificate, _, errors) =>
            options.TrustedClientCa is null ? errors == SslPolicyErrors.None : ChainsTo(certificate, options.TrustedClientCa);
    }

    /// <summary>True when the certificate chains to the given CA alone (custom root trust, no revocation lookup).</summary>
    internal static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        return chain.Build(certificate);
    }
}
