using System.Net;
using System.Text.Json;
using Itk3.Cli.Serving;
using Itk3.Cli.Tests.Support;
using Itk3.Gateway.Application;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Hosting.DependencyInjection;
using Itk3.Gateway.Transactions;
using Itk3.Mesh;
using Itk3.Mesh.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Itk3.Cli.Tests;

public sealed class ServeOverTlsMeshTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-tls-").FullName;

    [Fact]
    public async Task Two_served_nodes_exchange_a_discharge_summary_over_HTTPS_MESH_with_required_client_certificates_and_metrics_count_it()
    {
        await using var mesh = await TlsMesh.StartAsync(_folder);
        using var hospital = await StartAsync(mesh.NodeConfig("hospital", TlsMesh.HospitalMailbox, TlsMesh.HospitalOds));
        using var gp = await StartAsync(mesh.NodeConfig("gp", TlsMesh.GpMailbox, TlsMesh.GpOds));
        var sender = Node(hospital).Application;
        var receiver = Node(gp).Application;

        var document = SampleDocuments.DischargeSummary("5b0c1f9e-2a7d-4c3e-8f6a-9d1e2c3b4a5f", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        var submitted = await sender.SubmitAsync(new SubmitRequest(document, RecipientKind.Mailbox, TlsMesh.GpMailbox, "TOC_FHIR_IP_DISCH"), CancellationToken.None);
        var delivery = (await WaitAsync(() => receiver.ClaimDeliveriesAsync("app", 1, CancellationToken.None), d => d.Count == 1))[0];
        await receiver.AckDeliveryAsync(delivery.DeliveryId, CancellationToken.None);
        Assert.Equal(OutcomeResult.Accepted, await receiver.ReportOutcomeAsync(new OutcomeReport(delivery.MeshMessageId!, "30001"), CancellationToken.None));
        var done = await WaitAsync(() => Node(hospital).Queries.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None), t => t?.Transaction.State == TransactionState.Complete);

        Assert.Equal(TransactionState.Complete, done!.Transaction.State);
        using var http = new HttpClient { BaseAddress = ApiUrl(hospital) };
        var metrics = await WaitAsync(() => http.GetStringAsync("metrics"), m => m.Contains("itk3_responses_total", StringComparison.Ordinal));
        Assert.Contains("itk3_messages_sent_total{otel_scope_name=\"Itk3.Gateway\",flow=\"TOC_FHIR_IP_DISCH\",kind=\"payload\"} 1", metrics, StringComparison.Ordinal);
        Assert.Matches("itk3_responses_total\\{[^}]*code=\"30001\"[^}]*direction=\"in\"[^}]*\\} 1", metrics);
        Assert.Matches("itk3_mesh_call_duration_seconds_count\\{[^}]*operation=\"send\"[^}]*status=\"202\"[^}]*\\} [1-9]", metrics);
        Assert.Contains("itk3_transaction_duration_seconds_count", metrics, StringComparison.Ordinal);
        // Both nodes run in this process, so each /metrics shows both nodes' instruments: counts are at least one.
        using var gpHttp = new HttpClient { BaseAddress = ApiUrl(gp) };
        var gpMetrics = await WaitAsync(() => gpHttp.GetStringAsync("metrics"), m => m.Contains("code=\"30001\",direction=\"out\"", StringComparison.Ordinal));
        Assert.Matches("itk3_responses_total\\{[^}]*code=\"20013\",direction=\"out\",level=\"Infrastructure\"\\} [1-9]", gpMetrics);
        Assert.Matches("itk3_responses_total\\{[^}]*code=\"30001\",direction=\"out\",level=\"Business\"\\} [1-9]", gpMetrics);
        using var ready = await http.GetAsync("health/ready");
        // MESH answers; the test CA's client certificate lives a week, inside the 30-day warning: degraded, still 200.
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var probe = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("degraded", probe.GetProperty("status").GetString());
        Assert.Contains("certificate-expiring", probe.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("mesh-unreachable", probe.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_node_without_its_client_certificate_is_refused_by_MESH_and_reports_itself_not_ready_without_a_key()
    {
        await using var mesh = await TlsMesh.StartAsync(_folder);
        using var node = await StartAsync(mesh.NodeConfig("hospital", TlsMesh.HospitalMailbox, TlsMesh.HospitalOds, certificate: false));
        using var http = new HttpClient { BaseAddress = ApiUrl(node) };

        var body = await WaitAsync(() => http.GetStringAsync("health/ready"), b => b.Contains("mesh-unreachable", StringComparison.Ordinal));

        Assert.Equal("degraded", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        Assert.False(Node(node).Node.Status.Mesh.IsReachable);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task A_node_whose_trusted_roots_hold_only_an_unrelated_CA_refuses_the_MESH_server_certificate()
    {
        await using var mesh = await TlsMesh.StartAsync(_folder);
        using (var key = System.Security.Cryptography.RSA.Create(2048))
        using (var unrelated = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Unrelated Root", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)))
        {
            File.WriteAllText(Path.Combine(_folder, "unrelated-ca.pem"), unrelated.ExportCertificatePem());
        }

        var config = mesh.NodeConfig("hospital", TlsMesh.HospitalMailbox, TlsMesh.HospitalOds);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"ca.pem\"", "\"unrelated-ca.pem\"", StringComparison.Ordinal));
        using var node = await StartAsync(config);
        using var http = new HttpClient { BaseAddress = ApiUrl(node) };

        await WaitAsync(() => http.GetStringAsync("health/ready"), b => b.Contains("mesh-unreachable", StringComparison.Ordinal));

        Assert.False(Node(node).Node.Status.Mesh.IsReachable);
        Assert.Null(Node(node).Node.Status.Mesh.LastSuccessAt);
    }

    [Fact]
    public async Task AddMeshClient_gives_a_DI_client_that_handshakes_over_mutual_TLS()
    {
        await using var mesh = await TlsMesh.StartAsync(_folder);
        var services = new ServiceCollection();
        services.AddMeshClient(new MeshClientOptions
        {
            BaseUrl = mesh.Url, MailboxId = TlsMesh.HospitalMailbox, Password = "password", SharedKey = "TestKey",
            ClientCertificate = mesh.Certificates.Client, TrustedRoots = [mesh.Certificates.Ca],
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IMeshClient>().HandshakeAsync();

        Assert.Equal(TlsMesh.HospitalMailbox, ((MeshClient)provider.GetRequiredService<IMeshClient>()).MailboxId);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<IHost> StartAsync(string config)
    {
        var options = NodeConfiguration.Read(new FileInfo(config), environment: new Dictionary<string, string?>());
        var host = NodeServer.Build(options, "http://127.0.0.1:0", "json");
        await host.StartAsync();
        return host;
    }

    private static GatewayHost Node(IHost host) => host.Services.GetRequiredService<GatewayRuntime>().Host;

    private static Uri ApiUrl(IHost host) =>
        new(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (done(value) || i > 1200)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
