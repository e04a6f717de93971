using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Itk3.Gateway.Configuration;
using Itk3.Mesh;
using Itk3.Mesh.Http;

namespace Itk3.Gateway.Hosting.Mesh;

/// <summary>Builds the MESH client options of a node: URL, credentials, client certificate (PKCS#12 or PEM), trust roots and proxy.</summary>
public static class MeshConnectionFactory
{
    /// <summary>The client options for <paramref name="settings"/> at <paramref name="url"/>; throws <see cref="GatewayConfigException"/> naming the field when a file cannot be used.</summary>
    public static MeshClientOptions Create(MeshSettings settings, string mailbox, Uri url)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new MeshClientOptions
        {
            BaseUrl = url,
            MailboxId = mailbox,
            Password = settings.Password ?? (settings.IsEmbedded ? "password" : string.Empty),
            SharedKey = settings.SharedKey ?? (settings.IsEmbedded ? "TestKey" : string.Empty),
            ClientCertificate = LoadCertificate(settings.ClientCertificate),
            TrustedRoots = LoadRoots(settings.TrustedRootsPath),
            Proxy = settings.Proxy is { Length: > 0 } proxy ? new WebProxy(proxy) : null,
            SendProfiles = settings.SendProfiles,
        };
    }

    /// <summary>Loads a client certificate with its private key; null when none is configured.</summary>
    public static X509Certificate2? LoadCertificate(MeshCertificateSettings? settings)
    {
        if (settings?.Path is not { Length: > 0 } path)
        {
            return null;
        }

        try
        {
            return CertificateFiles.LoadWithPrivateKey(path, settings.KeyPath, settings.Password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new GatewayConfigException("$.mesh.clientCertificate", $"cannot load the certificate and its private key: {e.Message}", e);
        }
    }

    /// <summary>Loads a PEM bundle of trusted roots; null when none is configured.</summary>
    public static X509Certificate2Collection? LoadRoots(string? path)
    {
        if (path is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            return CertificateFiles.LoadPemBundle(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new GatewayConfigException("$.mesh.trustedRootsPath", $"cannot read the CA bundle: {e.Message}", e);
        }
    }
}
