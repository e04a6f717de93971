using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Itk3.Mesh.Http;
using Itk3.Mesh.Tests.Fakes;

namespace Itk3.Mesh.Tests.Http;

public sealed class MeshTransportTests
{
    [Fact]
    public void Builds_a_tls12_plus_handler_without_automatic_decompression_or_redirects()
    {
        using var handler = MeshTransport.CreateHandler(TestClients.Options());

        Assert.Equal(DecompressionMethods.None, handler.AutomaticDecompression);
        Assert.False(handler.AllowAutoRedirect);
        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, handler.SslOptions.EnabledSslProtocols);
        Assert.Null(handler.SslOptions.RemoteCertificateValidationCallback);
    }

    [Fact]
    public void Uses_the_configured_proxy_client_certificate_and_custom_roots()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=client", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var proxy = new WebProxy("http://proxy.example.test:3128");
        var options = TestClients.Options() with
        {
            Proxy = proxy, ClientCertificate = certificate, TrustedRoots = new X509Certificate2Collection(certificate),
        };

        using var handler = MeshTransport.CreateHandler(options);

        Assert.Same(proxy, handler.Proxy);
        Assert.True(handler.UseProxy);
        Assert.Same(certificate, Assert.Single(handler.SslOptions.ClientCertificates!.Cast<X509Certificate2>()));
        Assert.NotNull(handler.SslOptions.RemoteCertificateValidationCallback);
    }

    [Fact]
    public void Custom_root_validation_trusts_the_given_root_where_the_system_store_does_not_but_never_a_name_mismatch()
    {
        using var key = RSA.Create(2048);
        using var root = new CertificateRequest("CN=root", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var validate = MeshTransport.CustomRootValidator(new X509Certificate2Collection(root))!;

        Assert.True(validate(this, root, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validate(this, root, null, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.Null(MeshTransport.CustomRootValidator(null));
    }
}
