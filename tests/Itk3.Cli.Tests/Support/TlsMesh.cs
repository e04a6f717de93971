using System.Security.Cryptography.X509Certificates;
using Itk3.Gateway.Hosting;
using Itk3.Mesh.Server;
using Itk3.Testing;

namespace Itk3.Cli.Tests.Support;

/// <summary>Our MESH server over HTTPS with REQUIRED client certificates (a test CA), and the certificate files a node's configuration points at.</summary>
internal sealed class TlsMesh : IAsyncDisposable
{
    public const string HospitalMailbox = "X26HOS01";
    public const string HospitalOds = "RXX01";
    public const string GpMailbox = "X26GP001";
    public const string GpOds = "A12345";
    public const string PfxPassword = "pfx-secret";

    private readonly TestCertificates _certs = new();
    private MeshServer? _server;

    private TlsMesh(string folder) => Folder = folder;

    public string Folder { get; }

    public Uri Url => _server!.BaseAddress;

    public TestCertificates Certificates => _certs;

    public static async Task<TlsMesh> StartAsync(string folder)
    {
        var mesh = new TlsMesh(folder);
        mesh._server = await EmbeddedMesh.StartAsync([(HospitalMailbox, HospitalOds), (GpMailbox, GpOds)], Path.Combine(folder, "mesh"), o => o with
        {
            ListenUrl = "https://127.0.0.1:0",
            HttpsCertificate = mesh._certs.Server,
            RequireClientCertificate = true,
            TrustedClientCa = mesh._certs.Ca,
        });
        mesh.WriteFiles();
        return mesh;
    }

    /// <summary>A node configuration (JSON) for <paramref name="mailbox"/>: PKCS#12 with a password file for the hospital, PEM certificate and key for the GP; <paramref name="certificate"/> false leaves the client certificate out.</summary>
    public string NodeConfig(string name, string mailbox, string ods, bool certificate = true)
    {
        var tls = !certificate ? string.Empty
            : mailbox == HospitalMailbox ? """, "clientCertificate": { "path": "hospital.pfx", "passwordFile": "secrets/pfx-password" }"""
            : """, "clientCertificate": { "path": "gp.crt.pem", "keyPath": "gp.key.pem" }""";
        var path = Path.Combine(Folder, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "mailbox": "{{mailbox}}", "odsCode": "{{ods}}", "dataDirectory": "{{name}}-data", "dropFolder": "",
              "apiKeys": ["test-key"],
              "mesh": {
                "url": "{{Url.ToString().TrimEnd('/')}}", "passwordFile": "secrets/mesh-password", "sharedKey": "TestKey",
                "trustedRootsPath": "ca.pem", "pollInterval": "00:00:00.100", "pageSize": 10{{tls}}
              }
            }
            """);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _certs.Dispose();
    }

    private void WriteFiles()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "secrets"));
        File.WriteAllText(Path.Combine(Folder, "secrets", "mesh-password"), "password\n");
        File.WriteAllText(Path.Combine(Folder, "secrets", "pfx-password"), PfxPassword + "\n");
        File.WriteAllText(Path.Combine(Folder, "ca.pem"), _certs.Ca.ExportCertificatePem());
        File.WriteAllBytes(Path.Combine(Folder, "hospital.pfx"), _certs.Client.Export(X509ContentType.Pkcs12, PfxPassword));
        File.WriteAllText(Path.Combine(Folder, "gp.crt.pem"), _certs.Client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Folder, "gp.key.pem"), _certs.Client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }
}
