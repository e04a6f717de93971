namespace Itk3.Gateway.Store;

/// <summary>Stable codes of store failures.</summary>
public enum GatewayStoreError
{
    /// <summary>The database was written by a newer build (its schema version is unknown to this one).</summary>
    SchemaTooNew,

    /// <summary>A migration failed; nothing of it was applied.</summary>
    MigrationFailed,

    /// <summary>The database could not be opened or used.</summary>
    Unavailable,

    /// <summary>The disk (or the database's size limit) is full: nothing more can be written until space is freed.</summary>
    StorageFull,

    /// <summary>The database file is damaged or is not a database: restore it from a backup (it is never reset silently).</summary>
    Corrupt,

    /// <summary>The unit of work lost a lock conflict with another one (a deadlock or serialization failure) and was rolled back whole: run it again.</summary>
    Conflict,
}
