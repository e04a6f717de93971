namespace Itk3.Gateway.Postgres;

/// <summary>Where the PostgreSQL gateway store lives: a database shared by every instance of the node.</summary>
/// <param name="ConnectionString">An Npgsql connection string (host, database, user; the password from a secret).</param>
public sealed record PostgresGatewayStoreOptions(string ConnectionString)
{
    /// <summary>The schema holding the store's tables; created when missing.</summary>
    public string Schema { get; init; } = "public";

    /// <summary>How long one statement may run (and a unit of work wait for a row another holds) before failing as unavailable.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
