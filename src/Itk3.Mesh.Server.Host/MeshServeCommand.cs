using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Itk3.Mesh.Http;
using Itk3.Mesh.Server;
using Itk3.Mesh.Server.Configuration;
using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Server.Host;

/// <summary>
/// Runs the local MESH-compatible server until Ctrl+C or SIGTERM: <c>itk3 mesh serve</c> and the stand-alone
/// <c>itk3-mesh-server</c> program (which can be published as a Native AOT binary) are this one command.
/// </summary>
public static class MeshServeCommand
{
    /// <summary>Exit code on success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the config, the options or the listen address are unusable (as <c>itk3</c>'s usage/IO errors).</summary>
    public const int UsageOrIo = 2;

    private const string Description =
        "Run a local MESH-compatible server (MESH API v2 and v1 shapes, NHSMESH tokens checked strictly, messages\n"
        + "kept on disk). Point a MESH client at the printed URL; stop with Ctrl+C.\n\n"
        + "Example:\n  {0} --config samples/mesh/mesh-server.json --data ./mesh-data";

    /// <summary>Creates the <c>serve</c> command (<c>itk3</c> adds it under <c>itk3 mesh</c>).</summary>
    public static Command Create()
    {
        var command = new Command("serve");
        Configure(command);
        return command;
    }

    /// <summary>Gives <paramref name="command"/> the server's description, options and action (the stand-alone program's root command).</summary>
    public static void Configure(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new ServeOptions();
        var invocation = command is RootCommand ? "itk3-mesh-server" : "itk3 mesh serve";
        command.Description = string.Format(System.Globalization.CultureInfo.InvariantCulture, Description, invocation);
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((ParseResult r, CancellationToken ct) =>
            RunAsync(invocation, options.Read(r), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
    }

    private static async Task<int> RunAsync(string invocation, ServeSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        MeshServerOptions options;
        try
        {
            options = BuildOptions(settings);
        }
        catch (Exception e) when (e is MeshConfigException or ArgumentException or IOException or System.Security.Cryptography.CryptographicException)
        {
            await stderr.WriteLineAsync($"{invocation}: {e.Message}").ConfigureAwait(false);
            return UsageOrIo;
        }

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        MeshServer server;
        try
        {
            server = await MeshServer.StartAsync(options with { LoggerFactory = loggers }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            await stderr.WriteLineAsync($"{invocation}: cannot listen on {settings.Urls}: {e.Message}").ConfigureAwait(false);
            return UsageOrIo;
        }

        await using var running = server;
        PrintBanner(stdout, server, options.Config);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            stdout.WriteLine("Stopping MESH server.");
        }

        return Ok;
    }

    private static MeshServerOptions BuildOptions(ServeSettings s)
    {
        var config = MeshServerConfig.Load(s.Config.FullName);
        if (!Uri.TryCreate(s.Urls, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"--urls '{s.Urls}' is not an absolute http:// or https:// URL.");
        }

        if (s.RequireClientCertificate && s.Certificate is null)
        {
            throw new ArgumentException("--require-client-cert needs https (--https-cert and an https:// --urls).");
        }

        if (s.AdminToken is { Length: > 0 } token)
        {
            config = config with { AdminEndpoints = true, AdminToken = token };
            config.Validate();
        }

        return new MeshServerOptions
        {
            Config = config,
            DataDirectory = s.Data.FullName,
            ListenUrl = s.Urls,
            HttpsCertificate = s.Certificate is null ? null : CertificateFiles.LoadWithPrivateKey(s.Certificate.FullName, s.Key?.FullName, s.Password),
            RequireClientCertificate = s.RequireClientCertificate,
            TrustedClientCa = s.ClientCa is null ? null : X509CertificateLoader.LoadCertificateFromFile(s.ClientCa.FullName),
            ExpiryInterval = TimeSpan.FromSeconds(Math.Max(1, s.ExpiryIntervalSeconds)),
        };
    }

    private static void PrintBanner(TextWriter stdout, MeshServer server, MeshServerConfig config)
    {
        stdout.WriteLine($"MESH server listening on {server.BaseAddress}");
        stdout.WriteLine($"Data directory: {server.DataDirectory}");
        stdout.WriteLine($"Mailboxes (shared key from the config, workflow registration {(config.EnforceWorkflowRegistration ? "enforced" : "not enforced")}):");
        foreach (var mailbox in config.Mailboxes)
        {
            stdout.WriteLine($"  {mailbox.Id,-12} ODS {mailbox.OdsCode,-8} {mailbox.Name}");
        }

        stdout.WriteLine(config.AdminEndpoints
            ? "Admin endpoints: on (/admin/reset, /admin/expire, /messageexchange/admin/report; Authorization: Bearer <admin token>)"
            : "Admin endpoints: off (--admin-token or config adminEndpoints + adminToken turn them on)");
        stdout.WriteLine("Press Ctrl+C to stop.");
    }

    private sealed class ServeOptions
    {
        private readonly Option<FileInfo> _config = new("--config", "-c")
        {
            Description = "JSON file with the shared key, mailboxes (id, password, odsCode, name), workflows (senders, receivers), "
                + "the GPPROVIDER patient table and limits. Start from samples/mesh/mesh-server.json.",
            Required = true,
        };

        private readonly Option<DirectoryInfo> _data = new("--data", "-d")
        {
            Description = "Directory where messages are stored; they survive restarts. Created if missing.",
            DefaultValueFactory = _ => new DirectoryInfo("mesh-data"),
        };

        private readonly Option<string> _urls = new("--urls")
        {
            Description = "Listen URL: http://IP:port or https://IP:port (port 0 picks a free one; 0.0.0.0 listens on all interfaces).",
            DefaultValueFactory = _ => "http://127.0.0.1:8700",
        };

        private readonly Option<FileInfo?> _cert = new("--https-cert")
        {
            Description = "Server certificate for https: a .pfx/.p12 file, or a PEM certificate used with --https-key.",
        };

        private readonly Option<FileInfo?> _key = new("--https-key") { Description = "PEM private key for a PEM --https-cert." };

        private readonly Option<string?> _password = new("--https-cert-password") { Description = "Password of the .pfx/.p12 --https-cert, or of its encrypted PEM key." };

        private readonly Option<bool> _requireClient = new("--require-client-cert")
        {
            Description = "Demand a client certificate on every connection, as real MESH does (needs https).",
        };

        private readonly Option<FileInfo?> _clientCa = new("--client-ca")
        {
            Description = "PEM or DER CA certificate that client certificates must chain to (default: the machine trust store).",
        };

        private readonly Option<int> _expiry = new("--expiry-interval")
        {
            Description = "Seconds between sweeps that expire messages left uncollected for 5 days (REPORT code 14 to the sender).",
            DefaultValueFactory = _ => 60,
        };

        private readonly Option<string?> _adminToken = new("--admin-token")
        {
            Description = "Turn on the admin endpoints (reset, inject REPORT, run expiry), each needing Authorization: Bearer <token> "
                + "(at least 16 characters). Default: environment variable ITK3_MESH_ADMIN_TOKEN; unset leaves them as the config says (off by default).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ITK3_MESH_ADMIN_TOKEN"),
        };

        public IEnumerable<Option> All => [_config, _data, _urls, _cert, _key, _password, _requireClient, _clientCa, _expiry, _adminToken];

        public ServeSettings Read(ParseResult r) => new(
            r.GetValue(_config)!, r.GetValue(_data)!, r.GetValue(_urls)!, r.GetValue(_cert), r.GetValue(_key), r.GetValue(_password),
            r.GetValue(_requireClient), r.GetValue(_clientCa), r.GetValue(_expiry), r.GetValue(_adminToken));
    }

    private sealed record ServeSettings(
        FileInfo Config, DirectoryInfo Data, string Urls, FileInfo? Certificate, FileInfo? Key, string? Password,
        bool RequireClientCertificate, FileInfo? ClientCa, int ExpiryIntervalSeconds, string? AdminToken);
}
