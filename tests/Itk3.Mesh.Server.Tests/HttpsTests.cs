using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Itk3.Mesh.Server.Tests.Support;

namespace Itk3.Mesh.Server.Tests;

public sealed class HttpsTests : IClassFixture<HttpsTests.Certificates>
{
    private readonly TestCertificates _certs;

    public HttpsTests(Certificates certificates) => _certs = certificates.Value;

    [Fact]
    public async Task Client_with_a_certificate_from_the_trusted_CA_is_served()
    {
        await using var server = await StartAsync();
        using var http = Client(server, _certs.Client);

        using var response = await http.GetAsync("/messageexchange/_ping");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https", server.BaseAddress.Scheme);
    }

    [Fact]
    public async Task Client_without_a_certificate_is_refused_at_the_TLS_handshake()
    {
        await using var server = await StartAsync();
        using var http = Client(server, null);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/messageexchange/_ping"));
    }

    [Fact]
    public async Task Client_certificate_from_another_CA_is_refused()
    {
        await using var server = await StartAsync();
        using var http = Client(server, _certs.UntrustedClient);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/messageexchange/_ping"));
    }

    [Fact]
    public async Task Https_listen_url_without_a_certificate_is_an_argument_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => MeshServer.StartAsync(new MeshServerOptions
        {
            Config = TestConfig.Create(),
            ListenUrl = "https://127.0.0.1:0",
        }));
    }

    private Task<MeshServer> StartAsync() => MeshServer.StartAsync(new MeshServerOptions
    {
        Config = TestConfig.Create(),
        ListenUrl = "https://127.0.0.1:0",
        HttpsCertificate = _certs.Server,
        RequireClientCertificate = true,
        TrustedClientCa = _certs.Ca,
    });

    private HttpClient Client(MeshServer server, X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                    cert is not null && cert.GetCertHashString() == _certs.Server.GetCertHashString(),
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            },
        };
        return new HttpClient(handler) { BaseAddress = server.BaseAddress };
    }

    public sealed class Certificates : IDisposable
    {
        public TestCertificates Value { get; } = new();

        public void Dispose() => Value.Dispose();
    }
}
