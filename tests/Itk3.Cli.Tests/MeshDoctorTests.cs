using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Itk3.Cli.Commands;
using Itk3.Cli.Tests.Support;

namespace Itk3.Cli.Tests;

public sealed partial class MeshDoctorTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-doctor-").FullName;
    private TlsMesh _mesh = null!;

    public async Task InitializeAsync() => _mesh = await TlsMesh.StartAsync(_folder);

    [Fact]
    public void A_good_configuration_passes_every_check_against_a_mutual_TLS_MESH()
    {
        var run = Doctor(_mesh.NodeConfig("good", TlsMesh.HospitalMailbox, TlsMesh.HospitalOds));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(Failures(run.Output));
        Assert.Contains("handshake", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_client_certificate_is_explained_as_refused_by_the_server()
    {
        var run = Doctor(_mesh.NodeConfig("nocert", TlsMesh.HospitalMailbox, TlsMesh.HospitalOds, certificate: false));

        Assert.Equal(DoctorCommand.FailedExit, run.ExitCode);
        Assert.Equal(["D203"], Failures(run.Output));
    }

    [Fact]
    public void Wrong_password_is_explained_as_refused_credentials()
    {
        var config = _mesh.NodeConfig("badpassword", TlsMesh.HospitalMailbox, TlsMesh.HospitalOds);
        File.WriteAllText(Path.Combine(_folder, "secrets", "mesh-password"), "not-the-password");

        var run = Doctor(config);

        Assert.Equal(["D401"], Failures(run.Output));
    }

    [Fact]
    public void Expired_client_certificate_is_reported_before_any_connection()
    {
        var config = _mesh.NodeConfig("expired", TlsMesh.GpMailbox, TlsMesh.GpOds);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=expired.X26.api.mesh-client.nhs.uk", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var expired = request.Create(_mesh.Certificates.Ca, now.AddHours(-20), now.AddHours(-2), [1, 2, 3, 4]);
        File.WriteAllText(Path.Combine(_folder, "gp.crt.pem"), expired.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, "gp.key.pem"), key.ExportPkcs8PrivateKeyPem());

        var run = Doctor(config);

        Assert.Equal(DoctorCommand.FailedExit, run.ExitCode);
        Assert.Equal("D102", Failures(run.Output)[0]);
    }

    [Fact]
    public void A_key_that_does_not_belong_to_the_certificate_is_explained()
    {
        var config = _mesh.NodeConfig("wrongkey", TlsMesh.GpMailbox, TlsMesh.GpOds);
        using var other = RSA.Create(2048);
        File.WriteAllText(Path.Combine(_folder, "gp.key.pem"), other.ExportPkcs8PrivateKeyPem());

        var run = Doctor(config);

        Assert.Equal(["D101"], Failures(run.Output));
    }

    [Fact]
    public void A_host_that_does_not_resolve_is_explained()
    {
        var config = _mesh.NodeConfig("nodns", TlsMesh.HospitalMailbox, TlsMesh.HospitalOds);

        var run = Doctor(config, "--set", "mesh:url=https://mesh.invalid");

        Assert.Equal(["D201"], Failures(run.Output));
    }

    public async Task DisposeAsync()
    {
        await _mesh.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static CliRun Doctor(string config, params string[] extra) => CliRun.Of(["mesh", "doctor", "--config", config, .. extra]);

    private static List<string> Failures(string output) => [.. FailLine().Matches(output).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"FAIL\s+\S+\s+(D\d{3})")]
    private static partial Regex FailLine();
}
