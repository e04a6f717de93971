using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Transport;

namespace Itk3.Gateway.Hosting;

/// <summary>Validates the mailbox with MESH at start and then every <c>mesh.handshakeInterval</c> (MESH.md §10: at least once every 24 hours).</summary>
internal sealed class MeshHandshake(GatewayNodeServices services, NodeEvents events)
{
    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var ok = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            // A failed handshake is tried again sooner (the poll interval), a good one after the full interval.
            var wait = ok ? services.Options.Mesh.HandshakeInterval : services.Options.Mesh.EffectivePollInterval;
            await Task.Delay(wait, services.Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One handshake; true when MESH accepted it.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await services.Transport.PingAsync(cancellationToken).ConfigureAwait(false);
            events.HandshakeSucceeded(services.Transport.Mailbox);
            return true;
        }
        catch (TransportException e)
        {
            events.HandshakeFailed(services.Transport.Mailbox, e.Code);
            return false;
        }
    }
}
