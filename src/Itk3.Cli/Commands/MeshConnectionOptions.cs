using System.CommandLine;
using System.Net;
using Itk3.Mesh;
using Itk3.Mesh.Http;

namespace Itk3.Cli.Commands;

/// <summary>
/// The connection options shared by every <c>itk3 mesh</c> client command (not <c>serve</c>), each falling back to an environment variable so secrets need not appear on the command line.
/// </summary>
internal sealed class MeshConnectionOptions
{
    public Option<string?> Url { get; } = EnvOption("--url", "MESH_URL",
        "MESH base URL, e.g. https://msg.intspineservices.nhs.uk (INT), https://mesh-sync.spineservices.nhs.uk (live), or http://127.0.0.1:8700 for a local server.");

    public Option<string?> Mailbox { get; } = EnvOption("--mailbox", "MESH_MAILBOX", "Your mailbox ID, e.g. X26ABC1.");

    public Option<string?> Password { get; } = EnvOption("--password", "MESH_PASSWORD", "Your mailbox password (prefer the environment variable).");

    public Option<string?> SharedKey { get; } = EnvOption("--shared-key", "MESH_SHARED_KEY", "The environment's shared secret used to sign tokens (prefer the environment variable).");

    public Option<string?> Cert { get; } = EnvOption("--cert", "MESH_CERT", "Client certificate for mutual TLS: a .pfx/.p12 file, or a PEM certificate (with --key).");

    public Option<string?> Key { get; } = EnvOption("--key", "MESH_KEY", "PEM private key file for a PEM --cert.");

    public Option<string?> CertPassword { get; } = EnvOption("--cert-password", "MESH_CERT_PASSWORD", "Password of the .pfx/.p12 file, or of an encrypted PEM key.");

    public Option<string?> Ca { get; } = EnvOption("--ca", "MESH_CA", "PEM bundle of trusted root CAs for the server certificate (e.g. the NHS INT or live bundle); default is the system store.");

    public Option<string?> Proxy { get; } = EnvOption("--proxy", "MESH_PROXY", "HTTP proxy URL, e.g. http://proxy.local:3128.");

    public Option<string?> ApiVersion { get; } = EnvOption("--api-version", "MESH_API_VERSION",
        "MESH API version to speak: 2 (default) or 1 for a peer that only answers v1.");

    /// <summary>Adds every connection option to a client command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Url, Mailbox, Password, SharedKey, Cert, Key, CertPassword, Ca, Proxy, ApiVersion })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Client options from the parse result; throws <see cref="ArgumentException"/> naming what is missing.</summary>
    public MeshClientOptions Build(ParseResult result, int? chunkSize = null)
    {
        var url = Required(result, Url, "MESH_URL");
        return new MeshClientOptions
        {
            BaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"--url is not an absolute URL: {url}"),
            MailboxId = Required(result, Mailbox, "MESH_MAILBOX"),
            Password = Required(result, Password, "MESH_PASSWORD"),
            SharedKey = Required(result, SharedKey, "MESH_SHARED_KEY"),
            ClientCertificate = Value(result, Cert) is { } cert ? CertificateFiles.LoadWithPrivateKey(cert, Value(result, Key), Value(result, CertPassword)) : null,
            TrustedRoots = Value(result, Ca) is { } ca ? CertificateFiles.LoadPemBundle(ca) : null,
            Proxy = Value(result, Proxy) is { } proxy ? new WebProxy(proxy) : null,
            ChunkSize = chunkSize ?? MeshClientOptions.DefaultChunkSize,
            ApiVersion = Value(result, ApiVersion) switch
            {
                null or "2" => 2,
                "1" => 1,
                var other => throw new ArgumentException($"--api-version must be 1 or 2, not {other}."),
            },
        };
    }

    /// <summary>The mailbox id from the option or MESH_MAILBOX; throws <see cref="ArgumentException"/> when missing.</summary>
    public string MailboxOf(ParseResult result) => Required(result, Mailbox, "MESH_MAILBOX");

    // The environment is read at use, not as a default value, so help never prints a secret.
    private static Option<string?> EnvOption(string name, string variable, string description) => new(name)
    {
        Description = $"{description} [env: {variable}]",
        HelpName = variable,
    };

    private static string? Value(ParseResult result, Option<string?> option) =>
        result.GetValue(option) is { Length: > 0 } value ? value
            : Environment.GetEnvironmentVariable(option.HelpName!) is { Length: > 0 } env ? env : null;

    private static string Required(ParseResult result, Option<string?> option, string variable) =>
        Value(result, option) ?? throw new ArgumentException($"{option.Name} is required (or set {variable}).");

}
