namespace Itk3.Gateway.Sqlite;

/// <summary>Where the SQLite gateway store lives and how long a writer waits for another.</summary>
/// <param name="DatabasePath">The database file; created with its folder when missing.</param>
public sealed record SqliteGatewayStoreOptions(string DatabasePath)
{
    /// <summary>How long a unit of work waits for the write lock held by another before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A cap on the database size (SQLite <c>max_page_count</c>); writes past it fail as a full disk would. Null: no cap.</summary>
    public long? MaxDatabaseBytes { get; init; }
}
