using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting.Mesh;
using Itk3.Mesh;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Http;

namespace Itk3.Cli.Doctor;

/// <summary>Checks a node's MESH configuration end to end and explains each failure: certificate and key, DNS, TLS both ways, clock skew against the token window, credentials (handshake), mailbox and workflow registration.</summary>
internal sealed class MeshDoctor(GatewayOptions options, DoctorReport report, TimeProvider clock)
{
    /// <summary>MESH accepts a token whose timestamp is within this of its own clock (MESH.md §5).</summary>
    public static readonly TimeSpan TokenWindow = TimeSpan.FromHours(2);

    /// <summary>Runs every check that the earlier ones allow.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Mesh.IsEmbedded)
        {
            report.Skip("mesh", "mesh.url is \"embedded\": the node runs its own MESH server, nothing to check");
            return;
        }

        var url = new Uri(options.Mesh.ResolvedUrl);
        MeshClientOptions client;
        try
        {
            client = MeshConnectionFactory.Create(options.Mesh, options.Mailbox, url);
        }
        catch (GatewayConfigException e)
        {
            report.Fail(e.Field.EndsWith("trustedRootsPath", StringComparison.Ordinal) ? "D108" : "D101", "certificate", e.Errors[0].Message);
            return;
        }

        if (client.ClientCertificate is { } certificate)
        {
            CertificateChecks.Check(certificate, client.TrustedRoots, clock.GetUtcNow(), options.Health.CertificateWarning, report);
        }
        else
        {
            report.Warn("D100", "certificate", "no mesh.clientCertificate: every NHS MESH environment requires mutual TLS");
        }

        if (!await DnsAsync(url, cancellationToken).ConfigureAwait(false) || !await TlsAndClockAsync(client, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        using var mesh = new MeshClient(client with { Retry = Itk3.Mesh.Retry.MeshRetryPolicy.None });
        if (await HandshakeAsync(mesh, cancellationToken).ConfigureAwait(false))
        {
            await RegistrationAsync(mesh, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> DnsAsync(Uri url, CancellationToken cancellationToken)
    {
        if (options.Mesh.Proxy is { Length: > 0 })
        {
            report.Skip("dns", $"the proxy {options.Mesh.Proxy} resolves {url.Host}");
            return true;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(url.Host, cancellationToken).ConfigureAwait(false);
            report.Ok("dns", $"{url.Host} is {string.Join(", ", addresses.Take(3).Select(a => a.ToString()))}");
            return true;
        }
        catch (SocketException e)
        {
            report.Fail("D201", "dns", $"{url.Host} does not resolve ({e.SocketErrorCode}): check mesh.url, this machine's DNS, or set mesh.proxy");
            return false;
        }
    }

    private async Task<bool> TlsAndClockAsync(MeshClientOptions client, CancellationToken cancellationToken)
    {
        var handler = MeshTransport.CreateHandler(client);
        var validate = handler.SslOptions.RemoteCertificateValidationCallback;
        (X509Certificate? Certificate, SslPolicyErrors Errors, bool Accepted)? seen = null;
        handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
        {
            var accepted = validate?.Invoke(sender, certificate, chain, errors) ?? errors == SslPolicyErrors.None;
            seen = (certificate, errors, accepted);
            return accepted;
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.GetAsync(new Uri(client.BaseUrl, "/messageexchange/_ping"), cancellationToken).ConfigureAwait(false);
            report.Ok("tls", seen is { } s ? $"server certificate {s.Certificate?.Subject} trusted; the server accepted this client" : $"plain HTTP to {client.BaseUrl} (no TLS: only for a local MESH server)");
            Clock(response.Headers.Date);
            return true;
        }
        catch (HttpRequestException e)
        {
            ExplainTls(e, seen, client);
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            report.Fail("D204", "tls", $"{client.BaseUrl} did not answer within 30 s: a firewall or a missing mesh.proxy");
            return false;
        }
    }

    private void ExplainTls(HttpRequestException error, (X509Certificate? Certificate, SslPolicyErrors Errors, bool Accepted)? seen, MeshClientOptions client)
    {
        if (seen is { Accepted: false } refused)
        {
            report.Fail("D202", "tls", $"the server certificate {refused.Certificate?.Subject} is not trusted ({refused.Errors}): set mesh.trustedRootsPath to this environment's CA bundle");
        }
        else if (seen is { Accepted: true })
        {
            report.Fail("D203", "tls", client.ClientCertificate is null
                ? "the server refused the connection after TLS began: it requires a client certificate (mesh.clientCertificate)"
                : "the server refused this client certificate: it is not issued by the CA of this MESH environment, or not for this mailbox");
        }
        else
        {
            report.Fail("D205", "tls", $"no connection to {client.BaseUrl}: {error.HttpRequestError} ({error.InnerException?.GetType().Name ?? error.GetType().Name})");
        }
    }

    private void Clock(DateTimeOffset? serverDate)
    {
        if (serverDate is not { } date)
        {
            report.Skip("clock", "the server sent no Date header");
            return;
        }

        var skew = clock.GetUtcNow() - date;
        var text = $"this machine is {Math.Abs(skew.TotalSeconds):0} s {(skew < TimeSpan.Zero ? "behind" : "ahead of")} the server";
        if (skew.Duration() >= TokenWindow)
        {
            report.Fail("D301", "clock", $"{text}: beyond the token's 2-hour window, MESH refuses every request (403); fix the clock (NTP)");
        }
        else if (skew.Duration() >= TimeSpan.FromMinutes(5))
        {
            report.Warn("D302", "clock", $"{text}: inside the 2-hour window but drifting; check NTP");
        }
        else
        {
            report.Ok("clock", text);
        }
    }

    private async Task<bool> HandshakeAsync(MeshClient mesh, CancellationToken cancellationToken)
    {
        try
        {
            await mesh.HandshakeAsync(cancellationToken).ConfigureAwait(false);
            report.Ok("handshake", $"mailbox {mesh.MailboxId} accepted the credentials");
            return true;
        }
        catch (MeshApiException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            report.Fail("D401", "handshake", $"MESH refused the credentials ({(int)e.StatusCode} {e.ErrorCode}): check mailbox {mesh.MailboxId}, mesh.password and mesh.sharedKey (the environment's key)");
        }
        catch (MeshApiException e)
        {
            report.Fail("D402", "handshake", $"MESH answered {(int)e.StatusCode} {e.ErrorCode} to the handshake");
        }
        catch (HttpRequestException e)
        {
            report.Fail("D205", "handshake", $"the connection failed: {e.HttpRequestError}");
        }

        return false;
    }

    private async Task RegistrationAsync(MeshClient mesh, CancellationToken cancellationToken)
    {
        foreach (var flow in options.EffectiveFlows)
        {
            try
            {
                var found = await mesh.LookupEndpointAsync(options.OdsCode, flow.WorkflowId, cancellationToken).ConfigureAwait(false);
                if (found.Results.Any(m => string.Equals(m.MailboxId, mesh.MailboxId, StringComparison.OrdinalIgnoreCase)))
                {
                    report.Ok("workflow", $"{flow.WorkflowId}: ODS {options.OdsCode} resolves to this mailbox");
                }
                else
                {
                    report.Warn("D501", "workflow", $"{flow.WorkflowId}: endpoint lookup of ODS {options.OdsCode} does not name mailbox {mesh.MailboxId}; senders using ODS lookup will not find you: ask the MESH team to register the workflow");
                }
            }
            catch (Exception e) when (e is MeshApiException or HttpRequestException)
            {
                report.Skip("workflow", $"{flow.WorkflowId}: endpoint lookup not available ({e.GetType().Name})");
            }
        }
    }
}
