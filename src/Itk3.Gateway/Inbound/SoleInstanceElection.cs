namespace Itk3.Gateway.Inbound;

/// <summary>The election of a store that only one instance uses (SQLite): this instance always polls.</summary>
public sealed class SoleInstanceElection : IPollerElection
{
    /// <summary>The one instance.</summary>
    public static SoleInstanceElection Instance { get; } = new();

    private SoleInstanceElection()
    {
    }

    /// <inheritdoc />
    public Task<bool> TryLeadAsync(string mailbox, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <inheritdoc />
    public Task ResignAsync(string mailbox, CancellationToken cancellationToken) => Task.CompletedTask;
}
