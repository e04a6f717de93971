using System.Security.Cryptography.X509Certificates;
using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Retry;
using Itk3.Mesh.Server;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>Mutual TLS as real MESH does it: the client presents its certificate and trusts only the given roots.</summary>
public sealed class TlsContractTests : IClassFixture<TlsContractTests.Certificates>
{
    private readonly TestCertificates _certs;

    public TlsContractTests(Certificates certificates) => _certs = certificates.Value;

    [Fact]
    public async Task A_client_with_its_certificate_and_the_server_root_completes_a_round_trip()
    {
        await using var server = await StartAsync(_certs.Server);
        using var sender = Client(server, _certs.Client, [_certs.Ca], Sender);
        using var receiver = Client(server, _certs.Client, [_certs.Ca], Receiver);

        await sender.HandshakeAsync();
        var sent = await sender.SendAsync(new Models.MeshSendRequest(Receiver, Workflow), Bytes.Stream("{}"));

        Assert.Equal("https", server.BaseAddress.Scheme);
        Assert.Equal("{}"u8.ToArray(), await Bytes.DownloadAllAsync(receiver, sent.MessageId));
    }

    [Fact]
    public async Task A_server_certificate_from_another_root_is_refused()
    {
        await using var server = await StartAsync(_certs.OtherServer);
        using var client = Client(server, _certs.Client, [_certs.Ca], Sender);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.HandshakeAsync());
    }

    [Fact]
    public async Task Without_custom_roots_the_system_store_decides_and_a_private_ca_is_refused()
    {
        await using var server = await StartAsync(_certs.Server);
        using var client = Client(server, _certs.Client, null, Sender);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.HandshakeAsync());
    }

    [Fact]
    public async Task Without_a_client_certificate_the_server_refuses_the_connection()
    {
        await using var server = await StartAsync(_certs.Server);
        using var client = Client(server, null, [_certs.Ca], Sender);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.HandshakeAsync());
    }

    private Task<MeshServer> StartAsync(X509Certificate2 serverCertificate) => MeshServer.StartAsync(new MeshServerOptions
    {
        Config = ContractConfig.Create(),
        ListenUrl = "https://127.0.0.1:0",
        HttpsCertificate = serverCertificate,
        RequireClientCertificate = true,
        TrustedClientCa = _certs.Ca,
    });

    private static MeshClient Client(MeshServer server, X509Certificate2? certificate, X509Certificate2[]? roots, string mailbox) => new(new MeshClientOptions
    {
        BaseUrl = server.BaseAddress,
        MailboxId = mailbox,
        Password = Password,
        SharedKey = SharedKey,
        ClientCertificate = certificate,
        TrustedRoots = roots is null ? null : new X509Certificate2Collection(roots),
        Retry = MeshRetryPolicy.None,
    });

    public sealed class Certificates : IDisposable
    {
        public TestCertificates Value { get; } = new();

        public void Dispose() => Value.Dispose();
    }
}
