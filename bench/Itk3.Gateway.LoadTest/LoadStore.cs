using System.Globalization;
using Itk3.Gateway.Configuration;

namespace Itk3.Gateway.LoadTest;

/// <summary>The store one run uses: SQLite (one instance per node) or PostgreSQL with a number of instances per node, each node in its own schema.</summary>
internal sealed record LoadStore(string Provider, int Instances, string? ConnectionString)
{
    private static int runs;

    /// <summary>SQLite, one instance per node (the baseline).</summary>
    public static LoadStore Sqlite { get; } = new(StoreSettings.Sqlite, 1, null);

    /// <summary>A label for the results table.</summary>
    public string Label => $"{Provider}, {Instances} instance{(Instances == 1 ? string.Empty : "s")}";

    /// <summary>The store settings of a node's run (a fresh schema per node and run on PostgreSQL).</summary>
    public StoreSettings SettingsFor(string node) => Provider == StoreSettings.Postgres
        ? new StoreSettings
        {
            Provider = StoreSettings.Postgres,
            // Named, so that pg_stat_activity shows which server sessions are this tool's (other work may share the server).
            ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = "itk3-load" }.ToString(),
            Schema = string.Create(CultureInfo.InvariantCulture, $"load_{Environment.ProcessId}_{Interlocked.Increment(ref runs)}_{node.ToLowerInvariant()}"),
        }
        : new StoreSettings();
}
