using Microsoft.Extensions.Hosting;

namespace Itk3.Gateway.Api.Hosting;

/// <summary>A host lifetime that does not hook Ctrl+C: the owner of the API server decides when it stops.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
