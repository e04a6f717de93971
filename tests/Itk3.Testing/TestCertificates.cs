using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Itk3.Testing;

/// <summary>An in-memory CA issuing a loopback server certificate and a MESH-style client certificate, plus certificates from an untrusted CA.</summary>
public sealed class TestCertificates : IDisposable
{
    /// <summary>Creates the CA and issues the certificates (RSA 2048, valid for a week).</summary>
    public TestCertificates()
    {
        Ca = CreateCa("CN=ITK3 Contract CA");
        Server = Issue(Ca, "CN=localhost", serverAuth: true);
        Client = Issue(Ca, "CN=SERVER001.X26.api.mesh-client.nhs.uk", serverAuth: false);
        using var otherCa = CreateCa("CN=Other CA");
        OtherServer = Issue(otherCa, "CN=localhost", serverAuth: true);
        UntrustedClient = Issue(otherCa, "CN=intruder", serverAuth: false);
    }

    /// <summary>The trusted CA.</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>A loopback server certificate issued by the CA.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>A MESH-style client certificate issued by the CA.</summary>
    public X509Certificate2 Client { get; }

    /// <summary>A client certificate issued by a CA nobody trusts.</summary>
    public X509Certificate2 UntrustedClient { get; }

    /// <summary>A server certificate issued by a CA the client does not trust.</summary>
    public X509Certificate2 OtherServer { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        UntrustedClient.Dispose();
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
        OtherServer.Dispose();
    }

    private static X509Certificate2 CreateCa(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
        }

        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(ca, now.AddHours(-1), now.AddDays(7), RandomNumberGenerator.GetBytes(12));
        using var withKey = issued.CopyWithPrivateKey(key);
        // A PKCS#12 round trip gives SslStream on Linux a usable private key.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
