using Itk3.Gateway.Postgres.Migrations;
using Itk3.Testing.Gateway;

namespace Itk3.Gateway.Postgres.Tests;

/// <summary>A private schema in the test database (<see cref="TestPostgres"/>), dropped afterwards.</summary>
public sealed class PostgresStoreHarness : IGatewayStoreHarness
{
    public string Schema { get; } = TestPostgres.NewSchema();

    public IReadOnlyList<int> KnownMigrations => EmbeddedMigrations.Load().Select(m => m.Version).ToList();

    public PostgresGatewayStoreOptions Options => new(TestPostgres.RequireConnectionString()) { Schema = Schema };

    public async Task<GatewayStoreHandle> OpenAsync(CancellationToken cancellationToken)
    {
        var store = await PostgresGatewayStore.OpenAsync(Options, TimeProvider.System, cancellationToken);
        return new GatewayStoreHandle(store, store, store);
    }

    public async Task<IReadOnlyList<int>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var store = await PostgresGatewayStore.OpenAsync(Options, TimeProvider.System, cancellationToken);
        return await store.GetAppliedMigrationsAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (TestPostgres.ConnectionString is not null)
        {
            await TestPostgres.DropSchemaAsync(Schema);
        }
    }
}
