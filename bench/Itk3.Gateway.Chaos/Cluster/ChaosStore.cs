using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;

namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>The store of the run's nodes: SQLite (one instance each) or PostgreSQL with several instances per node, each node in its own schema.</summary>
/// <param name="Provider"><c>sqlite</c> or <c>postgres</c>.</param>
/// <param name="Instances">Instances per node (1 on SQLite).</param>
/// <param name="ConnectionString">The Npgsql connection string (PostgreSQL).</param>
internal sealed record ChaosStore(string Provider, int Instances, string? ConnectionString)
{
    /// <summary>One instance per node on SQLite.</summary>
    public static ChaosStore Sqlite { get; } = new("sqlite", 1, null);

    /// <summary>A known provider; several instances only on PostgreSQL, which needs a connection string.</summary>
    public bool IsValid => Provider switch
    {
        "sqlite" => Instances == 1,
        "postgres" => Instances >= 1 && ConnectionString is { Length: > 0 },
        _ => false,
    };

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres => Provider == "postgres";

    /// <summary>The node's schema in this run.</summary>
    public string SchemaFor(NodeSpec node) => string.Create(CultureInfo.InvariantCulture, $"chaos_{Environment.ProcessId}_{node.Name}");

    /// <summary>The <c>store</c> section of a node's config, or null for SQLite (the default).</summary>
    public JsonObject? SectionFor(NodeSpec node) => IsPostgres
        ? new JsonObject { ["provider"] = "postgres", ["connectionString"] = ConnectionString, ["schema"] = SchemaFor(node), ["pollerLease"] = "00:00:10" }
        : null;

    /// <summary>The instance id holding the node's MESH poller lease (PostgreSQL), or null when none does or the database does not answer.</summary>
    public async Task<string?> PollerAsync(NodeSpec node)
    {
        if (!IsPostgres)
        {
            return null;
        }

        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var query = new NpgsqlCommand($"SELECT holder FROM {SchemaFor(node)}.poller_leases ORDER BY lease_until DESC LIMIT 1", connection);
            return await query.ExecuteScalarAsync().ConfigureAwait(false) as string;
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    /// <summary>Drops the node's schema after the run (PostgreSQL).</summary>
    public async Task DropAsync(NodeSpec node)
    {
        if (!IsPostgres)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {SchemaFor(node)} CASCADE", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
