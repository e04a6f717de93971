using Itk3.Gateway.Store;

namespace Itk3.Testing.Gateway;

/// <summary>An opened store: its write side, its read side and what closes it.</summary>
public sealed record GatewayStoreHandle(IGatewayStore Store, IGatewayQueries Queries, IAsyncDisposable Owner) : IAsyncDisposable
{
    /// <summary>Closes the store.</summary>
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
