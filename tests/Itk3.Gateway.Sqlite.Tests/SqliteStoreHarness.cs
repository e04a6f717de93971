using Itk3.Gateway.Sqlite;
using Itk3.Gateway.Sqlite.Migrations;
using Itk3.Testing.Gateway;

namespace Itk3.Gateway.Sqlite.Tests;

/// <summary>A private SQLite database file in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteStoreHarness : IGatewayStoreHarness
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "itk3-gateway-store-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(folder, "gateway.db");

    public IReadOnlyList<int> KnownMigrations => EmbeddedMigrations.Load().Select(m => m.Version).ToList();

    public SqliteGatewayStoreOptions Options => new(DatabasePath);

    public async Task<GatewayStoreHandle> OpenAsync(CancellationToken cancellationToken)
    {
        var store = await SqliteGatewayStore.OpenAsync(Options, TimeProvider.System, cancellationToken);
        return new GatewayStoreHandle(store, store, store);
    }

    public async Task<IReadOnlyList<int>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var store = await SqliteGatewayStore.OpenAsync(Options, TimeProvider.System, cancellationToken);
        return await store.GetAppliedMigrationsAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
