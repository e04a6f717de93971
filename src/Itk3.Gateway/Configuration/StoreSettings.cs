namespace Itk3.Gateway.Configuration;

/// <summary>Where the node keeps its durable state: a SQLite file (one instance) or a PostgreSQL database shared by several instances (docs/scale-out.md).</summary>
public sealed record StoreSettings
{
    /// <summary>The SQLite provider name.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The PostgreSQL provider name.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (the default: <see cref="GatewayOptions.DatabasePath"/>) or <c>postgres</c>.</summary>
    public string Provider { get; init; } = Sqlite;

    /// <summary>The Npgsql connection string for <c>postgres</c> (host, port, database, user, password); better from a secret file or <c>ITK3__STORE__CONNECTIONSTRING</c>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>A file holding the connection string (a mounted secret).</summary>
    public string? ConnectionStringFile { get; init; }

    /// <summary>The PostgreSQL schema holding the tables (created when missing).</summary>
    public string Schema { get; init; } = "public";

    /// <summary>How long a MESH poller's lease lasts without a heartbeat before another instance takes over; three poll intervals (at least 30 s) when null.</summary>
    public TimeSpan? PollerLease { get; init; }

    /// <summary>True for the PostgreSQL provider.</summary>
    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>The poller lease in force for a poll interval.</summary>
    public TimeSpan EffectivePollerLease(TimeSpan pollInterval) =>
        PollerLease ?? TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, pollInterval.Ticks * 3));
}
