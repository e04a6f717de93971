using Itk3.Testing.Gateway;
using Npgsql;

namespace Itk3.Gateway.Postgres.Tests;

/// <summary>A private schema and the means to open store instances on it and to kill their connections, as a dying host would.</summary>
internal sealed class PgTestDatabase : IAsyncDisposable
{
    public string Schema { get; } = TestPostgres.NewSchema();

    /// <summary>Options for one instance; its connections carry the instance's name, so they can be found and killed.</summary>
    public PostgresGatewayStoreOptions Options(string instance = "itk3-test") =>
        new(new NpgsqlConnectionStringBuilder(TestPostgres.RequireConnectionString()) { ApplicationName = Schema[..20] + "-" + instance }.ToString())
        {
            Schema = Schema,
            // A claim that waited on another instance's rows would fail the test after this, instead of passing late.
            CommandTimeout = TimeSpan.FromSeconds(10),
        };

    public Task<PostgresGatewayStore> OpenAsync(string instance = "itk3-test", TimeProvider? clock = null) =>
        PostgresGatewayStore.OpenAsync(Options(instance), clock ?? TimeProvider.System, CancellationToken.None);

    /// <summary>Terminates every server connection of an instance (its open transactions roll back, its row locks go).</summary>
    public async Task<int> KillConnectionsAsync(string instance)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.RequireConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", Schema[..20] + "-" + instance);
        var killed = (int)(await command.ExecuteScalarAsync())!;

        // pg_terminate_backend only signals: wait until the backends are gone (their locks go with them), boundedly.
        await using var left = new NpgsqlCommand("SELECT COUNT(*)::int FROM pg_stat_activity WHERE application_name = @name", connection);
        left.Parameters.AddWithValue("name", Schema[..20] + "-" + instance);
        for (var check = 0; (int)(await left.ExecuteScalarAsync())! > 0; check++)
        {
            if (check == 200)
            {
                throw new InvalidOperationException($"The connections of {instance} were signalled but did not end.");
            }

            await Task.Delay(25);
        }

        return killed;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestPostgres.RequireConnectionString()) { SearchPath = Schema }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async ValueTask DisposeAsync()
    {
        if (TestPostgres.ConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await TestPostgres.DropSchemaAsync(Schema);
        }
    }
}
